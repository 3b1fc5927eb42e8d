/**
 * Storage running out during the bulk vote (meeting/bulk/). Each bulk operation is ONE read-write
 * transaction with its audit entries (bulk-vote-db.ts), so a quota error anywhere in it (Chromium's
 * IndexedDB: a DOMException named QuotaExceededError) keeps none of it: a member's votes are
 * recorded on all the cases or on none, a change of vote is made on all or on none, the proposals
 * are opened all or none; and the user is told so, with what was used and what was left. Closing
 * and deciding goes case by case (a transaction each): what was decided before stays decided.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { createCouncilApi } from '../../renderer/common/council-api';
import { ServicesProvider } from '../../renderer/common/services';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { BulkVoteDialog, bulkOpenSuggestionProposals, recordBulkVote } from '../../renderer/meeting/bulk';
import { resetRoomStore } from '../../renderer/meeting/room/room-store';
import { AGENDA, MEETING, NOW, seedBulkMeeting, VOTABLE } from './support/bulk-meeting';
import { dbSnapshot } from './support/db-snapshot';
import { freshDbEachTest } from './support/fresh-db';
import { freshDbName } from './support/render-app';
import { renderRoom } from './support/render-room';
import { AGENDA as ROOM_AGENDA, MEETING_ID as ROOM_MEETING, seatMembers, seedOpenMeeting, VOTERS } from './support/room-meeting';
import { runOutOfStorage, stubStorage, unstubStorage } from './support/storage-stub';

// jsdom has no CSS.escape, which user-event uses to walk a radio group with the arrow keys.
if (typeof globalThis.CSS?.escape !== 'function') {
  Object.assign(globalThis, { CSS: { ...globalThis.CSS, escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });
}

const SLOW = { timeout: 20_000 };
const QUOTA = 2_000_000_000;
/** Used when the write is refused: all but 100 kB of the 2 GB. */
const FULL_USAGE = QUOTA - 100_000;
const STORAGE_WORDS =
  '오류 코드 STORAGE_FULL: 이 컴퓨터에서 앱이 쓸 수 있는 저장 공간(브라우저의 저장 할당량)이 가득 찼습니다. ' +
  '전체 2 GB 중 2 GB를 쓰고 있어 남은 공간은 100 kB입니다. 디스크의 다른 파일을 지워 공간을 비운 뒤 다시 하세요.';

let storage: ReturnType<typeof stubStorage>;
const fillUp = () => {
  storage.state.usage = FULL_USAGE;
};
beforeEach(() => {
  resetAnnouncer();
  storage = stubStorage({ usage: 50_000_000, quota: QUOTA });
});
afterEach(unstubStorage);

const assertive = () => useAnnouncerStore.getState().assertive?.text ?? '';
const polite = () => useAnnouncerStore.getState().polite?.text ?? '';

describe('the bulk vote dialog when the storage runs out', () => {
  let db: CouncilDb;
  freshDbEachTest((d) => (db = d));
  beforeEach(async () => {
    await seedBulkMeeting(db);
    await bulkOpenSuggestionProposals(db, MEETING, AGENDA, { now: NOW });
  });

  function Host() {
    const [open, setOpen] = useState(true);
    return <main>{open && <BulkVoteDialog meetingId={MEETING} caseIds={AGENDA} onClose={() => setOpen(false)} now={() => NOW} />}</main>;
  }

  async function openDialog() {
    const user = userEvent.setup();
    render(
      <ServicesProvider services={{ db, api: createCouncilApi(() => undefined) }}>
        <Host />
      </ServicesProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: '일괄 표결' }, SLOW);
    await waitFor(() => expect((document.activeElement as HTMLInputElement | null)?.value).toBe('m1'), SLOW);
    const plan = () => dialog.querySelector('.bulk-vote__confirmation')?.textContent ?? '';
    const progressOf = (memberId: string) => dialog.querySelector(`tr[data-member-id="${memberId}"]`)?.textContent ?? '';
    return { user, dialog, plan, progressOf };
  }

  const votesOf = async (memberId: string) => (await db.votes.where('meetingId').equals(MEETING).toArray()).filter((v) => v.memberId === memberId);

  it("keeps not one of the member's votes when the write runs out of storage, says so with the figures, and records them all once there is room", async () => {
    const { user, dialog, plan, progressOf } = await openDialog();
    // m1's vote is recorded as usual.
    await user.keyboard('a');
    await waitFor(() => expect(plan()).toContain('정한결 · 찬성 · 14건에 기록'), SLOW);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(polite()).toBe('정한결의 찬성 표결을 14건 기록했습니다.'), SLOW);
    await waitFor(() => expect((document.activeElement as HTMLInputElement).value).toBe('m2'), SLOW);
    const before = await dbSnapshot(db);

    // m2's: the vote rows are added, then the audit entries run out of storage, in the same transaction.
    const full = runOutOfStorage(db.audit, 'bulkAdd', 1, fillUp);
    await user.keyboard('a');
    await waitFor(() => expect(plan()).toContain('박서윤 · 찬성 · 14건에 기록'), SLOW);
    await user.keyboard('{Enter}');

    const alert = await within(dialog).findByRole('alert', {}, SLOW);
    const title = '저장 공간이 부족해 표결을 기록하지 못했습니다. 하나의 트랜잭션이 통째로 취소되어, 이번 14건의 표결은 한 건도 기록되지 않았습니다.';
    expect(alert.querySelector('.notice__title')?.textContent).toBe(title);
    expect(alert.querySelector('.notice__detail')?.textContent).toBe(STORAGE_WORDS);
    expect(assertive()).toBe(`${title} ${STORAGE_WORDS}`);
    expect(full).toHaveBeenCalledTimes(1);
    // Whole or nothing: not one of m2's votes, m1's all there, the audit log as it was and whole.
    expect(await votesOf('m2')).toEqual([]);
    expect(await votesOf('m1')).toHaveLength(VOTABLE.length);
    expect(await dbSnapshot(db)).toEqual(before);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
    await waitFor(() => expect(progressOf('m2')).toContain('0 / 14건'), SLOW);

    // Room again: the same confirmation records all fourteen.
    full.mockRestore();
    storage.state.usage = 50_000_000;
    await user.click(within(dialog).getByRole('radio', { name: /박서윤/ }));
    await user.keyboard('a');
    await waitFor(() => expect(plan()).toContain('박서윤 · 찬성 · 14건에 기록'), SLOW);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(polite()).toBe('박서윤의 찬성 표결을 14건 기록했습니다.'), SLOW);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(await votesOf('m2')).toHaveLength(VOTABLE.length);
    expect(await db.audit.where('entity').equals('vote').count()).toBe(2 * VOTABLE.length);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  }, 60_000);

  it('changes a vote on all the cases or on none: new votes added before the storage ran out are not kept, the earlier ones stay', async () => {
    // m1 approved half the cases earlier.
    const half = VOTABLE.slice(0, 7);
    await recordBulkVote(db, MEETING, 'm1', 'approve', half, { now: NOW });
    const before = await dbSnapshot(db);
    const { user, dialog, plan } = await openDialog();

    // Now m1 rejects all fourteen: seven are added, then replacing the seven approvals runs out of storage.
    const full = runOutOfStorage(db.votes, 'bulkPut', 1, fillUp);
    await user.keyboard('r');
    await waitFor(() => expect(plan()).toContain('정한결 · 반대 · 14건에 기록'), SLOW);
    expect(plan()).toContain('이미 표결한 7건은 이번 표결로 바뀝니다');
    await user.keyboard('{Enter}');

    const alert = await within(dialog).findByRole('alert', {}, SLOW);
    expect(alert.querySelector('.notice__title')?.textContent).toContain('이번 14건의 표결은 한 건도 기록되지 않았습니다');
    expect(alert.querySelector('.notice__detail')?.textContent).toBe(STORAGE_WORDS);
    expect(full).toHaveBeenCalledTimes(1);
    const votes = await votesOf('m1');
    expect(votes.map((v) => [v.caseId, v.vote])).toEqual(half.map((caseId) => [caseId, 'approve']));
    expect(await dbSnapshot(db)).toEqual(before);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  }, 60_000);
});

describe("the room's bulk vote when the storage runs out", () => {
  let db: CouncilDb;
  beforeEach(async () => {
    resetRoomStore();
    db = openCouncilDb(freshDbName());
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    // The seeded demo cases carry flags; the first two are made unflagged (T1 and T2): the preset.
    for (const id of ROOM_AGENDA.slice(0, 2)) {
      const row = (await db.cases.get(id))!;
      await db.cases.put({ ...row, flags: [] });
    }
    return async () => {
      db.close();
      await db.delete();
    };
  });
  const PRESET = ROOM_AGENDA.slice(0, 2);

  it('opens not one proposal when their write runs out of storage, and says so with the figures', async () => {
    const { user } = await renderRoom(db);
    const before = await dbSnapshot(db);
    const full = runOutOfStorage(db.proposals, 'bulkAdd', 1, fillUp);

    await user.keyboard('g');
    await screen.findByTestId('bulk-preset-summary', {}, SLOW);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('bulk-preset-open')), SLOW);
    await user.keyboard('{Enter}');

    const problem = await screen.findByTestId('room-problem', {}, SLOW);
    const words = `저장 공간이 부족해 상정하지 못했습니다. 하나의 트랜잭션이 통째로 취소되어, 상정안은 한 건도 올라가지 않았습니다. ${STORAGE_WORDS}`;
    expect(problem.textContent).toBe(words);
    expect(assertive()).toBe(words);
    expect(full).toHaveBeenCalledTimes(1);
    // No dialog went on to the vote, and nothing was written.
    expect(document.querySelector('[data-dialog="bulk-vote"]')).toBeNull();
    expect(await db.proposals.count()).toBe(0);
    expect(await dbSnapshot(db)).toEqual(before);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  }, 60_000);

  it('closing and deciding: the cases decided before the storage ran out stay decided, the rest are left undecided, and the room shows it', async () => {
    // The proposals are open and every member approved them.
    await bulkOpenSuggestionProposals(db, ROOM_MEETING, PRESET, { now: '2023-03-02T14:10:00+09:00' });
    for (const m of VOTERS) await recordBulkVote(db, ROOM_MEETING, m, 'approve', PRESET, { now: '2023-03-02T14:20:00+09:00' });
    const { user } = await renderRoom(db);
    // The first decision is written; the second runs out of storage.
    const full = runOutOfStorage(db.decisions, 'add', 2, fillUp);

    await user.keyboard('g');
    await screen.findByTestId('bulk-preset-summary', {}, SLOW);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('bulk-preset-open')), SLOW);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement?.closest('[data-dialog="bulk-vote"] fieldset')).not.toBeNull(), SLOW);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('bulk-close-decide')), SLOW);
    await user.keyboard('{Enter}');

    const problem = await screen.findByTestId('room-problem', {}, SLOW);
    const words = `저장 공간이 부족해 마감과 의결을 도중에 멈췄습니다. 그 전에 의결된 사건은 의결된 채로 남고, 나머지 사건은 의결되지 않았습니다. ${STORAGE_WORDS}`;
    expect(problem.textContent).toBe(words);
    expect(assertive()).toBe(words);
    expect(full).toHaveBeenCalledTimes(2);
    // The first case: its decision, its case row and its audit entry, whole.
    const [first, second] = PRESET as [string, string];
    expect((await db.decisions.toArray()).map((d) => d.caseId)).toEqual([first]);
    expect((await db.cases.get(first))?.status).toBe('decided');
    expect(await db.audit.where('entity').equals('decision').count()).toBe(1);
    // The second: left as it was, its close undone with its decision (one transaction per case): no decision, its vote still open.
    expect((await db.cases.get(second))?.status).not.toBe('decided');
    expect((await db.proposals.get([ROOM_MEETING, second, 1]))?.status).toBe('open');
    expect(await firstBrokenAuditEntry(db)).toBeNull();

    // The room is read again: its case (the first) shows as decided, not as it stood before.
    await user.click(screen.getByRole('button', { name: '나중에' }));
    await waitFor(() => expect(screen.getByTestId('room-case-status').textContent).toBe('의결됨'), SLOW);
  }, 60_000);
});
