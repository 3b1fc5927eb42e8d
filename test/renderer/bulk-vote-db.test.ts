/**
 * The bulk vote's data: suggestion proposals opened in bulk, the confirmation's plan, and one
 * member's vote recorded on many cases in one transaction, with one audit entry per vote.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { countVote, presentAt } from '../../shared/meeting/counting';
import { DEFAULT_COUNTING_RULES } from '../../shared/meeting/rules';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import { bulkOpenSuggestionProposals, loadBulkStanding, planBulkVote, recordBulkVote } from '../../renderer/meeting/bulk';
import { AGENDA, ARRIVED, bulkMeeting as meeting, CASE_BY_CASE, EXTRA, MEETING, NOW, RECUSED_M3, seedBulkMeeting, suggestedAward, VOTABLE } from './support/bulk-meeting';
import { freshDbEachTest } from './support/fresh-db';

const when = { now: NOW };

let db: CouncilDb;
freshDbEachTest((d) => (db = d));
beforeEach(() => seedBulkMeeting(db));

async function openAll(): Promise<void> {
  const opened = await bulkOpenSuggestionProposals(db, MEETING, AGENDA, when);
  expect(opened.kind).toBe('opened');
}

async function writesNow(): Promise<{ votes: number; audit: number; proposals: number }> {
  return { votes: await db.votes.count(), audit: await db.audit.count(), proposals: await db.proposals.count() };
}

describe('bulkOpenSuggestionProposals', () => {
  it('opens the suggestion on each agenda case, refuses the case-by-case one, and writes one audit entry per proposal', async () => {
    const auditBefore = await db.audit.count();
    const result = await bulkOpenSuggestionProposals(db, MEETING, [...AGENDA, 'not-on-agenda'], when);
    if (result.kind !== 'opened') throw new Error(result.reason);
    expect(result.opened.map((p) => p.caseId)).toEqual(VOTABLE);
    expect(result.refused).toEqual([{ caseId: CASE_BY_CASE, reason: 'case-by-case' }]);
    expect(result.skipped).toEqual([{ caseId: 'not-on-agenda', reason: 'not-on-agenda' }]);
    const first = await db.proposals.get([MEETING, '1015-000001', 1]);
    expect(first).toMatchObject({ outcome: 'award', tier: 'T1', amount: 30_000, fromSuggestion: true, status: 'open', openedAt: NOW });
    expect((await db.proposals.get([MEETING, '1015-000002', 1]))?.amount).toBe(50_000);
    expect(await db.proposals.get([MEETING, CASE_BY_CASE, 1])).toBeUndefined();
    const entries = await db.audit.where('sequence').above(auditBefore).toArray();
    expect(entries).toHaveLength(VOTABLE.length);
    expect(entries[0]).toMatchObject({ entity: 'proposal', action: 'open', actor: 's1', entityId: `${MEETING}/1015-000001/1`, detail: { bulk: true, amount: 30_000 } });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('numbers after a failed proposal, and leaves open, passed-awaiting-decision and decided cases alone', async () => {
    const [a, b, c, d] = EXTRA as [string, string, string, string];
    const base = { outcome: 'award' as const, tier: 'T1', amount: 30_000, fromSuggestion: true, missingDocuments: [], openedAt: ARRIVED, tally: null };
    await db.proposals.bulkPut([
      { ...base, meetingId: MEETING, caseId: a, no: 1, status: 'failed', closedAt: ARRIVED },
      { ...base, meetingId: MEETING, caseId: b, no: 1, status: 'open', closedAt: null },
      { ...base, meetingId: MEETING, caseId: c, no: 1, status: 'passed', closedAt: ARRIVED },
    ]);
    const row = (await db.cases.get(d))!;
    await db.cases.put({ ...row, status: 'decided' });
    const result = await bulkOpenSuggestionProposals(db, MEETING, [a, b, c, d], when);
    if (result.kind !== 'opened') throw new Error(result.reason);
    expect(result.opened.map((p) => [p.caseId, p.no])).toEqual([[a, 2]]);
    expect(result.skipped).toEqual([
      { caseId: b, reason: 'already-open' },
      { caseId: c, reason: 'awaiting-decision' },
      { caseId: d, reason: 'decided' },
    ]);
    const again = await bulkOpenSuggestionProposals(db, MEETING, [a], when);
    expect(again.kind === 'opened' && again.skipped).toEqual([{ caseId: a, reason: 'already-open' }]);
  });

  it('opens nothing in a meeting that is not open', async () => {
    await db.meetings.put(meeting({ status: 'closed', closedAt: NOW }));
    const before = await writesNow();
    expect(await bulkOpenSuggestionProposals(db, MEETING, AGENDA, when)).toEqual({ kind: 'refused', reason: 'meeting-not-open' });
    expect(await writesNow()).toEqual(before);
  });
});

describe('planBulkVote and recordBulkVote', () => {
  it('plans and records around the cases the member is recused on: no vote there, and the plan says so', async () => {
    await openAll();
    const plan = await planBulkVote(db, MEETING, 'm3', AGENDA, when);
    expect(plan).toEqual({
      bar: null,
      selected: AGENDA.length,
      cases: VOTABLE.length - 3,
      totalAmount: VOTABLE.filter((c) => !RECUSED_M3.includes(c)).reduce((sum, c) => sum + suggestedAward(c), 0),
      recusedOn: RECUSED_M3,
      notOpen: [CASE_BY_CASE],
      alreadyVoted: 0,
    });
    const result = await recordBulkVote(db, MEETING, 'm3', 'approve', AGENDA, when);
    expect(result).toEqual({ kind: 'recorded', recorded: VOTABLE.length - 3, changed: 0, unchanged: 0, recusedOn: RECUSED_M3, notOpen: [CASE_BY_CASE], at: NOW });
    for (const caseId of RECUSED_M3) expect(await db.votes.get([MEETING, caseId, 1, 'm3'])).toBeUndefined();
    expect(await db.votes.get([MEETING, EXTRA[1]!, 1, 'm3'])).toMatchObject({ vote: 'approve', recordedBy: 's1', recordedAt: NOW });
  });

  it('counts a dismissed recusal as none: the member votes there', async () => {
    await openAll();
    expect((await planBulkVote(db, MEETING, 'm4', AGENDA, when)).recusedOn).toEqual([]);
    await recordBulkVote(db, MEETING, 'm4', 'reject', AGENDA, when);
    expect(await db.votes.get([MEETING, EXTRA[1]!, 1, 'm4'])).toMatchObject({ vote: 'reject' });
  });

  it('refuses, writing nothing, a member absent now, the secretary, an inactive member and a closed meeting', async () => {
    await openAll();
    // m5 left before now; m2 arrives only after now.
    const attendance = meeting().attendance.map((a) =>
      a.memberId === 'm5' ? { ...a, leftAt: '2023-03-02T14:30:00+09:00' } : a.memberId === 'm2' ? { ...a, arrivedAt: '2023-03-02T16:00:00+09:00' } : a,
    );
    await db.meetings.put(meeting({ attendance }));
    const before = await writesNow();
    expect(await recordBulkVote(db, MEETING, 'm5', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'member-not-present' });
    expect(await recordBulkVote(db, MEETING, 'm2', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'member-not-present' });
    expect(await recordBulkVote(db, MEETING, 's1', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'not-a-voting-member' });
    expect(await recordBulkVote(db, MEETING, 'nobody', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'member-not-found' });
    expect((await planBulkVote(db, MEETING, 'm5', AGENDA, when)).bar).toBe('member-not-present');
    const m4 = (await db.members.get('m4'))!;
    await db.members.put({ ...m4, active: false });
    expect(await recordBulkVote(db, MEETING, 'm4', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'member-inactive' });
    await db.meetings.put(meeting({ status: 'closed', closedAt: NOW }));
    expect(await recordBulkVote(db, MEETING, 'm1', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'meeting-not-open' });
    expect(await recordBulkVote(db, 'no-such-meeting', 'm1', 'approve', AGENDA, when)).toEqual({ kind: 'refused', reason: 'meeting-not-found' });
    expect(await writesNow()).toEqual(before);
  });

  it('writes one audit entry per vote, the operator as actor, and the chain stays intact', async () => {
    await openAll();
    const auditBefore = await db.audit.count();
    await recordBulkVote(db, MEETING, 'm1', 'approve', AGENDA, when);
    const entries = await db.audit.where('sequence').above(auditBefore).toArray();
    expect(entries).toHaveLength(VOTABLE.length);
    expect(entries.map((e) => e.entityId)).toEqual(VOTABLE.map((c) => `${MEETING}/${c}/1/m1`));
    for (const e of entries) {
      expect(e).toMatchObject({ entity: 'vote', action: 'record', actor: 's1', at: NOW });
      expect(e.detail).toEqual({ meetingId: MEETING, caseId: e.entityId.split('/')[1], proposalNo: 1, memberId: 'm1', vote: 'approve', bulk: true });
    }
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('records a changed vote as a change, and the same vote again as nothing', async () => {
    await openAll();
    await recordBulkVote(db, MEETING, 'm2', 'approve', ['1015-000001', '1015-000002'], when);
    const auditBefore = await db.audit.count();
    const again = await recordBulkVote(db, MEETING, 'm2', 'approve', ['1015-000001', '1015-000002'], when);
    expect(again).toMatchObject({ recorded: 0, changed: 0, unchanged: 2 });
    expect(await db.audit.count()).toBe(auditBefore);
    expect((await planBulkVote(db, MEETING, 'm2', ['1015-000001', '1015-000002', EXTRA[0]!], when)).alreadyVoted).toBe(2);
    const changed = await recordBulkVote(db, MEETING, 'm2', 'abstain', ['1015-000001', EXTRA[0]!], when);
    expect(changed).toMatchObject({ recorded: 1, changed: 1, unchanged: 0 });
    const [change] = await db.audit.where('sequence').above(auditBefore).toArray();
    expect(change).toMatchObject({ action: 'change', detail: { caseId: '1015-000001', vote: 'abstain', before: 'approve', bulk: true } });
    expect(await db.votes.get([MEETING, '1015-000001', 1, 'm2'])).toMatchObject({ vote: 'abstain' });
    // The same vote on one case and a new one on another, in one call.
    expect(await recordBulkVote(db, MEETING, 'm2', 'approve', ['1015-000002', EXTRA[2]!], when)).toMatchObject({ recorded: 1, changed: 0, unchanged: 1 });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('counts a vote on an earlier, failed proposal as no vote on the open one', async () => {
    const [a] = EXTRA as [string];
    await db.proposals.put({ meetingId: MEETING, caseId: a, no: 1, outcome: 'award', tier: 'T1', amount: 30_000, fromSuggestion: true, missingDocuments: [], status: 'failed', openedAt: ARRIVED, closedAt: ARRIVED, tally: null });
    await db.votes.put({ meetingId: MEETING, caseId: a, proposalNo: 1, memberId: 'm2', vote: 'approve', recordedBy: 's1', recordedAt: ARRIVED });
    await openAll();
    expect((await planBulkVote(db, MEETING, 'm2', [a], when)).alreadyVoted).toBe(0);
    expect(await recordBulkVote(db, MEETING, 'm2', 'approve', [a], when)).toMatchObject({ recorded: 1, changed: 0, unchanged: 0 });
    expect(await db.votes.get([MEETING, a, 2, 'm2'])).toMatchObject({ vote: 'approve' });
  });

  it('after the five members vote, each case counts as countVote counts its rows', async () => {
    await openAll();
    const choices = { m1: 'approve', m2: 'approve', m3: 'approve', m4: 'reject', m5: 'abstain' } as const;
    for (const [memberId, vote] of Object.entries(choices)) {
      expect((await recordBulkVote(db, MEETING, memberId, vote, AGENDA, when)).kind).toBe('recorded');
    }
    const standing = (await loadBulkStanding(db, MEETING, AGENDA, when))!;
    expect(standing.open).toBe(VOTABLE.length);
    expect([...standing.counts.keys()]).toEqual(VOTABLE);
    const roster = await db.members.toArray();
    const present = presentAt(meeting().attendance, NOW);
    for (const caseId of VOTABLE) {
      const votes = (await db.votes.where('[meetingId+caseId+proposalNo]').equals([MEETING, caseId, 1]).toArray()).map(({ memberId, vote }) => ({ memberId, vote }));
      const recused = new Set(RECUSED_M3.includes(caseId) ? ['m3'] : []);
      const expected = countVote({ rules: DEFAULT_COUNTING_RULES, roster, present, recused, votes });
      expect(standing.counts.get(caseId)).toEqual(expected);
    }
    // Where m3 is recused: 2 approvals of 4 present is no majority; elsewhere 3 of 5 is.
    expect(standing.counts.get(RECUSED_M3[0]!)).toMatchObject({ members: 4, present: 4, approve: 2, reject: 1, abstain: 1, recused: 1, passed: false });
    expect(standing.counts.get('1015-000001')).toMatchObject({ members: 5, present: 5, approve: 3, passed: true });
    expect(standing.passing).toBe(VOTABLE.length - 3);
    expect(standing.members.map((m) => [m.memberId, m.voted, m.votable])).toEqual([
      ['m1', 14, 14],
      ['m2', 14, 14],
      ['m3', 11, 11],
      ['m4', 14, 14],
      ['m5', 14, 14],
    ]);
    expect(await db.votes.count()).toBe(5 * VOTABLE.length - 3);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });
});
