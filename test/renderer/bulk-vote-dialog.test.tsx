/**
 * The bulk vote dialog, by keyboard alone: open it, record each of the five members in turn
 * ("A, Enter"), see the recusals before confirming, the outcome announced and each member's
 * progress, then close with Escape and land back where it was opened.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { createCouncilApi } from '../../renderer/common/council-api';
import { ServicesProvider } from '../../renderer/common/services';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import { BulkVoteDialog, bulkOpenSuggestionProposals } from '../../renderer/meeting/bulk';
import { AGENDA, bulkMeeting, MEETING, NOW, RECUSED_M3, seedBulkMeeting, VOTABLE } from './support/bulk-meeting';
import { freshDbEachTest } from './support/fresh-db';

// jsdom has no CSS.escape, which user-event uses to walk a radio group with the arrow keys.
if (typeof globalThis.CSS?.escape !== 'function') {
  Object.assign(globalThis, { CSS: { ...globalThis.CSS, escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });
}

let db: CouncilDb;
freshDbEachTest((d) => (db = d));
beforeEach(async () => {
  resetAnnouncer();
  await seedBulkMeeting(db);
  await bulkOpenSuggestionProposals(db, MEETING, AGENDA, { now: NOW });
});

/** A page with a button that opens the dialog over the selection, as the room will. */
function Host() {
  const [open, setOpen] = useState(false);
  return (
    <main>
      <button type="button" onClick={() => setOpen(true)}>
        일괄 표결 열기
      </button>
      {open && <BulkVoteDialog meetingId={MEETING} caseIds={AGENDA} onClose={() => setOpen(false)} now={() => NOW} />}
    </main>
  );
}

async function openDialog() {
  const user = userEvent.setup();
  render(
    <ServicesProvider services={{ db, api: createCouncilApi() }}>
      <Host />
    </ServicesProvider>,
  );
  await user.tab();
  expect(document.activeElement?.textContent).toBe('일괄 표결 열기');
  await user.keyboard('{Enter}');
  const dialog = await screen.findByRole('dialog', { name: '일괄 표결' });
  await waitFor(() => expect((document.activeElement as HTMLInputElement | null)?.value).toBe('m1'));
  return { user, dialog };
}

const polite = () => useAnnouncerStore.getState().polite?.text ?? '';
const progressOf = (dialog: HTMLElement, memberId: string) => dialog.querySelector(`tr[data-member-id="${memberId}"]`)?.textContent ?? '';

describe('the bulk vote dialog', () => {
  it('records the five members one after another by keyboard, showing recusals first, announcing each, with progress', async () => {
    const { user, dialog } = await openDialog();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText(/선택한 사건 15건 · 표결 중인 제안 14건 · 지원금 합계 560,000원/)).toBeTruthy();
    // The rest of the page is inert while the dialog is open.
    expect(screen.getByRole('main', { hidden: true }).closest('[inert]')).not.toBeNull();

    const plan = () => dialog.querySelector('.bulk-vote__confirmation')?.textContent ?? '';
    // m1: A chooses approve and moves to the confirm button; Enter records.
    await user.keyboard('a');
    await waitFor(() => expect(plan()).toContain('정한결 · 찬성 · 14건에 기록'));
    expect(document.activeElement?.textContent).toBe('14건 기록');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(polite()).toBe('정한결의 찬성 표결을 14건 기록했습니다.'));
    await waitFor(() => expect(progressOf(dialog, 'm1')).toContain('14 / 14건완료'));
    // The next member comes up, focused.
    await waitFor(() => expect((document.activeElement as HTMLInputElement).value).toBe('m2'));
    await user.keyboard('a');
    await waitFor(() => expect(plan()).toContain('박서윤 · 찬성'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect((document.activeElement as HTMLInputElement).value).toBe('m3'));

    // m3 is recused on three cases: said before confirming; the vote goes on the other eleven.
    await user.keyboard('a');
    await waitFor(() => expect(plan()).toContain('회피 3건 / 15건: 그 사건에는 표결을 기록하지 않습니다.'));
    expect(plan()).toContain('11건에 기록');
    expect(plan()).toContain('표결 중인 제안이 없는 사건 1건');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(polite()).toBe('이도현의 찬성 표결을 11건 기록했습니다. 회피로 제외 3건.'));
    await waitFor(() => expect((document.activeElement as HTMLInputElement).value).toBe('m4'));

    // R and S, with the Korean input method on: the physical keys count (A types ㅁ there).
    await user.keyboard('[KeyR]');
    await waitFor(() => expect(plan()).toContain('최지아 · 반대'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect((document.activeElement as HTMLInputElement).value).toBe('m5'));
    await user.keyboard('ㄴ');
    await waitFor(() => expect(plan()).toContain('강민재 · 기권'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(polite()).toBe('강민재의 기권 표결을 14건 기록했습니다.'));
    await waitFor(() => expect(progressOf(dialog, 'm5')).toContain('완료'));
    for (const m of ['m1', 'm2', 'm3', 'm4']) expect(progressOf(dialog, m)).toContain('완료');
    expect(progressOf(dialog, 'm3')).toContain('11 / 11건');
    // 3 approvals of 5 pass; where m3 is recused 2 of 4 do not.
    expect(within(dialog).getByText(`지금 가결 요건을 충족하는 제안: ${VOTABLE.length - RECUSED_M3.length}건 / ${VOTABLE.length}건`)).toBeTruthy();

    expect(await db.votes.count()).toBe(5 * VOTABLE.length - RECUSED_M3.length);
    expect(await db.votes.get([MEETING, RECUSED_M3[0]!, 1, 'm3'])).toBeUndefined();
    expect(await firstBrokenAuditEntry(db)).toBeNull();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement?.textContent).toBe('일괄 표결 열기');
    expect(document.querySelector('[inert]')).toBeNull();
  }, 30_000);

  it('keeps Tab inside, offers no absent member, and refuses to confirm before a vote is chosen', async () => {
    const attendance = bulkMeeting().attendance.map((a) => (a.memberId === 'm5' ? { ...a, leftAt: '2023-03-02T14:30:00+09:00' } : a));
    await db.meetings.put(bulkMeeting({ attendance }));
    const { user, dialog } = await openDialog();
    const absent = within(dialog).getByRole('radio', { name: '강민재 (위원): 출석하지 않음' }) as HTMLInputElement;
    expect(absent.disabled).toBe(true);
    expect(progressOf(dialog, 'm5')).toContain('출석하지 않음');
    // Arrow keys move between members (radio group).
    await user.keyboard('{ArrowDown}');
    expect((document.activeElement as HTMLInputElement).value).toBe('m2');
    // Enter on the confirm button with no vote chosen records nothing.
    const confirm = within(dialog).getByRole('button', { name: '0건 기록' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '닫기' }));
    await user.tab();
    expect(document.activeElement).toBe(confirm);
    await user.keyboard('{Enter}');
    expect(await db.votes.count()).toBe(0);
    // From the last control Tab wraps to the first, and Shift+Tab back.
    await user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);
  }, 20_000);

  it("takes the room's vote keys (A or Y, R or N, S or B, also as the Korean input method types them) and says them", async () => {
    const { user, dialog } = await openDialog();
    // The app's modal dialog: labelled by its title, described by the intro naming the keys.
    expect(screen.getByRole('dialog', { name: '일괄 표결', description: /키 — A 또는 Y: 찬성 · R 또는 N: 반대 · S 또는 B: 기권 · Esc: 닫기/ })).toBe(dialog);
    const approve = within(dialog).getByRole('radio', { name: '찬성 (A 또는 Y)' });
    expect(approve.getAttribute('aria-keyshortcuts')).toBe('A Y');
    expect(within(dialog).getByRole('radio', { name: '기권 (S 또는 B)' }).getAttribute('aria-keyshortcuts')).toBe('S B');
    const plan = () => dialog.querySelector('.bulk-vote__confirmation')?.textContent ?? '';
    await waitFor(() => expect(plan()).toBe('표결을 고르십시오 (A 또는 Y: 찬성, R 또는 N: 반대, S 또는 B: 기권).'));

    await user.keyboard('y');
    await waitFor(() => expect(plan()).toContain('정한결 · 찬성'));
    expect((approve as HTMLInputElement).checked).toBe(true);
    // N (the physical key, whatever it types), then B as the Korean 2-set layout types it (ㅠ): the last one counts.
    await user.keyboard('[KeyN]');
    await waitFor(() => expect(plan()).toContain('정한결 · 반대'));
    await user.keyboard('ㅠ');
    await waitFor(() => expect(plan()).toContain('정한결 · 기권'));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(polite()).toBe('정한결의 기권 표결을 14건 기록했습니다.'));
    expect(await db.votes.get([MEETING, AGENDA[0]!, 1, 'm1'])).toMatchObject({ vote: 'abstain' });
  });

  it('says why nothing can be recorded when the meeting is not open', async () => {
    await db.meetings.put(bulkMeeting({ status: 'closed', closedAt: NOW }));
    const { user, dialog } = await openDialog();
    await user.keyboard('s');
    await waitFor(() => expect(within(dialog).getByText('열린 회의가 아니어서 표결을 기록할 수 없습니다.')).toBeTruthy());
    await user.keyboard('{Enter}');
    expect(await db.votes.count()).toBe(0);
  });
});
