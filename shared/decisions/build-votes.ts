/**
 * One proposal's vote as a decision file lists it (FORMATS.md, "Decision file"), from the meeting's
 * plain data: each voting member of the attendance at the moment the vote closed, recused (with
 * the reason), or present with their vote or 'none'; and its tally, recounted by the counting
 * rules (shared/meeting/counting.ts) as `council-desk verify` recounts it from the file.
 */
import { countVote, presentAt, tallyOf, votingMembers } from '../meeting/counting';
import type { CountingRules } from '../meeting/rules';
import type { AttendanceEntry, CountedMember, Tally, VoteChoice } from '../meeting/types';
import type { ListedVoteEntry } from './decision-file-schema';
import { TALLY_FIELDS } from './payload-check';

/** A recusal on a case as stored: in force from `at` while 'recused'; 'withdrawn' ended it at `withdrawnAt`. */
export interface RecusalRecord {
  memberId: string;
  status: 'recused' | 'dismissed' | 'withdrawn';
  reason: string;
  at: string;
  withdrawnAt: string | null;
}

export interface CastVote {
  memberId: string;
  vote: VoteChoice;
}

const instant = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));

/** The members recused on the case at `at`, each with the reason. */
export function recusedAt(recusals: readonly RecusalRecord[], at: string): Map<string, string> {
  const t = instant(at);
  const out = new Map<string, string>();
  for (const r of recusals) {
    if (r.status === 'dismissed' || !(instant(r.at) <= t)) continue;
    if (r.status === 'withdrawn' && !(instant(r.withdrawnAt) > t)) continue;
    out.set(r.memberId, r.reason);
  }
  return out;
}

export interface ListedVote {
  votes: ListedVoteEntry[];
  tally: Tally;
}

/**
 * The listed votes and the recounted tally of a vote closed at `closedAt`. `roster`: the voting
 * roster the file implies (payload-check.ts rosterOfAttendance), in the attendance's order.
 */
export function listVote(input: {
  rules: CountingRules;
  roster: readonly CountedMember[];
  attendance: readonly AttendanceEntry[];
  recusals: readonly RecusalRecord[];
  votes: readonly CastVote[];
  closedAt: string;
}): ListedVote {
  const present = presentAt(input.attendance, input.closedAt);
  const recused = recusedAt(input.recusals, input.closedAt);
  const cast = new Map(input.votes.map((v) => [v.memberId, v.vote]));
  const votes: ListedVoteEntry[] = [];
  for (const m of votingMembers(input.roster)) {
    const reason = recused.get(m.memberId);
    if (reason !== undefined) votes.push({ memberId: m.memberId, vote: 'recused', reason });
    else if (present.has(m.memberId)) votes.push({ memberId: m.memberId, vote: cast.get(m.memberId) ?? 'none' });
  }
  const count = countVote({
    rules: input.rules,
    roster: input.roster,
    present,
    recused: new Set(recused.keys()),
    votes: votes.flatMap((v) => (v.vote === 'approve' || v.vote === 'reject' || v.vote === 'abstain' ? [{ memberId: v.memberId, vote: v.vote }] : [])),
  });
  return { votes, tally: tallyOf(count) };
}

/** The fields where a recorded tally differs from a recount, each as "field recorded → recounted". */
export function tallyDifferences(recorded: Tally, recounted: Tally): string[] {
  return TALLY_FIELDS.filter((f) => recorded[f] !== recounted[f]).map((f) => `${f} ${String(recorded[f])} → ${String(recounted[f])}`);
}
