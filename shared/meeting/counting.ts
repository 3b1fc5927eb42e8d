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
  /**
   * The fewest approvals that pass the proposal (quorum aside), always at least 1: the screen's
   * "3 needed". majority-of-present: floor(present / 2) + 1; two-thirds-of-present:
   * ceil(2 x present / 3). majority-of-cast: reject + 1, the fewest approvals that beat the
   * rejections cast so far; it rises with each rejection (1 before anyone votes), so it is a
   * standing, not a promise. In every rule the proposal wins exactly when approve >= approvalsNeeded.
   */
  approvalsNeeded: number;
  /** The votes hit the rule's tie (never with two-thirds-of-present, which has none). */
  tie: boolean;
  /** Where the chair stands on this vote, for the tie rule and its reasons in words. */
  chair: ChairStanding;
  /** With tie "chair-decides": a tie, and the chair is present, not recused, and approved. */
  chairDecided: boolean;
  passed: boolean;
  /** Votes not counted: from members absent, recused or not voting members, a member's second vote, or not a vote. */
  ignored: string[];
}

/** The chair's counted vote, 'none' when present and eligible but not (yet) voted, or why the chair has no vote. */
export type ChairStanding = VoteChoice | 'none' | 'recused' | 'absent' | 'no-chair';

/** Voting members: the active chairs and members (a secretary keeps the record and does not vote). */
export function votingMembers(roster: readonly CountedMember[]): CountedMember[] {
  return roster.filter((m) => m.active && m.role !== 'secretary');
}

/**
 * Who is present at `at` (ISO 8601): an entry marked present that arrived at or before `at` and had
 * not left by then (one leaving at `at` is gone). Times compare as instants, so offsets may differ
 * (+09:00 and Z). `present` says the member attended at all; a departure is `leftAt`, so an entry
 * must stay present after its member leaves, or earlier votes no longer recount. A member may have
 * several entries (left and came back). A time that does not parse counts nobody present: a
 * recount should fail short of quorum rather than invent attendance.
 */
export function presentAt(attendance: readonly AttendanceEntry[], at: string): Set<string> {
  return presenceOf(attendance)(at);
}

/**
 * presentAt for many moments of one attendance (a decision file's votes): the times of the
 * attendance are read once, each moment's then. The same rule, entry by entry.
 */
export function presenceOf(attendance: readonly AttendanceEntry[]): (at: string) => Set<string> {
  const spans: { memberId: string; arrived: number; left: number }[] = [];
  for (const a of attendance) {
    if (!a.present || a.arrivedAt === null) continue;
    const arrived = Date.parse(a.arrivedAt);
    const left = a.leftAt === null ? Infinity : Date.parse(a.leftAt);
    // an arrival or departure that does not parse counts the entry absent at every moment
    if (Number.isNaN(arrived) || Number.isNaN(left)) continue;
    spans.push({ memberId: a.memberId, arrived, left });
  }
  return (at) => {
    const t = Date.parse(at);
    const here = new Set<string>();
    if (Number.isNaN(t)) return here;
    for (const s of spans) if (s.arrived <= t && t < s.left) here.add(s.memberId);
    return here;
  };
}

/** The fewest present(c) that meets quorum: majority, present > members / 2; atLeast N, present >= N. */
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
  const counted = new Map<string, VoteChoice>();
  const ignored: string[] = [];
  for (const v of input.votes) {
    // The type says VoteChoice, but a recount may be fed a file's 'recused' or 'none': not a vote.
    const isVote = v.vote === 'approve' || v.vote === 'reject' || v.vote === 'abstain';
    if (!isVote || !eligible.has(v.memberId) || counted.has(v.memberId)) {
      ignored.push(v.memberId);
      continue;
    }
    counted.set(v.memberId, v.vote);
    if (v.vote === 'approve') approve += 1;
    else if (v.vote === 'reject') reject += 1;
    else abstain += 1;
  }
  const notVoted = [...eligible].filter((id) => !counted.has(id));

  const needed = quorumNeeded(rules, members);
  const quorumMet = members > 0 && present >= needed;

  // A tie needs votes on its sides: with none (majority-of-cast at 0 to 0, or nobody present) the
  // tie rule could not change the outcome (the chair has not approved), and "a tie" would mislead.
  let approvalsNeeded: number;
  let tie: boolean;
  switch (rules.passing) {
    case 'majority-of-present':
      approvalsNeeded = Math.floor(present / 2) + 1;
      tie = present > 0 && approve * 2 === present;
      break;
    case 'majority-of-cast':
      approvalsNeeded = reject + 1;
      tie = approve > 0 && approve === reject;
      break;
    case 'two-thirds-of-present':
      // 3 x approve >= 2 x present; at least one approval even when nobody is present.
      approvalsNeeded = Math.max(1, Math.ceil((2 * present) / 3));
      tie = false;
      break;
  }
  const wins = approve >= approvalsNeeded;
  const chair = chairStanding(voters, input, eligible, counted);
  const chairDecided = tie && rules.tie === 'chair-decides' && chair === 'approve';
  const passed = quorumMet && (wins || chairDecided);
  return { members, present, quorumMet, quorumNeeded: needed, approve, reject, abstain, recused: recusedVoters.length, notVoted, approvalsNeeded, tie, chair, chairDecided, passed, ignored };
}

function chairStanding(voters: readonly CountedMember[], input: CountInput, eligible: ReadonlySet<string>, counted: ReadonlyMap<string, VoteChoice>): ChairStanding {
  const chair = voters.find((m) => m.role === 'chair');
  if (chair === undefined) return 'no-chair';
  if (input.recused.has(chair.memberId)) return 'recused';
  if (!eligible.has(chair.memberId)) return 'absent';
  return counted.get(chair.memberId) ?? 'none';
}

/** The tally a decision file carries. */
export function tallyOf(count: VoteCount): Tally {
  const { approve, reject, abstain, recused, members, present, quorumMet, passed } = count;
  return { approve, reject, abstain, recused, members, present, quorumMet, passed };
}
