/**
 * The counting rules (shared/meeting/counting.ts) applied to the room's rows: who is present at a
 * moment, who is recused on the case, the votes of one proposal. The screen, the close of a
 * proposal and the decision all count through here, so they agree.
 */
import { countVote, presentAt, type VoteCount } from '../../../shared/meeting/counting';
import type { CountedMember } from '../../../shared/meeting/types';
import type { MeetingRow, RecusalRow, VoteRow } from '../../db/rows';

export interface CaseCountInput {
  meeting: Pick<MeetingRow, 'rules' | 'attendance'>;
  roster: readonly CountedMember[];
  /** The case's recusal rows; only those with status 'recused' count as recusals. */
  recusals: readonly Pick<RecusalRow, 'memberId' | 'status'>[];
  /** The votes of one proposal (none: only presence and quorum matter). */
  votes: readonly Pick<VoteRow, 'memberId' | 'vote'>[];
  /** ISO 8601: the moment of the count. */
  at: string;
}

export function recusedSet(recusals: readonly Pick<RecusalRow, 'memberId' | 'status'>[]): Set<string> {
  return new Set(recusals.filter((r) => r.status === 'recused').map((r) => r.memberId));
}

export function countCase({ meeting, roster, recusals, votes, at }: CaseCountInput): VoteCount {
  return countVote({
    rules: meeting.rules,
    roster,
    present: presentAt(meeting.attendance, at),
    recused: recusedSet(recusals),
    votes: votes.map(({ memberId, vote }) => ({ memberId, vote })),
  });
}

/** The meeting's own quorum, before any case's recusals. */
export function countMeeting(meeting: Pick<MeetingRow, 'rules' | 'attendance'>, roster: readonly CountedMember[], at: string): VoteCount {
  return countCase({ meeting, roster, recusals: [], votes: [], at });
}

/** What a panel that shows only the quorum reads of a count (attendance, the decision). */
export type Quorum = Pick<VoteCount, 'quorumMet' | 'present' | 'members' | 'quorumNeeded'>;

/** The quorum's figures as one string: equal while the quorum says the same. */
export function quorumKey(c: Quorum): string {
  return `${c.quorumMet} ${c.present} ${c.members} ${c.quorumNeeded}`;
}
