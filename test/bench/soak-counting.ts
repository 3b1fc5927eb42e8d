/**
 * FORMATS.md's counting rules, written again for the soak's recount from nothing but a decision
 * file's payload (its meeting's rules and attendance, a vote's list and the moment it closed), so
 * the recount does not lean on the app's own counting (shared/meeting/counting.ts). Only the
 * tally's type is the app's (FORMATS.md's shape; a type, no code).
 */
import type { Tally } from '../../shared/meeting/types';

export interface FileMeeting {
  rules: { quorum: { type: 'majority' } | { type: 'atLeast'; count: number }; passing: string; recusedInBase: boolean; tie: string };
  attendance: { memberId: string; role: string; present: boolean; arrivedAt: string | null; leftAt: string | null }[];
}

export interface FileVote {
  memberId: string;
  vote: string;
}

export type FileTally = Tally;

export interface VoteRecount {
  tally: FileTally;
  /** approve, reject and abstain votes of eligible members. */
  cast: number;
  /** Eligible members present at the close whom the list leaves out (each must be listed, 'none' when silent). */
  unlisted: string[];
}

/** Who was present at `at`: an attendance stretch that began at or before it and had not ended by then. */
function presentAt(meeting: FileMeeting, at: string): Set<string> {
  const t = Date.parse(at);
  const here = new Set<string>();
  for (const a of meeting.attendance) {
    if (!a.present || a.arrivedAt === null) continue;
    if (Date.parse(a.arrivedAt) <= t && (a.leftAt === null || t < Date.parse(a.leftAt))) here.add(a.memberId);
  }
  return here;
}

export function recountVote(meeting: FileMeeting, votes: readonly FileVote[], closedAt: string): VoteRecount {
  const { rules } = meeting;
  // V: the chairs and members of the roster the attendance lists (a secretary does not vote)
  const voters = [...new Set(meeting.attendance.filter((a) => a.role === 'chair' || a.role === 'member').map((a) => a.memberId))];
  const recused = new Set(votes.filter((v) => v.vote === 'recused' && voters.includes(v.memberId)).map((v) => v.memberId));
  const here = presentAt(meeting, closedAt);
  const members = rules.recusedInBase ? voters.length : voters.length - recused.size;
  const present = voters.filter((m) => here.has(m) && (rules.recusedInBase || !recused.has(m))).length;
  const eligible = new Set(voters.filter((m) => here.has(m) && !recused.has(m)));

  const counted = new Map<string, string>();
  for (const v of votes) {
    if (!eligible.has(v.memberId) || counted.has(v.memberId)) continue;
    if (v.vote === 'approve' || v.vote === 'reject' || v.vote === 'abstain') counted.set(v.memberId, v.vote);
  }
  const of = (choice: string) => [...counted.values()].filter((v) => v === choice).length;
  const [approve, reject, abstain] = [of('approve'), of('reject'), of('abstain')];

  const quorumMet = members > 0 && (rules.quorum.type === 'majority' ? 2 * present > members : present >= rules.quorum.count);
  let wins: boolean;
  let tie: boolean;
  if (rules.passing === 'majority-of-present') {
    wins = 2 * approve > present;
    tie = present > 0 && 2 * approve === present;
  } else if (rules.passing === 'majority-of-cast') {
    wins = approve > reject;
    tie = approve > 0 && approve === reject;
  } else if (rules.passing === 'two-thirds-of-present') {
    wins = approve >= 1 && 3 * approve >= 2 * present;
    tie = false;
  } else {
    throw new Error(`unknown passing rule ${rules.passing}`);
  }
  const chair = voters.find((m) => meeting.attendance.some((a) => a.memberId === m && a.role === 'chair'));
  const chairApproved = chair !== undefined && eligible.has(chair) && counted.get(chair) === 'approve';
  const passed = quorumMet && (wins || (tie && rules.tie === 'chair-decides' && chairApproved));

  const listed = new Set(votes.map((v) => v.memberId));
  const unlisted = [...eligible].filter((m) => !listed.has(m));
  return { tally: { approve, reject, abstain, recused: recused.size, members, present, quorumMet, passed }, cast: counted.size, unlisted };
}
