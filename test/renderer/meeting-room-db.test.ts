/**
 * The meeting room's data: attendance and quorum, recusals, proposals and votes, each written in
 * one transaction with its audit entry, and refused when the rules say no (decisions, and a
 * meeting not open: meeting-decision-db.test.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import { markArrived, markLeft } from '../../renderer/meeting/room/attendance-db';
import { closeProposal, openProposal } from '../../renderer/meeting/room/proposal-db';
import { confirmRecusal, declareRecusal, dismissRecusal, withdrawRecusal } from '../../renderer/meeting/room/recusal-db';
import { loadRoomCase, pendingSuggestions } from '../../renderer/meeting/room/room-load';
import { recordVote, recordVoteAndRead } from '../../renderer/meeting/room/vote-db';
import { at, C1, C2, C3, M, refusal, roomDbKit } from './support/room-db-kit';
import { seatMembers, seedOpenMeeting, VOTERS } from './support/room-meeting';

let db: CouncilDb;
const kit = roomDbKit();
beforeEach(() => {
  db = kit.db();
});
const { quorumAt, countOf, vote, putToVote, declareConflict } = kit;

describe('attendance and quorum', () => {
  it('counts the quorum from arrivals, loses it when a member leaves and regains it when one comes back, each change audited', async () => {
    await seedOpenMeeting(db);
    expect((await quorumAt(0)).quorumMet).toBe(false);
    for (const [i, id] of ['m1', 'm2', 'm3'].entries()) await markArrived(db, M, id, at(1 + i));
    let q = await quorumAt(5);
    expect([q.present, q.members, q.quorumNeeded, q.quorumMet]).toEqual([3, 5, 3, true]);

    const afterLeave = await markLeft(db, M, 'm2', at(6));
    expect(afterLeave.attendance.find((a) => a.memberId === 'm2')).toEqual({ memberId: 'm2', present: true, arrivedAt: at(2).now, leftAt: at(6).now });
    q = await quorumAt(6);
    expect([q.present, q.quorumMet]).toEqual([2, false]);
    // Still present at 14:05, before leaving: presence is a stretch of time.
    expect((await quorumAt(5)).present).toBe(3);

    await markArrived(db, M, 'm4', at(7));
    expect((await quorumAt(7)).quorumMet).toBe(true);

    expect((await refusal(markArrived(db, M, 'm1', at(8)))).code).toBe('MEMBER_ALREADY_PRESENT');
    expect((await refusal(markLeft(db, M, 'm5', at(8)))).code).toBe('MEMBER_NOT_PRESENT');
    expect((await refusal(markArrived(db, M, 's1', at(8)))).code).toBe('NOT_A_VOTING_MEMBER');

    const entries = await db.audit.where('entity').equals('attendance').toArray();
    expect(entries.map((e) => [e.action, e.detail.memberId, e.actor])).toEqual([
      ['arrive', 'm1', 's1'],
      ['arrive', 'm2', 's1'],
      ['arrive', 'm3', 's1'],
      ['leave', 'm2', 's1'],
      ['arrive', 'm4', 's1'],
    ]);
    expect(entries[3]!.detail).toMatchObject({ meetingId: M, before: { leftAt: null }, after: { leftAt: at(6).now } });
  });

  it('brings back a member who left with a new arrival', async () => {
    await seedOpenMeeting(db);
    await markArrived(db, M, 'm1', at(1));
    await markLeft(db, M, 'm1', at(2));
    const meeting = await markArrived(db, M, 'm1', at(3));
    expect(meeting.attendance.find((a) => a.memberId === 'm1')).toEqual({ memberId: 'm1', present: true, arrivedAt: at(3).now, leftAt: null });
  });
});

describe('conflicts and recusals', () => {
  it('suggests a recusal from a declared conflict; confirmed, the member is out of the count', async () => {
    await seedOpenMeeting(db);
    await declareConflict('m4', '마포 택시');
    await seatMembers(db, VOTERS);
    const room = await loadRoomCase(db, M, C2, await db.members.toArray());
    expect(room.suggestions).toEqual([{ memberId: 'm4', conflictId: 'c1', kind: 'businessName', reason: '신청인이 배우자의 가게' }]);
    // The conflict does not match the other cases.
    expect((await loadRoomCase(db, M, C1, await db.members.toArray())).suggestions).toEqual([]);
    expect((await refusal(confirmRecusal(db, { meetingId: M, caseId: C1, memberId: 'm4', conflictId: 'c1' }, at(1)))).code).toBe('CONFLICT_NOT_FOUND');

    const row = await confirmRecusal(db, { meetingId: M, caseId: C2, memberId: 'm4', conflictId: 'c1' }, at(2));
    expect(row).toEqual({ meetingId: M, caseId: C2, memberId: 'm4', status: 'recused', reason: '신청인이 배우자의 가게', conflictId: 'c1', confirmedBy: 's1', at: at(2).now, withdrawal: null });
    expect(pendingSuggestions(await loadRoomCase(db, M, C2, await db.members.toArray()))).toEqual([]);
    const count = await countOf(C2, 1, 3);
    expect([count.members, count.present, count.recused, count.quorumNeeded]).toEqual([4, 4, 1, 3]);
    expect((await refusal(confirmRecusal(db, { meetingId: M, caseId: C2, memberId: 'm4', conflictId: 'c1' }, at(3)))).code).toBe('ALREADY_RECUSED');
    const [entry] = await db.audit.where('entity').equals('recusal').toArray();
    expect(entry).toMatchObject({ action: 'confirm', actor: 's1', entityId: `${M}/${C2}/m4`, detail: { status: 'recused', conflictId: 'c1', votesSetAside: [] } });
  });

  it('dismisses a suggestion only with a reason; the member stays in the count', async () => {
    await seedOpenMeeting(db);
    await declareConflict('m4', '마포택시');
    await seatMembers(db, VOTERS);
    const target = { meetingId: M, caseId: C2, memberId: 'm4', conflictId: 'c1' };
    expect((await refusal(dismissRecusal(db, { ...target, reason: '   ' }, at(1)))).code).toBe('REASON_REQUIRED');
    const row = await dismissRecusal(db, { ...target, reason: '동명의 다른 가게' }, at(2));
    expect(row).toMatchObject({ status: 'dismissed', reason: '동명의 다른 가게', conflictId: 'c1', confirmedBy: 's1' });
    expect((await countOf(C2, 1, 3)).members).toBe(5);
    expect(pendingSuggestions(await loadRoomCase(db, M, C2, await db.members.toArray()))).toEqual([]);
    // A dismissed suggestion can still be confirmed later.
    expect((await confirmRecusal(db, target, at(4))).status).toBe('recused');
  });

  it('needs a reason for a recusal declared on the spot', async () => {
    await seedOpenMeeting(db);
    expect((await refusal(declareRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', reason: '' }, at(1)))).code).toBe('REASON_REQUIRED');
    const row = await declareRecusal(db, { meetingId: M, caseId: C1, memberId: 'm2', reason: '신청인과 거래 관계' }, at(2));
    expect(row).toMatchObject({ status: 'recused', conflictId: null, reason: '신청인과 거래 관계', confirmedBy: 's1' });
    expect((await refusal(declareRecusal(db, { meetingId: M, caseId: C1, memberId: 's1', reason: 'x' }, at(3)))).code).toBe('NOT_A_VOTING_MEMBER');
  });

  it("refuses a recused member's vote, and sets aside the votes of a member recused during an open proposal", async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const { proposal } = await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'suggestion' } }, at(1));
    await vote(C2, 1, { m1: 'approve', m2: 'approve', m3: 'reject' }, 2);
    await declareRecusal(db, { meetingId: M, caseId: C2, memberId: 'm2', reason: '이해관계' }, at(3));
    const refused = await refusal(recordVote(db, { meetingId: M, caseId: C2, proposalNo: proposal.no, memberId: 'm2', vote: 'reject' }, at(4)));
    expect(refused).toEqual({ code: 'MEMBER_RECUSED', params: { memberId: 'm2', caseId: C2 } });
    // The vote row stays (votes are never deleted) but does not count.
    expect(await db.votes.get([M, C2, 1, 'm2'])).toMatchObject({ vote: 'approve' });
    const count = await countOf(C2, 1, 4);
    expect([count.approve, count.reject, count.members, count.present, count.ignored]).toEqual([1, 1, 4, 4, ['m2']]);
    const entry = (await db.audit.where('entity').equals('recusal').toArray())[0]!;
    expect(entry.detail.votesSetAside).toEqual([{ proposalNo: 1, vote: 'approve' }]);
  });

  it('withdraws a confirmed recusal only with a reason: the member counts again, the vote set aside counts again and can change', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'suggestion' } }, at(1));
    await vote(C2, 1, { m1: 'approve', m2: 'approve', m3: 'reject' }, 2);
    await declareRecusal(db, { meetingId: M, caseId: C2, memberId: 'm2', reason: '이해관계' }, at(3));
    expect([(await countOf(C2, 1, 4)).approve, (await countOf(C2, 1, 4)).members]).toEqual([1, 4]);

    const target = { meetingId: M, caseId: C2, memberId: 'm2' };
    expect((await refusal(withdrawRecusal(db, { ...target, reason: ' ' }, at(4)))).code).toBe('REASON_REQUIRED');
    expect(await refusal(withdrawRecusal(db, { ...target, memberId: 'm5', reason: '착오' }, at(4)))).toEqual({ code: 'NOT_RECUSED', params: { memberId: 'm5', caseId: C2 } });
    const row = await withdrawRecusal(db, { ...target, reason: '회피 사유가 다른 사건의 것이었음' }, at(5));
    expect(row).toEqual({
      ...target,
      status: 'withdrawn',
      reason: '이해관계',
      conflictId: null,
      confirmedBy: 's1',
      at: at(3).now,
      withdrawal: { reason: '회피 사유가 다른 사건의 것이었음', by: 's1', at: at(5).now },
    });
    // Counted as no recusal: the member is back in members(c) and present(c), the approval counts again.
    const count = await countOf(C2, 1, 6);
    expect([count.approve, count.reject, count.members, count.present, count.recused, count.ignored]).toEqual([2, 1, 5, 5, 0, []]);
    // The proposal is still open: the member's vote can change (or be cast).
    await recordVote(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm2', vote: 'reject' }, at(7));
    expect([(await countOf(C2, 1, 8)).approve, (await countOf(C2, 1, 8)).reject]).toEqual([1, 2]);

    const entries = await db.audit.where('entity').equals('recusal').sortBy('sequence');
    expect(entries[1]).toMatchObject({
      action: 'withdraw',
      actor: 's1',
      entityId: `${M}/${C2}/m2`,
      detail: { status: 'withdrawn', reason: '회피 사유가 다른 사건의 것이었음', before: { status: 'recused', reason: '이해관계' }, votesCountAgain: [{ proposalNo: 1, vote: 'approve' }] },
    });
    expect((await refusal(withdrawRecusal(db, { ...target, reason: '다시' }, at(9)))).code).toBe('NOT_RECUSED');
    // Recused again later: a new recusal over the withdrawn one.
    expect(await declareRecusal(db, { ...target, reason: '새로 밝혀진 거래 관계' }, at(10))).toMatchObject({ status: 'recused', withdrawal: null });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('keeps a withdrawn suggested recusal settled: it is not suggested again', async () => {
    await seedOpenMeeting(db);
    await declareConflict('m4', '마포택시');
    await seatMembers(db, VOTERS);
    await confirmRecusal(db, { meetingId: M, caseId: C2, memberId: 'm4', conflictId: 'c1' }, at(1));
    await withdrawRecusal(db, { meetingId: M, caseId: C2, memberId: 'm4', reason: '배우자의 가게가 아님' }, at(2));
    expect(pendingSuggestions(await loadRoomCase(db, M, C2, await db.members.toArray()))).toEqual([]);
    expect((await countOf(C2, 1, 3)).members).toBe(5);
  });
});

describe('proposals and votes', () => {
  it('numbers proposals per meeting and case, one open at a time; a failed one can be followed by another', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const first = await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'suggestion' } }, at(1));
    expect(first.proposal).toMatchObject({ no: 1, outcome: 'award', tier: 'T2', amount: 50_000, fromSuggestion: true, status: 'open', tally: null });
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'reject' } }, at(2)))).code).toBe('PROPOSAL_ALREADY_OPEN');
    // Another case has its own numbers.
    expect((await openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'reject' } }, at(2))).proposal.no).toBe(1);

    await vote(C2, 1, { m1: 'reject', m2: 'reject', m3: 'approve' }, 3);
    const failed = await closeProposal(db, { meetingId: M, caseId: C2, no: 1 }, at(4));
    expect(failed.status).toBe('failed');
    const second = await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'amount', amount: 40_000 } }, at(5));
    expect(second.proposal).toMatchObject({ no: 2, outcome: 'award', tier: 'T2', amount: 40_000, fromSuggestion: false });
    const audit = await db.audit.where('entity').equals('proposal').toArray();
    expect(audit.map((e) => [e.entityId, e.action, e.actor])).toEqual([
      [`${M}/${C2}/1`, 'open', 's1'],
      [`${M}/${C1}/1`, 'open', 's1'],
      [`${M}/${C2}/1`, 'close', 's1'],
      [`${M}/${C2}/2`, 'open', 's1'],
    ]);
  });

  it('offers the suggestion only when it names an award; a deferral names required document kinds', async () => {
    await seedOpenMeeting(db);
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'suggestion' } }, at(1)))).code).toBe('SUGGESTION_HAS_NO_AWARD');
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'defer', missingDocuments: [] } }, at(1)))).code).toBe('DOCUMENTS_REQUIRED');
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'defer', missingDocuments: ['selfie'] } }, at(1)))).code).toBe('DOCUMENT_KIND_UNKNOWN');
    const { proposal } = await openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'defer', missingDocuments: ['bank-account', 'sales-loss-proof'] } }, at(2));
    expect(proposal).toMatchObject({ outcome: 'defer', amount: null, tier: null, missingDocuments: ['bank-account', 'sales-loss-proof'] });
  });

  it('refuses an award above the claimed loss and warns above the assessed loss', async () => {
    await seedOpenMeeting(db);
    const above = await refusal(openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'amount', amount: 120_001 } }, at(1)));
    expect(above).toEqual({ code: 'AWARD_ABOVE_CLAIM', params: { amount: 120_001, claimedLoss: 120_000 } });
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'amount', amount: 1.5 } }, at(1)))).code).toBe('AMOUNT_INVALID');
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'amount', amount: 0 } }, at(1)))).code).toBe('AMOUNT_INVALID');
    // The tier's award itself may exceed a small claim: refused too.
    await db.cases.update(C1, { claimedLoss: 20_000 });
    expect((await refusal(openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'suggestion' } }, at(1)))).code).toBe('AWARD_ABOVE_CLAIM');

    await db.cases.update(C2, { assessedLoss: 30_000 });
    const warned = await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'amount', amount: 40_000 } }, at(2));
    expect(warned.warnings).toEqual(['aboveAssessed']);
    expect(await db.proposals.count()).toBe(1);
  });

  it('changes a vote while the proposal is open, auditing what it was', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'suggestion' } }, at(1));
    await vote(C2, 1, { m3: 'approve' }, 2);
    const changed = await recordVote(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm3', vote: 'reject' }, at(3));
    expect(changed).toEqual({ meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm3', vote: 'reject', recordedBy: 's1', recordedAt: at(3).now });
    expect(await db.votes.count()).toBe(1);
    const entries = await db.audit.where('entity').equals('vote').toArray();
    expect(entries.map((e) => [e.action, e.detail.vote, e.detail.before])).toEqual([
      ['record', 'approve', null],
      ['change', 'reject', 'approve'],
    ]);
    await closeProposal(db, { meetingId: M, caseId: C2, no: 1 }, at(4));
    expect((await refusal(recordVote(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm3', vote: 'approve' }, at(5)))).code).toBe('PROPOSAL_NOT_OPEN');
  });

  it('reads the case\'s votes back with the vote, as stored once it is (a vote written elsewhere meanwhile included)', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'suggestion' } }, at(1));
    await vote(C2, 1, { m1: 'approve', m2: 'abstain' }, 2);
    const recorded = await recordVoteAndRead(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm3', vote: 'reject' }, at(3));
    expect(recorded.row).toEqual({ meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm3', vote: 'reject', recordedBy: 's1', recordedAt: at(3).now });
    const stored = () => db.votes.where('[meetingId+caseId]').equals([M, C2]).toArray();
    expect(recorded.votes).toEqual(await stored());
    expect(recorded.votes.map((v) => [v.memberId, v.vote])).toEqual([['m1', 'approve'], ['m2', 'abstain'], ['m3', 'reject']]);
    const changed = await recordVoteAndRead(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm1', vote: 'reject' }, at(4));
    expect(changed.votes).toEqual(await stored());
    expect(changed.votes.map((v) => [v.memberId, v.vote])).toEqual([['m1', 'reject'], ['m2', 'abstain'], ['m3', 'reject']]);
    expect((await db.audit.where('entity').equals('vote').toArray()).map((e) => [e.detail.memberId, e.action])).toEqual([['m1', 'record'], ['m2', 'record'], ['m3', 'record'], ['m1', 'change']]);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('refuses the vote of a member not present', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, ['m1', 'm2', 'm3']);
    await openProposal(db, { meetingId: M, caseId: C2, proposal: { kind: 'suggestion' } }, at(1));
    expect((await refusal(recordVote(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 'm5', vote: 'approve' }, at(2)))).code).toBe('MEMBER_NOT_PRESENT');
    expect((await refusal(recordVote(db, { meetingId: M, caseId: C2, proposalNo: 1, memberId: 's1', vote: 'approve' }, at(2)))).code).toBe('NOT_A_VOTING_MEMBER');
  });

  it('closes as passed or failed with the tally of that moment; refuses to close without quorum', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const passed = await putToVote(C2, { kind: 'suggestion' }, { m1: 'approve', m2: 'approve', m3: 'approve', m4: 'reject', m5: 'abstain' });
    expect(passed).toMatchObject({ status: 'passed', closedAt: at(11).now });
    expect(passed.tally).toEqual({ approve: 3, reject: 1, abstain: 1, recused: 0, members: 5, present: 5, quorumMet: true, passed: true });

    // Two of five approve, the rest abstain or do not vote: an abstention is not an approval.
    const failed = await putToVote(C1, { kind: 'suggestion' }, { m1: 'approve', m2: 'approve', m3: 'abstain' });
    expect(failed.status).toBe('failed');
    expect(failed.tally).toMatchObject({ approve: 2, abstain: 1, present: 5, passed: false });

    await openProposal(db, { meetingId: M, caseId: C3, proposal: { kind: 'reject' } }, at(20));
    for (const id of ['m1', 'm2', 'm3']) await markLeft(db, M, id, at(21));
    const noQuorum = await refusal(closeProposal(db, { meetingId: M, caseId: C3, no: 1 }, at(22)));
    expect(noQuorum).toEqual({ code: 'NO_QUORUM', params: { present: 2, needed: 3, members: 5 } });
    expect((await db.proposals.get([M, C3, 1]))!.status).toBe('open');
  });
});
