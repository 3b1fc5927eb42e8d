/**
 * The meeting room from the keyboard only: go to a case, put the suggestion to the vote, record
 * three members' votes with one key each (focus moving to the next member), watch the tally, close
 * the vote and record the decision; a recused member's key is refused; the evidence is one key away.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { ApiBridge } from '../../shared/api';
import { ok } from '../../shared/result';
import { fakeBridge } from './support/fake-bridge';
import { demoCouncil } from './support/demo-council';
import { PROJECTOR_FOCUS_KEY } from '../../renderer/meeting/projector/projector-focus';
import { Announcer } from '../../renderer/common/Announcer';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { createCouncilApi } from '../../renderer/common/council-api';
import { i18n } from '../../renderer/common/i18n';
import { ServicesProvider } from '../../renderer/common/services';
import { useUiStore } from '../../renderer/common/ui-store';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { MeetingRoom } from '../../renderer/meeting/room';
import { declareRecusal } from '../../renderer/meeting/room/recusal-db';
import { resetRoomStore } from '../../renderer/meeting/room/room-store';
import { freshDbName } from './support/render-app';
import { MEETING_ID, seatMembers, seedOpenMeeting } from './support/room-meeting';

const C2 = '1015-000002';
/** The machine is shared: a write and the read after it may take a while. */
const SLOW = { timeout: 8000 };

async function openRoom(present: string[], prepare?: (db: CouncilDb) => Promise<void>, bridge?: () => ApiBridge | undefined) {
  resetRoomStore();
  resetAnnouncer();
  const db = openCouncilDb(freshDbName());
  await seedOpenMeeting(db);
  await seatMembers(db, present);
  await prepare?.(db);
  useUiStore.getState().openMeeting(MEETING_ID, 'room');
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={{ db, api: createCouncilApi(bridge ?? (() => undefined)) }}>
        <MeetingRoom />
        <Announcer />
      </ServicesProvider>
    </I18nextProvider>,
  );
  await screen.findByTestId('room-case-name', {}, SLOW);
  return { db, user };
}

const memberButton = (id: string) => screen.getByTestId('room-vote-list').querySelector<HTMLButtonElement>(`button[data-member-id="${id}"]`)!;
const figure = (name: string) => screen.getByTestId('room-tally').querySelector(`[data-figure="${name}"] dd`)!.textContent;

/** The first case with 최지아 (m4) recused on it, four present, its suggestion put to the vote (P, Enter). */
async function voteWithM4Recused() {
  const room = await openRoom(['m1', 'm2', 'm3', 'm4'], async (d) => {
    await declareRecusal(d, { meetingId: MEETING_ID, caseId: '1015-000001', memberId: 'm4', reason: '신청인과 거래 관계' });
  });
  await room.user.keyboard('p');
  await room.user.keyboard('{Enter}');
  await waitFor(() => expect(document.activeElement).toBe(memberButton('m1')), SLOW);
  return room;
}

describe('meeting room, keyboard only', { timeout: 60_000 }, () => {
  it('records three votes with one key each, shows the tally live, closes the vote and records the decision', async () => {
    const { db, user } = await openRoom(['m1', 'm2', 'm3']);
    expect(screen.getByTestId('room-case-name').textContent).toBe('행복분식');
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(screen.getByTestId('room-case-name').textContent).toBe('마포택시'), SLOW);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-case-name')), SLOW);
    expect(screen.getByTestId('room-position').textContent).toBe('안건 2 / 3');

    // P: the proposal; its first control is "propose the suggestion" (T2, 50,000).
    await user.keyboard('p');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-propose-suggestion')), SLOW);
    await user.keyboard('{Enter}');
    await screen.findByTestId('room-open-proposal', {}, SLOW);
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m1')), SLOW);
    expect(figure('approvalsNeeded')).toBe('2');
    // Arrows move between members without voting.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(memberButton('m2'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(memberButton('m1'));

    await user.keyboard('a');
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m2')), SLOW);
    expect(memberButton('m1').dataset.state).toBe('approve');
    expect(figure('approve')).toBe('1');
    await user.keyboard('y');
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m3')), SLOW);
    await user.keyboard('r');
    // Everyone present has voted: focus goes to "close the vote".
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-close-vote')), SLOW);
    expect([figure('approve'), figure('reject'), figure('abstain'), figure('notVoted'), figure('present'), figure('members')]).toEqual(['2', '1', '0', '0', '3', '5']);
    expect(screen.getByTestId('room-tally-outcome').textContent).toContain('가결');
    expect(memberButton('m4').dataset.state).toBe('absent');
    expect(useAnnouncerStore.getState().polite?.text).toContain('정한결: 찬성');

    // A vote can change while the proposal is open: back up to m3 and abstain, then reject again.
    // (the list may be drawn again as the last vote is read back: focus and key again until it counts;
    // the same vote twice changes nothing)
    await waitFor(async () => {
      memberButton('m3').focus();
      await user.keyboard('s');
      expect(figure('abstain')).toBe('1');
    }, SLOW);
    await waitFor(async () => {
      memberButton('m3').focus();
      await user.keyboard('n');
      expect(figure('reject')).toBe('1');
      expect(figure('abstain')).toBe('0');
    }, SLOW);

    screen.getByTestId('room-close-vote').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-record-decision')), SLOW);
    expect(screen.getByTestId('room-proposal-history').textContent).toContain('가결');
    await user.keyboard('{Enter}');
    await screen.findByTestId('room-decision', {}, SLOW);
    expect(screen.getByTestId('room-decision').textContent).toContain('의결 1차: 지원금 50,000원');
    expect(screen.getByTestId('room-case-status').textContent).toBe('의결됨');
    const decision = await db.decisions.get([C2, 1]);
    expect(decision).toMatchObject({ outcome: 'award', award: 50_000, proposalNo: 1, decidedBy: 's1', tally: { approve: 2, reject: 1, present: 3, passed: true } });
    expect(useAnnouncerStore.getState().polite?.text).toContain('사건 1015-000002 의결');
  });

  it('puts an amount of a case-by-case tier to the vote and decides it only with a rationale', async () => {
    const { db, user } = await openRoom(['m1', 'm2', 'm3']);
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(screen.getByTestId('room-position').textContent).toBe('안건 2 / 3'), SLOW);
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(screen.getByTestId('room-case-name').textContent).toBe('연남꽃집'), SLOW);
    // The suggestion names no award (T3, case by case): the first control is "reject".
    await user.keyboard('p');
    expect(screen.getByTestId('room-propose-suggestion')).toHaveProperty('disabled', true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-propose-reject')), SLOW);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('room-propose-amount'));
    await user.keyboard('{Enter}');
    const amount = await screen.findByLabelText('지원금 (원, 정수)', {}, SLOW);
    expect(document.activeElement).toBe(amount);
    await user.keyboard('950000');
    expect(screen.getByTestId('room-amount-form').textContent).toContain('신청 손실 900,000원을(를) 넘는 지원금은 상정할 수 없습니다.');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('room-problem').textContent).toBe('지원금 950,000원은(는) 신청 손실 900,000원을(를) 넘을 수 없습니다.'), SLOW);
    expect(await db.proposals.count()).toBe(0);
    await user.clear(amount);
    await user.keyboard('700,000{Enter}');
    await screen.findByTestId('room-open-proposal', {}, SLOW);
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m1')), SLOW);
    await user.keyboard('a');
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m2')), SLOW);
    await user.keyboard('a');
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m3')), SLOW);
    await user.keyboard('b');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-close-vote')), SLOW);
    await user.keyboard('{Enter}');
    // A case-by-case award needs a rationale: focus lands in it.
    const rationale = await screen.findByLabelText('의결 이유 (필수)', {}, SLOW);
    await waitFor(() => expect(document.activeElement).toBe(rationale), SLOW);
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('room-problem').textContent).toBe('의결 이유를 적어 주세요: 개별 심의 구간의 지원금입니다.'), SLOW);
    await user.tab({ shift: true });
    await user.keyboard('매출 장부로 손실 확인');
    await user.tab();
    await user.keyboard('{Enter}');
    await screen.findByTestId('room-decision', {}, SLOW);
    expect(await db.decisions.get(['1015-000003', 1])).toMatchObject({ award: 700_000, tier: 'T3', rationale: '매출 장부로 손실 확인', tally: { approve: 2, abstain: 1, passed: true } });
    expect(screen.queryByTestId('room-problem')).toBeNull();
  });

  it("refuses a recused member's key on screen, recording nothing", async () => {
    const { db, user } = await voteWithM4Recused();
    expect(memberButton('m4').dataset.state).toBe('recused');
    memberButton('m4').focus();
    await user.keyboard('a');
    await waitFor(() => expect(screen.getByTestId('room-problem').textContent).toBe('최지아 위원은 이 사건에서 회피했으므로 표결할 수 없습니다.'), SLOW);
    expect(useAnnouncerStore.getState().assertive?.text).toBe('최지아 위원은 이 사건에서 회피했으므로 표결할 수 없습니다.');
    expect(await db.votes.count()).toBe(0);
    // Recused, m4 is out of the count: 4 members, 3 present.
    expect([figure('members'), figure('present'), figure('recused')]).toEqual(['4', '3', '1']);
  });

  it('withdraws a recusal with a reason: the member counts again and votes on the open proposal', async () => {
    const { db, user } = await voteWithM4Recused();
    expect([figure('members'), figure('present'), figure('recused')]).toEqual(['4', '3', '1']);

    await waitFor(async () => {
      if (!screen.queryByTestId('room-withdraw-recusal')) {
        screen.getByRole('button', { name: '최지아 위원 회피 철회…' }).focus();
        await user.keyboard('{Enter}');
      }
      expect(document.activeElement).toBe(screen.getByLabelText('회피를 철회하는 사유'));
    }, SLOW);
    // An empty reason is refused by the data, in words.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('room-problem').textContent).toBe('사유를 적어 주세요.'), SLOW);
    await user.keyboard('거래 관계는 다른 사업자의 것이었음{Enter}');
    await waitFor(() => expect(memberButton('m4').dataset.state).toBe('notVoted'), SLOW);
    expect(screen.getByTestId('room-recusals').textContent).toBe('최지아: 회피 철회 (거래 관계는 다른 사업자의 것이었음)');
    expect(screen.queryByTestId('room-withdraw-recusal')).toBeNull();
    expect(useAnnouncerStore.getState().polite?.text).toBe('최지아 위원의 회피를 철회했습니다. 이 사건의 표결에 다시 포함됩니다.');
    // Back in the count: 5 members, 4 present; focus went to the votes.
    expect([figure('members'), figure('present'), figure('recused')]).toEqual(['5', '4', '0']);
    await waitFor(() => expect(document.activeElement).toBe(memberButton('m1')), SLOW);
    memberButton('m4').focus();
    await user.keyboard('a');
    await waitFor(() => expect(memberButton('m4').dataset.state).toBe('approve'), SLOW);
    expect(await db.votes.get([MEETING_ID, '1015-000001', 1, 'm4'])).toMatchObject({ vote: 'approve' });
    expect(await db.recusals.get([MEETING_ID, '1015-000001', 'm4'])).toMatchObject({ status: 'withdrawn', reason: '신청인과 거래 관계', withdrawal: { reason: '거래 관계는 다른 사업자의 것이었음', by: 's1' } });
  });

  it('declares a recusal on the spot by keyboard: the member first, then the reason; Escape cancels', async () => {
    const { db, user } = await openRoom(['m1', 'm2', 'm3']);
    // (the room may still be settling its focus as it opens: focus the button and press until the form shows)
    const openForm = () =>
      waitFor(async () => {
        if (!screen.queryByTestId('room-declare-recusal')) {
          screen.getByRole('button', { name: '그 자리에서 회피 신고' }).focus();
          await user.keyboard('{Enter}');
        }
        expect(document.activeElement).toBe(screen.getByLabelText('회피할 위원'));
      }, SLOW);
    await openForm();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('room-declare-recusal')).toBeNull(), SLOW);
    expect(await db.recusals.count()).toBe(0);

    await openForm();
    await user.selectOptions(screen.getByLabelText('회피할 위원'), 'm2');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('회피 사유'));
    await user.keyboard('신청인의 친족{Enter}');
    await waitFor(() => expect(screen.getByTestId('room-recusals').textContent).toContain('박서윤: 회피 (신청인의 친족)'), SLOW);
    expect(screen.queryByTestId('room-declare-recusal')).toBeNull();
    expect(await db.recusals.get([MEETING_ID, '1015-000001', 'm2'])).toMatchObject({ status: 'recused', reason: '신청인의 친족', conflictId: null });
  });

  it('says a departure that loses the quorum assertively', async () => {
    const { user } = await openRoom(['m1', 'm2', 'm3']);
    await user.keyboard('m');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-attendance-m1')), SLOW);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(useAnnouncerStore.getState().assertive?.text).toBe('정한결 위원 퇴장. 출석 2명, 정족수 3명 — 정족수 미달'), SLOW);
    expect(screen.getByTestId('room-meeting-quorum').textContent).toContain('정족수 미달');
    expect(screen.getByTestId('room-attendance-m1').textContent).toBe('정한결 도착');
  });

  it('opens the evidence with E and comes back to the same case with Escape', async () => {
    const { user } = await openRoom(['m1']);
    await user.keyboard('{PageDown}');
    await waitFor(() => expect(screen.getByTestId('room-case-name').textContent).toBe('마포택시'), SLOW);
    await user.keyboard('e');
    await screen.findByTestId('review-title', {}, SLOW);
    expect(screen.getByTestId('review-title').textContent).toBe('사건 1015-000002 — 마포택시');
    // Opened from the room, "back" says it goes back to the meeting.
    expect(screen.getByTestId('review-back').textContent).toBe('← 회의로 돌아가기 Esc');
    await user.keyboard('{Escape}');
    await screen.findByTestId('room-case-name', {}, SLOW);
    expect(screen.getByTestId('room-case-name').textContent).toBe('마포택시');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('room-case-name')), SLOW);
  });

  it('opens the keys\' help with ? and closes it with Escape; W opens the projector view, which follows the case', async () => {
    const bridge = fakeBridge(demoCouncil());
    bridge.openProjector.mockImplementation(async () => ok({ opened: false }));
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { db, user } = await openRoom(['m1', 'm2', 'm3'], undefined, () => bridge);
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: '단축키' });
    expect(dialog.textContent).toContain('W: 프로젝터 화면 열기');
    // The vote keys as the vote list and the bulk vote take them (one map, renderer/meeting/vote-keys.ts).
    expect(dialog.textContent).toContain('표결 목록에서 A 또는 Y: 찬성, R 또는 N: 반대, S 또는 B: 기권');
    // the room's keys stay quiet while the dialog is open
    await user.keyboard('{PageDown}');
    expect(screen.getByTestId('room-position').textContent).toBe('안건 1 / 3');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await user.keyboard('w');
    await waitFor(() => expect(bridge.openProjector).toHaveBeenCalledWith({ meetingId: MEETING_ID }));
    await waitFor(() => expect(opened).toHaveBeenCalledWith(expect.stringContaining(`#projector=${MEETING_ID}`), 'council-desk-projector'));
    await user.keyboard('{PageDown}');
    await waitFor(async () => expect((await db.settings.get(PROJECTOR_FOCUS_KEY))?.value).toEqual({ meetingId: MEETING_ID, caseId: C2 }), SLOW);
    opened.mockRestore();
  });
});
