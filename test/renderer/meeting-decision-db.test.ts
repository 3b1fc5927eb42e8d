/**
 * The meeting room's data, its decisions: recorded from a passed proposal with their rationale and
 * award rules, locked, reopened with a reason as the next revision; and nothing written while the
 * meeting is not open (the rest: meeting-room-db.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import { markArrived, markLeft } from '../../renderer/meeting/room/attendance-db';
import { rationaleNeeds } from '../../renderer/meeting/room/award-rules';
import { recordDecision, reopenDecision } from '../../renderer/meeting/room/decision-db';
import { closeProposal, openProposal } from '../../renderer/meeting/room/proposal-db';
import { confirmRecusal, declareRecusal, dismissRecusal, withdrawRecusal } from '../../renderer/meeting/room/recusal-db';
import { recordVote } from '../../renderer/meeting/room/vote-db';
import { ALL_APPROVE, at, C1, C2, C3, M, refusal, roomDbKit } from './support/room-db-kit';
import { seatMembers, seedOpenMeeting, VOTERS } from './support/room-meeting';

let db: CouncilDb;
const kit = roomDbKit();
beforeEach(() => {
  db = kit.db();
});
const { vote, putToVote } = kit;

describe('decisions', () => {
  it('records the decision of a passed proposal: revision 1, its tally, the operator; the case is decided and locked', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const passed = await putToVote(C2, { kind: 'suggestion' }, ALL_APPROVE);
    const decision = await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: passed.no, rationale: '' }, at(12));
    expect(decision).toEqual({
      caseId: C2,
      revision: 1,
      meetingId: M,
      bundleId: '1015-2023-B07',
      caseRevision: 1,
      outcome: 'award',
      tier: 'T2',
      award: 50_000,
      rationale: '',
      missingDocuments: [],
      proposalNo: 1,
      tally: passed.tally,
      decidedAt: at(12).now,
      decidedBy: 's1',
      reopened: null,
    });
    expect((await db.cases.get(C2))!.status).toBe('decided');
    expect((await db.caseSummaries.get(C2))!.status).toBe('decided');
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'reject' } }, at(13)))).code).toBe('CASE_LOCKED');
    expect((await refusal(declareRecusal(db, { meetingId: M, caseId: C2, memberId: 'm2', reason: 'x' }, at(13)))).code).toBe('CASE_LOCKED');
    const [entry] = await db.audit.where('entity').equals('decision').toArray();
    expect(entry).toMatchObject({ action: 'record', actor: 's1', entityId: `${C2}/1`, detail: { outcome: 'award', award: 50_000, caseStatus: { before: 'undecided', after: 'decided' } } });
  });

  it('needs a rationale for an award off the suggestion, any case-by-case award and one above the assessed loss', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const caseByCase = await putToVote(C3, { kind: 'amount', amount: 700_000 }, ALL_APPROVE);
    const needs = await refusal(recordDecision(db, { meetingId: M, caseId: C3, proposalNo: caseByCase.no, rationale: '  ' }, at(12)));
    expect(needs).toEqual({ code: 'RATIONALE_REQUIRED', params: { needs: 'caseByCase' } });
    const decided = await recordDecision(db, { meetingId: M, caseId: C3, proposalNo: caseByCase.no, rationale: '매출 장부로 손실 확인' }, at(13));
    expect(decided).toMatchObject({ award: 700_000, tier: 'T3', rationale: '매출 장부로 손실 확인' });

    await db.cases.update(C2, { assessedLoss: 30_000 });
    const off = await putToVote(C2, { kind: 'amount', amount: 40_000 }, ALL_APPROVE, 20);
    expect((await refusal(recordDecision(db, { meetingId: M, caseId: C2, proposalNo: off.no, rationale: '' }, at(22)))).params).toEqual({ needs: 'differsFromSuggestion,aboveAssessed' });

    const c2 = (await db.cases.get(C2))!;
    expect(rationaleNeeds(c2, 'award', 50_000)).toEqual(['aboveAssessed']);
    expect(rationaleNeeds({ ...c2, assessedLoss: null }, 'award', 50_000)).toEqual([]);
    expect(rationaleNeeds(c2, 'reject', null)).toEqual(['rejectsSuggestedTier']);
    expect(rationaleNeeds(c2, 'defer', null)).toEqual([]);
    const c1NoTier = { ...c2, suggestion: { tier: null, award: null, amount: 0, basis: 'claimed' as const } };
    expect(rationaleNeeds(c1NoTier, 'reject', null)).toEqual([]);
  });

  it('defers with the missing documents: the case is deferred', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const passed = await putToVote(C3, { kind: 'defer', missingDocuments: ['sales-loss-proof'] }, ALL_APPROVE);
    const decision = await recordDecision(db, { meetingId: M, caseId: C3, proposalNo: passed.no, rationale: '' }, at(12));
    expect(decision).toMatchObject({ outcome: 'defer', award: null, missingDocuments: ['sales-loss-proof'] });
    expect((await db.cases.get(C3))!.status).toBe('deferred');
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'reject' } }, at(13)))).code).toBe('CASE_LOCKED');
  });

  it('refuses a decision from a failed or open proposal, and any without quorum, saying how many are present', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, ['m1', 'm2', 'm3']);
    const failed = await putToVote(C1, { kind: 'suggestion' }, { m1: 'reject' });
    expect((await refusal(recordDecision(db, { meetingId: M, caseId: C1, proposalNo: failed.no, rationale: '' }, at(12)))).code).toBe('PROPOSAL_NOT_PASSED');
    const passed = await putToVote(C2, { kind: 'suggestion' }, { m1: 'approve', m2: 'approve', m3: 'approve' }, 20);
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'reject' } }, at(22)))).code).toBe('PROPOSAL_AWAITS_DECISION');
    await markLeft(db, M, 'm3', at(22));
    const refused = await refusal(recordDecision(db, { meetingId: M, caseId: C2, proposalNo: passed.no, rationale: '' }, at(23)));
    expect(refused).toEqual({ code: 'NO_QUORUM', params: { present: 2, needed: 3, members: 5 } });
    expect(await db.decisions.count()).toBe(0);
    expect((await db.cases.get(C2))!.status).toBe('undecided');
    await markArrived(db, M, 'm3', at(24));
    expect((await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: passed.no, rationale: '' }, at(25))).revision).toBe(1);
  });

  it('reopens a decision with a reason; the next decision, from a new proposal, is revision 2', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const first = await putToVote(C2, { kind: 'suggestion' }, ALL_APPROVE);
    await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: first.no, rationale: '' }, at(12));
    expect((await refusal(reopenDecision(db, { meetingId: M, caseId: C2, reason: '' }, at(13)))).code).toBe('REASON_REQUIRED');
    const reopened = await reopenDecision(db, { meetingId: M, caseId: C2, reason: '계좌 확인 필요' }, at(14));
    expect(reopened).toMatchObject({ revision: 1, reopened: { reason: '계좌 확인 필요', at: at(14).now } });
    expect((await db.cases.get(C2))!.status).toBe('undecided');
    expect((await refusal(reopenDecision(db, { meetingId: M, caseId: C2, reason: 'again' }, at(15)))).code).toBe('NO_DECISION_TO_REOPEN');
    expect((await refusal(recordDecision(db, { meetingId: M, caseId: C2, proposalNo: first.no, rationale: '' }, at(15)))).code).toBe('PROPOSAL_ALREADY_DECIDED');

    const second = await putToVote(C2, { kind: 'amount', amount: 45_000 }, ALL_APPROVE, 20);
    expect(second.no).toBe(2);
    const next = await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: second.no, rationale: '영업일 일부 제외' }, at(22));
    expect(next).toMatchObject({ revision: 2, award: 45_000, proposalNo: 2, reopened: null });
    expect((await db.decisions.get([C2, 1]))!.reopened).not.toBeNull();
    const entries = await db.audit.where('entity').equals('decision').toArray();
    expect(entries.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['record', `${C2}/1`, 's1'],
      ['reopen', `${C2}/1`, 's1'],
      ['record', `${C2}/2`, 's1'],
    ]);
  });
});

describe('a meeting not open', () => {
  it('refuses every change, writing nothing', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const passed = await putToVote(C2, { kind: 'suggestion' }, ALL_APPROVE);
    await openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'reject' } }, at(12));
    await db.meetings.update(M, { status: 'closed', closedAt: at(30).now });
    const before = { audit: await db.audit.count(), votes: await db.votes.count(), proposals: await db.proposals.count() };
    const attempts = [
      markArrived(db, M, 'm1', at(31)),
      markLeft(db, M, 'm1', at(31)),
      declareRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', reason: 'x' }, at(31)),
      dismissRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', conflictId: 'c1', reason: 'x' }, at(31)),
      confirmRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', conflictId: 'c1' }, at(31)),
      withdrawRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', reason: 'x' }, at(31)),
      openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'reject' } }, at(31)),
      recordVote(db, { meetingId: M, caseId: C1, proposalNo: 1, memberId: 'm1', vote: 'approve' }, at(31)),
      closeProposal(db, { meetingId: M, caseId: C1, no: 1 }, at(31)),
      recordDecision(db, { meetingId: M, caseId: C2, proposalNo: passed.no, rationale: '' }, at(31)),
      reopenDecision(db, { meetingId: M, caseId: C2, reason: 'x' }, at(31)),
    ];
    for (const attempt of attempts) expect(await refusal(attempt)).toEqual({ code: 'MEETING_NOT_OPEN', params: { meetingId: M, status: 'closed' } });
    expect({ audit: await db.audit.count(), votes: await db.votes.count(), proposals: await db.proposals.count() }).toEqual(before);
    expect((await refusal(markArrived(db, 'no-such-meeting', 'm1', at(31)))).code).toBe('MEETING_NOT_FOUND');
  });

  it('keeps one audit chain, every room entry naming the operator', async () => {
    await seedOpenMeeting(db);
    await markArrived(db, M, 'm1', at(1));
    await declareRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', reason: '이해관계' }, at(2));
    await openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'reject' } }, at(3));
    await recordVote(db, { meetingId: M, caseId: C1, proposalNo: 1, memberId: 'm1', vote: 'approve' }, at(4));
    await db.settings.put({ key: 'operator', value: 'm1' });
    await markArrived(db, M, 'm3', at(5));
    const room = await db.audit.where('entity').anyOf('attendance', 'recusal', 'proposal', 'vote').sortBy('sequence');
    expect(room.map((e) => e.actor)).toEqual(['s1', 's1', 's1', 's1', 'm1']);
    expect(await db.votes.get([M, C1, 1, 'm1'])).toMatchObject({ recordedBy: 's1' });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });
});
