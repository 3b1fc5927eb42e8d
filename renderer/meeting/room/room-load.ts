/**
 * What the room shows, read from the database: the meeting and the roster, and for the current
 * case its review (row, bundle, assessment: the review feature's own loader), recusals, declared
 * conflicts that suggest a recusal, proposals, votes and decisions.
 */
import { suggestedRecusals, type SuggestedRecusal } from '../../../shared/meeting/conflicts';
import { sortMembers } from '../../common/council-store';
import type { DecisionRow, MeetingRow, MemberRow, ProposalRow, RecusalRow, VoteRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { loadCaseReview, type CaseReview } from '../../review';
import { conflictFacts } from './recusal-db';
import { isLocked } from './room-guards';
import { RoomRefusal } from './room-refusal';

export interface RoomMeeting {
  meeting: MeetingRow;
  /** Chair first, then members, then the secretary. */
  members: MemberRow[];
}

export interface RoomCase {
  review: CaseReview;
  recusals: RecusalRow[];
  /** Declared conflicts matching the case (settled ones included: see pendingSuggestions). */
  suggestions: SuggestedRecusal[];
  /** In number order. */
  proposals: ProposalRow[];
  /** Every vote on the case's proposals in this meeting. */
  votes: VoteRow[];
  /** In revision order. */
  decisions: DecisionRow[];
  locked: boolean;
}

export async function loadRoomMeeting(db: CouncilDb, meetingId: string): Promise<RoomMeeting> {
  const [meeting, members] = await db.transaction('r', [db.meetings, db.members], () => Promise.all([db.meetings.get(meetingId), db.members.toArray()]));
  if (!meeting) throw new RoomRefusal('MEETING_NOT_FOUND', { meetingId }, `Meeting ${meetingId} is not stored.`);
  return { meeting, members: sortMembers(members) };
}

export async function loadRoomCase(db: CouncilDb, meetingId: string, caseId: string, members: readonly MemberRow[]): Promise<RoomCase> {
  // The review's read and the room's run side by side, each its own read transaction (as they
  // were one after the other): a vote is read back sooner, and a missing case still fails with
  // the review's own error.
  const [review, [recusals, proposals, votes, decisions]] = await Promise.all([
    loadCaseReview(db, caseId),
    db.transaction('r', [db.recusals, db.proposals, db.votes, db.decisions], () =>
      Promise.all([
        db.recusals.where('[meetingId+caseId]').equals([meetingId, caseId]).toArray(),
        db.proposals.where('[meetingId+caseId]').equals([meetingId, caseId]).sortBy('no'),
        db.votes.where('[meetingId+caseId]').equals([meetingId, caseId]).toArray(),
        db.decisions.where('caseId').equals(caseId).sortBy('revision'),
      ]),
    ),
  ]);
  const suggestions = suggestedRecusals(conflictFacts(review.row), members);
  return { review, recusals, suggestions, proposals, votes, decisions, locked: isLocked(review.row, decisions[decisions.length - 1], meetingId) };
}

/** Suggestions not yet confirmed or dismissed (one recusal row per member settles them all). */
export function pendingSuggestions(room: Pick<RoomCase, 'suggestions' | 'recusals'>): SuggestedRecusal[] {
  const settled = new Set(room.recusals.map((r) => r.memberId));
  return room.suggestions.filter((s) => !settled.has(s.memberId));
}

export function openProposalOf(proposals: readonly ProposalRow[]): ProposalRow | undefined {
  return proposals.find((p) => p.status === 'open');
}

/** The last passed proposal not decided on yet (the one the chair can record a decision from). */
export function decidableProposal(room: Pick<RoomCase, 'proposals' | 'decisions' | 'locked'>, meetingId: string): ProposalRow | undefined {
  if (room.locked) return undefined;
  const used = new Set(room.decisions.filter((d) => d.meetingId === meetingId).map((d) => d.proposalNo));
  return [...room.proposals].reverse().find((p) => p.status === 'passed' && !used.has(p.no));
}
