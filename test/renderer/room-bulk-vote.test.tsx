/**
 * The room's bulk vote, from the keyboard: G shows the preset (unflagged cases with a fixed
 * suggested award, not decided) with its count and total, Enter opens their suggestion proposals
 * and the bulk vote dialog, five members are "A, Enter" each, Escape closes the dialog and the
 * next step closes the votes and records the decisions of those that passed.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resetAnnouncer } from '../../renderer/common/announcer';
import { openCouncilDb } from '../../renderer/db/schema';
import { presetOf } from '../../renderer/meeting/bulk';
import { resetRoomStore } from '../../renderer/meeting/room/room-store';
import { freshDbName } from './support/render-app';
import { renderRoom } from './support/render-room';
import { AGENDA, MEETING_ID, seatMembers, seedOpenMeeting, VOTERS } from './support/room-meeting';

// The machine is shared: a write and the read after it may take a while.
const SLOW = { timeout: 20_000 };

describe('room bulk vote', { timeout: 120_000 }, () => {
  it('G: preset, open the suggestions, five members, close and decide', async () => {
    resetRoomStore();
    resetAnnouncer();
    const db = openCouncilDb(freshDbName());
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    // The seeded demo cases carry flags; the first two are made unflagged (T1 30,000 and T2 50,000).
    for (const id of AGENDA.slice(0, 2)) {
      const row = (await db.cases.get(id))!;
      await db.cases.put({ ...row, flags: [] });
    }
    const expected = presetOf(await db.cases.bulkGet(AGENDA));
    expect(expected).toEqual({ caseIds: AGENDA.slice(0, 2), total: 80_000 });
    const { user } = await renderRoom(db);
    expect(screen.getByTestId('room-bulk').getAttribute('aria-keyshortcuts')).toBe('G');

    await user.keyboard('g');
    const summary = await screen.findByTestId('bulk-preset-summary', {}, SLOW);
    expect(summary.textContent).toContain(`${expected.caseIds.length}건`);
    expect(summary.textContent).toContain(expected.total.toLocaleString('ko-KR'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('bulk-preset-open')), SLOW);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.querySelector('[data-dialog="bulk-vote"]')).not.toBeNull(), SLOW);
    const open = (await db.proposals.where('meetingId').equals(MEETING_ID).toArray()).filter((p) => p.status === 'open');
    expect(open.map((p) => p.caseId).sort()).toEqual([...expected.caseIds].sort());

    for (let i = 0; i < VOTERS.length; i++) {
      await waitFor(async () => expect(await db.votes.count()).toBe(i * expected.caseIds.length), SLOW);
      await waitFor(() => expect(document.activeElement?.closest('fieldset')).not.toBeNull(), SLOW);
      await user.keyboard('a');
      // Enter once the plan is read and the confirm button (which A focused) is enabled.
      await waitFor(() => {
        const confirm = document.activeElement as HTMLButtonElement;
        expect(confirm.tagName).toBe('BUTTON');
        expect(confirm.disabled).toBe(false);
      }, SLOW);
      await user.keyboard('{Enter}');
    }
    await waitFor(async () => expect(await db.votes.count()).toBe(VOTERS.length * expected.caseIds.length), SLOW);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('bulk-close-decide')), SLOW);
    await user.keyboard('{Enter}');
    const result = await screen.findByTestId('bulk-close-result', {}, SLOW);
    expect(result.textContent).toContain(`의결 ${expected.caseIds.length}건`);
    const decisions = await db.decisions.toArray();
    expect(decisions.map((d) => d.caseId).sort()).toEqual([...expected.caseIds].sort());
    for (const d of decisions) expect(d.outcome).toBe('award');
    for (const id of expected.caseIds) expect((await db.cases.get(id))?.status).toBe('decided');
    const audit = await db.audit.toArray();
    expect(audit.filter((a) => a.entity === 'decision' && a.action === 'record')).toHaveLength(expected.caseIds.length);
  });
});
