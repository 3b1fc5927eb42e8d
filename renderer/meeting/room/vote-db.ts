/**
 * A member's vote on the open proposal, recorded by the operator. Only a voting member present
 * now and not recused on the case may vote; the vote may change while the proposal is open (the
 * row is replaced, the audit entry keeps what it was).
 */
import { presentAt } from '../../../shared/meeting/counting';
import type { VoteChoice } from '../../../shared/meeting/types';
import { appendAudit } from '../../db/audit';
import type { VoteRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { openProposalRow } from './proposal-db';
import { nowOf, openMeeting, operator, roomTransaction, roster, unlockedCase, votingMember, type When } from './room-guards';
import { RoomRefusal } from './room-refusal';

export interface VoteInput {
  meetingId: string;
  caseId: string;
  proposalNo: number;
  memberId: string;
  vote: VoteChoice;
}

export async function recordVote(db: CouncilDb, input: VoteInput, when?: When): Promise<VoteRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const meeting = await openMeeting(db, input.meetingId);
    await unlockedCase(db, meeting, input.caseId);
    await openProposalRow(db, { meetingId: input.meetingId, caseId: input.caseId, no: input.proposalNo });
    votingMember(await roster(db), input.memberId);
    const recusal = await db.recusals.get([input.meetingId, input.caseId, input.memberId]);
    if (recusal?.status === 'recused') {
      throw new RoomRefusal('MEMBER_RECUSED', { memberId: input.memberId, caseId: input.caseId }, `${input.memberId} is recused on ${input.caseId} and cannot vote on it.`);
    }
    if (!presentAt(meeting.attendance, at).has(input.memberId)) {
      throw new RoomRefusal('MEMBER_NOT_PRESENT', { memberId: input.memberId }, `${input.memberId} is not present.`);
    }
    const before = await db.votes.get([input.meetingId, input.caseId, input.proposalNo, input.memberId]);
    const row: VoteRow = { ...input, recordedBy: await operator(db), recordedAt: at };
    await db.votes.put(row);
    await appendAudit(db, {
      at,
      entity: 'vote',
      entityId: `${input.meetingId}/${input.caseId}/${input.proposalNo}/${input.memberId}`,
      action: before ? 'change' : 'record',
      detail: { meetingId: input.meetingId, caseId: input.caseId, proposalNo: input.proposalNo, memberId: input.memberId, vote: input.vote, before: before?.vote ?? null },
    });
    return row;
  });
}
