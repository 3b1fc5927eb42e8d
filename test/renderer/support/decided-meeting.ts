/**
 * The open test meeting with two decisions, as the room records them: C1 awarded its suggestion
 * with m3 recused and m5 present but not voting; C2 awarded its suggestion after a rejection failed.
 */
import type { CouncilDb } from '../../../renderer/db/schema';
import { recordDecision } from '../../../renderer/meeting/room/decision-db';
import { declareRecusal } from '../../../renderer/meeting/room/recusal-db';
import { ALL_APPROVE, at, C1, C2, M, type roomDbKit } from './room-db-kit';
import { seatMembers, seedOpenMeeting, VOTERS } from './room-meeting';

export async function decideTwoCases(db: CouncilDb, putToVote: ReturnType<typeof roomDbKit>['putToVote']): Promise<void> {
  await seedOpenMeeting(db);
  await seatMembers(db, VOTERS);
  await declareRecusal(db, { meetingId: M, caseId: C1, memberId: 'm3', reason: '신청인과 친족 관계' }, at(5));
  const c1 = await putToVote(C1, { kind: 'suggestion' }, { m1: 'approve', m2: 'approve', m4: 'approve' }, 10);
  await recordDecision(db, { meetingId: M, caseId: C1, proposalNo: c1.no, rationale: '제안대로 지급' }, at(12));
  await putToVote(C2, { kind: 'reject' }, { m1: 'reject', m2: 'reject', m3: 'reject', m4: 'approve', m5: 'approve' }, 20);
  const c2 = await putToVote(C2, { kind: 'suggestion' }, ALL_APPROVE, 25);
  await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: c2.no, rationale: '제안대로 지급' }, at(27));
}
