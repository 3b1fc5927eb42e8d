/**
 * Who may have a vote recorded on a case, as one small pure rule for the bulk vote and the room's
 * single vote alike: the meeting is open; the member is active and a voting member (a secretary
 * keeps the record and does not vote) and present now (presentAt); the member is not recused on
 * the case (a dismissed recusal does not count); the case's proposal is open.
 *
 * It is split in two because a bulk vote asks the member's half once and the case's half 10,000
 * times; voteBar puts them together for one vote.
 */
import { presentAt } from '../../../shared/meeting/counting';
import type { Member } from '../../../shared/council';
import type { MeetingRow, ProposalRow, RecusalRow } from '../../db/rows';

/** Why the member can have no vote recorded in this meeting at all. */
export type MemberVoteBar = 'meeting-not-found' | 'meeting-not-open' | 'member-not-found' | 'member-inactive' | 'not-a-voting-member' | 'member-not-present';

/** Why the member can have no vote recorded on this case (the member could vote elsewhere). */
export type CaseVoteBar = 'no-open-proposal' | 'recused';

export type VoteBar = MemberVoteBar | CaseVoteBar;

export type EligibilityMeeting = Pick<MeetingRow, 'status' | 'attendance'>;
export type EligibilityMember = Pick<Member, 'memberId' | 'role' | 'active'>;

/** null: the member can vote in this meeting at `at` (ISO 8601). */
export function memberVoteBar(meeting: EligibilityMeeting | undefined, member: EligibilityMember | undefined, at: string): MemberVoteBar | null {
  if (meeting === undefined) return 'meeting-not-found';
  if (meeting.status !== 'open') return 'meeting-not-open';
  if (member === undefined) return 'member-not-found';
  if (!member.active) return 'member-inactive';
  if (member.role === 'secretary') return 'not-a-voting-member';
  if (!presentAt(meeting.attendance, at).has(member.memberId)) return 'member-not-present';
  return null;
}

/**
 * null: a member who can vote in the meeting can vote on this case. `proposal` is the case's
 * proposal in this meeting being voted on (undefined: none); `recusal` the member's on the case.
 */
export function caseVoteBar(proposal: Pick<ProposalRow, 'status'> | undefined, recusal: Pick<RecusalRow, 'status'> | undefined): CaseVoteBar | null {
  if (proposal === undefined || proposal.status !== 'open') return 'no-open-proposal';
  if (recusal !== undefined && recusal.status === 'recused') return 'recused';
  return null;
}

export interface VoteEligibilityInput {
  meeting: EligibilityMeeting | undefined;
  member: EligibilityMember | undefined;
  at: string;
  proposal: Pick<ProposalRow, 'status'> | undefined;
  recusal: Pick<RecusalRow, 'status'> | undefined;
}

/** One vote: null when it may be recorded, else the first reason it may not (the member's first). */
export function voteBar(input: VoteEligibilityInput): VoteBar | null {
  return memberVoteBar(input.meeting, input.member, input.at) ?? caseVoteBar(input.proposal, input.recusal);
}
