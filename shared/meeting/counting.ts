/**
 * The counting rules of FORMATS.md ("Counting rules") as pure functions: from the roster, who is
 * present at the vote, the recusals and the votes, the counts a decision rests on. The meeting
 * screen, the decision file and `council-desk verify` all count with these, so they agree.
 */
import type { CountingRules } from './rules';
import type { AttendanceEntry, CountedMember, Tally, VoteChoice } from './types';

export interface CountInput {
  rules: CountingRules;
  /** The council's roster; only active chairs and members are voting members (V). */
  roster: readonly CountedMember[];
  /** Members present at the moment of the vote (see presentAt). */
  present: ReadonlySet<string>;
  /** Members recused on this case (R(c)). */
  recused: ReadonlySet<string>;
  votes: readonly { memberId: string; vote: VoteChoice }[];
}

export interface VoteCount {
  /** members(c): |V| - |R(c)|, or |V| with recusedInBase. */
  members: number;
  /** present(c): voting members present and (unless recusedInBase) not recused. */
  present: number;
  quorumMet: boolean;
  /** The fewest present(c) that meets quorum. */
  quorumNeeded: number;
  approve: number;
  reject: number;
  abstain: number;
  /** Voting members recused on the case (|R(c) ∩ V|). */
  recused: number;
  /** Present, eligible members who have not voted: they count as not approving. */
  notVoted: string[];
  /** The fewest approvals that pass the proposal as the votes stand (for majority-of-cast: as rejections stand). */
  approvalsNeeded: number;
  /** The votes hit the rule's tie. */
  tie: boolean;
  /** With tie "chair-decides": the chair is present, not recused, and approved. */
  chairDecided: boolean;
  passed: boolean;
  /** Votes not counted: from members absent, recused, or not voting members. */
  ignored: string[];
}

/** Voting members: the active chairs and members (a secretary keeps the record and does not vote). */
export function votingMembers(roster: readonly CountedMember[]): CountedMember[] {
  return roster.filter((m) => m.active && m.role !== 'secretary');
}

/**
 * Who is present at `at` (ISO 8601): arrived at or before it, and not left by then. Times compare
 * as instants, so offsets may differ.
 */
export function presentAt(attendance: readonly AttendanceEntry[], at: string): Set<string> {
  const t = Date.parse(at);
  const here = new Set<string>();
  for (const a of attendance) {
    if (!a.present || a.arrivedAt === null) continue;
    if (Date.parse(a.arrivedAt) > t) continue;
    if (a.leftAt !== null && Date.parse(a.leftAt) <= t) continue;
    here.add(a.memberId);
  }
  return here;
}

export function quorumNeeded(rules: CountingRules, members: number): number {
  return rules.quorum.type === 'majority' ? Math.floor(members / 2) + 1 : rules.quorum.count;
}

export function countVote(input: CountInput): VoteCount {
  const { rules } = input;
  const voters = votingMembers(input.roster);
  const inBase = rules.recusedInBase;
  const recusedVoters = voters.filter((m) => input.recused.has(m.memberId));
  const members = inBase ? voters.length : voters.length - recusedVoters.length;
  const presentVoters = voters.filter((m) => input.present.has(m.memberId) && (inBase || !input.recused.has(m.memberId)));
  const present = presentVoters.length;
  const eligible = new Set(presentVoters.filter((m) => !input.recused.has(m.memberId)).map((m) => m.memberId));

  let approve = 0;
  let reject = 0;
  let abstain = 0;
  const voted = new Set<string>();
  const ignored: string[] = [];
  for (const v of input.votes) {
    if (!eligible.has(v.memberId) || voted.has(v.memberId)) {
      ignored.push(v.memberId);
      continue;
    }
    voted.add(v.memberId);
    if (v.vote === 'approve') approve += 1;
    else if (v.vote === 'reject') reject += 1;
    else abstain += 1;
  }
  const notVoted = [...eligible].filter((id) => !voted.has(id));

  const needed = quorumNeeded(rules, members);
  const quorumMet = members > 0 && present >= needed;

  let approvalsNeeded: number;
  let wins: boolean;
  let tie: boolean;
  switch (rules.passing) {
    case 'majority-of-present':
      approvalsNeeded = Math.floor(present / 2) + 1;
      wins = approve * 2 > present;
      tie = approve * 2 === present && present > 0;
      break;
    case 'majority-of-cast':
      approvalsNeeded = reject + 1;
      wins = approve > reject;
      tie = approve === reject && approve > 0;
      break;
    case 'two-thirds-of-present':
      approvalsNeeded = Math.ceil((2 * present) / 3);
      wins = present > 0 && 3 * approve >= 2 * present;
      tie = false;
      break;
  }
  const chair = voters.find((m) => m.role === 'chair');
  const chairApproved =
    chair !== undefined && eligible.has(chair.memberId) && input.votes.some((v) => v.memberId === chair.memberId && v.vote === 'approve');
  const chairDecided = tie && rules.tie === 'chair-decides' && chairApproved;
  const passed = quorumMet && (wins || chairDecided);
  return { members, present, quorumMet, quorumNeeded: needed, approve, reject, abstain, recused: recusedVoters.length, notVoted, approvalsNeeded, tie, chairDecided, passed, ignored };
}

/** The tally a decision file carries. */
export function tallyOf(count: VoteCount): Tally {
  const { approve, reject, abstain, recused, members, present, quorumMet, passed } = count;
  return { approve, reject, abstain, recused, members, present, quorumMet, passed };
}
