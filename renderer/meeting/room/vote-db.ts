/**
 * A member's vote on the open proposal, recorded by the operator. Only a voting member present
 * now and not recused on the case may vote; the vote may change while the proposal is open (the
 * row is replaced, the audit entry keeps what it was).
 */
import { cmp } from 'dexie';
import { presentAt } from '../../../shared/meeting/counting';
import type { VoteChoice } from '../../../shared/meeting/types';
import { appendAudit, readAuditHead } from '../../db/audit';
import type { VoteRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { proposalOpen } from './proposal-db';
import { caseDecisions, caseUnlocked, meetingOpen, nowOf, votingMember, voteTransaction, type When } from './room-guards';
import { RoomRefusal } from './room-refusal';

export interface VoteInput {
  meetingId: string;
  caseId: string;
  proposalNo: number;
  memberId: string;
  vote: VoteChoice;
}

export interface RecordedVote {
  row: VoteRow;
  /** Every vote on the case's proposals in this meeting as stored once the vote is (as the room reads them). */
  votes: VoteRow[];
}

export async function recordVote(db: CouncilDb, input: VoteInput, when?: When): Promise<VoteRow> {
  return (await recordVoteAndRead(db, input, when)).row;
}

/**
 * recordVote, and the case's votes as they stand once it commits: read in the same transaction
 * (which no other writer can enter), with the vote in its place, in the index's order. The room
 * shows them without reading the meeting and the case again.
 */
export async function recordVoteAndRead(db: CouncilDb, input: VoteInput, when?: When): Promise<RecordedVote> {
  const at = nowOf(when);
  const { meetingId, caseId, proposalNo, memberId } = input;
  return voteTransaction(db, async () => {
    // Every row the checks need, read at once; the checks then refuse in their order.
    const [meetingRow, caseRow, decisions, proposal, members, recusal, caseVotes, head] = await Promise.all([
      db.meetings.get(meetingId),
      db.cases.get(caseId),
      caseDecisions(db, caseId),
      db.proposals.get([meetingId, caseId, proposalNo]),
      db.members.toArray(),
      db.recusals.get([meetingId, caseId, memberId]),
      db.votes.where('[meetingId+caseId]').equals([meetingId, caseId]).toArray(),
      readAuditHead(db),
    ]);
    const meeting = meetingOpen(meetingRow, meetingId);
    caseUnlocked(meeting, caseId, caseRow, decisions);
    proposalOpen(proposal, { meetingId, caseId, no: proposalNo });
    votingMember(members, memberId);
    if (recusal?.status === 'recused') {
      throw new RoomRefusal('MEMBER_RECUSED', { memberId, caseId }, `${memberId} is recused on ${caseId} and cannot vote on it.`);
    }
    if (!presentAt(meeting.attendance, at).has(memberId)) {
      throw new RoomRefusal('MEMBER_NOT_PRESENT', { memberId }, `${memberId} is not present.`);
    }
    const mine = (v: VoteRow) => v.proposalNo === proposalNo && v.memberId === memberId;
    const before = caseVotes.find(mine);
    const row: VoteRow = { ...input, recordedBy: head.actor, recordedAt: at };
    await Promise.all([
      db.votes.put(row),
      appendAudit(
        db,
        {
          at,
          entity: 'vote',
          entityId: `${meetingId}/${caseId}/${proposalNo}/${memberId}`,
          action: before ? 'change' : 'record',
          detail: { meetingId, caseId, proposalNo, memberId, vote: input.vote, before: before?.vote ?? null },
        },
        head,
      ),
    ]);
    // the [meetingId+caseId] index's order: by the rest of the primary key
    const votes = [...caseVotes.filter((v) => !mine(v)), row].sort((a, b) => cmp([a.proposalNo, a.memberId], [b.proposalNo, b.memberId]));
    return { row, votes };
  });
}
