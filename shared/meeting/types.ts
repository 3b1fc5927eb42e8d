/**
 * The meeting's data as the counting rules, the decision file and the minutes see it (DESIGN.md,
 * domain model; FORMATS.md, decision file). The database rows (renderer/db/rows.ts) hold these.
 */
import type { MemberRole } from '../council';

/** A vote a member can cast. A recusal is not a vote: it is its own record (RecusalRow). */
export const VOTE_CHOICES = ['approve', 'reject', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** A vote as a decision file lists it: a recused member, and a present member who did not vote ('none'). */
export type ListedVote = VoteChoice | 'recused' | 'none';

/** What a proposal (and a decision) settles: an award, a rejection, or a deferral awaiting documents. */
export const OUTCOMES = ['award', 'reject', 'defer'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One member's attendance in a meeting: one stretch, from arrival to departure (null: still there). */
export interface AttendanceEntry {
  memberId: string;
  present: boolean;
  arrivedAt: string | null;
  leftAt: string | null;
}

/** A member as the counting rules need them. */
export interface CountedMember {
  memberId: string;
  role: MemberRole;
  active: boolean;
}

/** The tally a decision file carries (FORMATS.md): recountable from votes, rules and attendance. */
export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  members: number;
  present: number;
  quorumMet: boolean;
  passed: boolean;
}
