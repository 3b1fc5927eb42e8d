/**
 * The soak's script (issue 14, part 6): a meeting of every case given, in ten rounds, each ended by
 * an export of decisions. Pure and seeded: the same cases give the same plan. Members come and go
 * between cases (three to five present, quorum always kept); a few cases get a recusal declared,
 * a few a failed proposal before the one that passes; from the second round on, cases decided and
 * exported in an earlier round are reopened and decided again (their revision 2). Votes follow the
 * default counting rules (majority of those present, a tie fails), and their number is exactly
 * `votes`: each proposal gets the votes its outcome needs (attendance leans toward three present
 * whenever those run ahead of the budget), then the rest are spread over the proposals as
 * rejections and abstentions from members present who had not voted (which change no outcome).
 */
import type { Outcome, VoteChoice } from '../../shared/meeting/types';
import type { ProposalInput } from '../../renderer/meeting/room/proposal-db';
import { seeded } from './seeded';

export const SOAK_VOTERS = ['m1', 'm2', 'm3', 'm4', 'm5'] as const;

/** What the plan needs of a case: its suggestion and figures. */
export interface SoakCase {
  caseId: string;
  tier: string | null;
  award: number | null;
  claimedLoss: number;
  assessedLoss: number | null;
}

export interface SoakProposal {
  input: ProposalInput;
  /** Who votes how, in the order the operator records them. */
  votes: [string, VoteChoice][];
  passes: boolean;
  /** Eligible members present while it is open (present and not recused). */
  eligible: string[];
}

export interface SoakDecision {
  caseId: string;
  revision: number;
  /** A recusal declared before the first proposal, with its reason. */
  recuse: { memberId: string; reason: string } | null;
  /** Failed ones first; the last passes. */
  proposals: SoakProposal[];
  rationale: string;
  /** What the decision must come to. */
  outcome: Outcome;
  award: number | null;
}

export type SoakStep =
  | { kind: 'arrive' | 'leave'; memberId: string }
  | { kind: 'decide'; decision: SoakDecision }
  | { kind: 'reopen'; caseId: string; reason: string };

export interface SoakPlan {
  /** Each round's steps; each round ends with an export (not a step). */
  rounds: SoakStep[][];
  votes: number;
  attendanceChanges: number;
  reopenings: number;
  recusals: number;
  failedProposals: number;
}

export interface SoakPlanOptions {
  rounds: number;
  votes: number;
  reopenings: number;
  /** The policy's required document kinds (a deferral names one). */
  requiredDocuments: readonly string[];
  seed?: number;
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** An award proposal the room accepts for the case (never above the claimed loss), or null. */
function awardInput(c: SoakCase): { input: ProposalInput; award: number } | null {
  if (c.tier === null) return null;
  if (c.award !== null && c.award <= c.claimedLoss) return { input: { kind: 'suggestion' }, award: c.award };
  const base = c.award ?? Math.floor((c.assessedLoss ?? c.claimedLoss) / 10_000) * 10_000;
  const amount = Math.min(base, c.claimedLoss);
  return amount >= 1 ? { input: { kind: 'amount', amount }, award: amount } : null;
}

type Terms = { input: ProposalInput; outcome: Outcome; award: number | null };

function termsOf(c: SoakCase, want: Outcome, documents: readonly string[], random: Random): Terms {
  const award = want === 'award' ? awardInput(c) : null;
  if (award) return { input: award.input, outcome: 'award', award: award.award };
  if (want === 'defer') return { input: { kind: 'defer', missingDocuments: [pick(random, documents)] }, outcome: 'defer', award: null };
  return { input: { kind: 'reject' }, outcome: 'reject', award: null };
}

/** Revision 1: mostly the suggestion; some rejections and deferrals. */
function firstTerms(c: SoakCase, documents: readonly string[], random: Random): Terms {
  const r = random();
  const want: Outcome = r < 0.8 ? 'award' : r < 0.92 ? 'reject' : 'defer';
  return termsOf(c, want, documents, random);
}

/** Revision 2 comes to something else than revision 1. */
function secondTerms(c: SoakCase, before: Outcome, documents: readonly string[], random: Random): Terms {
  if (before === 'award') return termsOf(c, 'reject', documents, random);
  const again = termsOf(c, 'award', documents, random);
  return again.outcome === 'award' ? again : termsOf(c, before === 'reject' ? 'defer' : 'reject', documents, random);
}

/** A failed proposal before the passing one: something else than what passes. */
function failedTerms(c: SoakCase, passing: Terms, documents: readonly string[]): ProposalInput {
  if (passing.outcome !== 'reject') return { kind: 'reject' };
  return awardInput(c)?.input ?? { kind: 'defer', missingDocuments: [documents[0]!] };
}

/** The votes an outcome needs with these eligible members: a pass by the fewest approvals, or a fail (a tie when even). */
function votesFor(eligible: readonly string[], passes: boolean, random: Random): [string, VoteChoice][] {
  const order = shuffled(random, eligible);
  const approvals = Math.floor(eligible.length / 2) + (passes ? 1 : 0);
  const votes: [string, VoteChoice][] = order.slice(0, approvals).map((m) => [m, 'approve']);
  if (!passes) votes.push([order[approvals]!, 'reject']);
  return votes;
}

/**
 * The next attendance change, keeping three to five present: at three rarely, at four or five more
 * often. `tight`: the votes spent so far run ahead of the budget, so members leave (back toward
 * three present, where a decision needs two approvals) and none arrives.
 */
function attendanceChange(present: Set<string>, tight: boolean, random: Random): SoakStep | null {
  const n = present.size;
  const chance = n <= 3 ? (tight ? 0 : 0.015) : n === 4 ? (tight ? 0.2 : 0.06) : tight ? 0.3 : 0.1;
  if (random() >= chance) return null;
  const leave = n >= 5 || (n === 4 && (tight || random() < 0.8));
  const candidates = SOAK_VOTERS.filter((m) => present.has(m) === leave);
  const memberId = pick(random, candidates);
  if (leave) present.delete(memberId);
  else present.add(memberId);
  return { kind: leave ? 'leave' : 'arrive', memberId };
}

export function makeSoakPlan(cases: readonly SoakCase[], options: SoakPlanOptions): SoakPlan {
  const random = seeded(options.seed ?? 14_006);
  const documents = options.requiredDocuments;
  if (documents.length === 0) throw new Error('the soak plan needs the policy to require at least one document kind (a deferral names one)');
  const present = new Set<string>(['m1', 'm2', 'm3']);
  const rounds: SoakStep[][] = Array.from({ length: options.rounds }, () => []);
  rounds[0]!.push(...[...present].map((memberId) => ({ kind: 'arrive' as const, memberId })));
  const proposals: SoakProposal[] = [];
  const decided = new Map<string, { outcome: Outcome; round: number; reopenable: boolean }>();
  const stats = { attendance: present.size, recusals: 0, failed: 0, reopened: 0 };

  // the budget a decision may spend on the votes it needs, with some left for the spread
  const perDecision = (0.97 * options.votes) / (cases.length + options.reopenings);
  let needed = 0;
  let decisions = 0;
  const decide = (round: number, c: SoakCase, revision: number, terms: Terms) => {
    const change = attendanceChange(present, needed > perDecision * decisions, random);
    if (change) {
      rounds[round]!.push(change);
      stats.attendance += 1;
    }
    const here = [...present].sort();
    const recuse = revision === 1 && here.length >= 4 && random() < 0.04 ? { memberId: pick(random, here), reason: `${c.caseId}: 신청인과 거래 관계가 있어 회피합니다.` } : null;
    const eligible = here.filter((m) => m !== recuse?.memberId);
    const list: SoakProposal[] = [];
    if (random() < 0.05) {
      list.push({ input: failedTerms(c, terms, documents), votes: votesFor(eligible, false, random), passes: false, eligible });
      stats.failed += 1;
    }
    list.push({ input: terms.input, votes: votesFor(eligible, true, random), passes: true, eligible });
    proposals.push(...list);
    needed += list.reduce((sum, p) => sum + p.votes.length, 0);
    decisions += 1;
    if (recuse) stats.recusals += 1;
    const rationale = `소크 시험: ${c.caseId} 제${revision}차 의결 (${terms.outcome})`;
    rounds[round]!.push({ kind: 'decide', decision: { caseId: c.caseId, revision, recuse, proposals: list, rationale, outcome: terms.outcome, award: terms.award } });
    // reopened once at most, and never a case with a recusal (it would still stand for revision 2)
    decided.set(c.caseId, { outcome: terms.outcome, round, reopenable: revision === 1 && recuse === null });
  };

  const perRound = Math.ceil(cases.length / options.rounds);
  const byId = new Map(cases.map((c) => [c.caseId, c]));
  for (let round = 0; round < options.rounds; round += 1) {
    const mine = cases.slice(round * perRound, (round + 1) * perRound);
    // reopenings spread over rounds 2..n, each of a case decided (and so exported) in an earlier round
    const reopenRounds = options.rounds - 1;
    const reopenHere = round === 0 ? 0 : Math.floor(options.reopenings / reopenRounds) + (round - 1 < options.reopenings % reopenRounds ? 1 : 0);
    const candidates = shuffled(random, [...decided].filter(([, d]) => d.round < round && d.reopenable).map(([caseId]) => caseId));
    if (candidates.length < reopenHere) throw new Error(`round ${round + 1}: only ${candidates.length} cases can be reopened, ${reopenHere} planned`);
    const places = shuffled(random, mine.map((_, i) => i));
    const reopenAt = new Map(candidates.slice(0, reopenHere).map((caseId, k) => [places[k]!, caseId] as const));
    mine.forEach((c, i) => {
      decide(round, c, 1, firstTerms(c, documents, random));
      const again = reopenAt.get(i);
      if (again === undefined) return;
      const before = decided.get(again)!;
      rounds[round]!.push({ kind: 'reopen', caseId: again, reason: `${again}: 제출 서류를 다시 확인해 재심의합니다.` });
      stats.reopened += 1;
      decide(round, byId.get(again)!, 2, secondTerms(byId.get(again)!, before.outcome, documents, random));
    });
  }
  if (stats.reopened !== options.reopenings) throw new Error(`the plan reopens ${stats.reopened} cases, not ${options.reopenings}`);
  spreadVotes(proposals, options.votes, random);
  return { rounds, votes: options.votes, attendanceChanges: stats.attendance, reopenings: stats.reopened, recusals: stats.recusals, failedProposals: stats.failed };
}

/** Adds rejections and abstentions by members present who had not voted, until the plan holds exactly `total` votes. */
function spreadVotes(proposals: SoakProposal[], total: number, random: Random): void {
  let left = total - proposals.reduce((sum, p) => sum + p.votes.length, 0);
  if (left < 0) throw new Error(`the plan's proposals need ${total - left} votes at the least, more than the ${total} planned`);
  const order = shuffled(random, proposals);
  while (left > 0) {
    let added = 0;
    for (const p of order) {
      if (left === 0) break;
      const voted = new Set(p.votes.map(([m]) => m));
      const free = p.eligible.filter((m) => !voted.has(m));
      if (free.length === 0) continue;
      p.votes.push([pick(random, free), random() < 0.5 ? 'reject' : 'abstain']);
      left -= 1;
      added += 1;
    }
    if (added === 0) throw new Error(`the plan's proposals hold no room for ${left} more votes`);
  }
}
