/**
 * Checks a decision file's payload (already valid by decision-file-schema.ts) with nothing but the
 * payload: every tally recounted by the counting rules (shared/meeting/counting.ts) from the votes,
 * the attendance at the moment the vote closed and the rules; the votes list coherent with the
 * attendance; outcomes and awards as the passed proposal says; awards never above the claimed
 * loss, with a rationale where FORMATS.md needs one; totals that add up. The notary refuses what
 * this finds; `council-desk verify` and the inbox report it.
 */
import type { CodedMessage } from '../problems/problem';
import { countVote, presenceOf, quorumNeeded, tallyOf, votingMembers } from '../meeting/counting';
import type { CountedMember, Tally } from '../meeting/types';
import type { DecisionEntry, DecisionFilePayload, ListedVoteEntry } from './decision-file-schema';
import { payloadProblem } from './payload-problems';

export interface PayloadProblem extends CodedMessage {
  /** JSON path in the payload, like decisions[3].tally.approve. */
  path: string;
}

export const TALLY_FIELDS = ['approve', 'reject', 'abstain', 'recused', 'members', 'present', 'quorumMet', 'passed'] as const satisfies readonly (keyof Tally)[];

/** Why a rationale is needed, from the file alone (FORMATS.md: award differs from suggested.award, or a case-by-case tier). */
export function rationaleReasons(d: Pick<DecisionEntry, 'outcome' | 'award' | 'suggested'>): string[] {
  if (d.outcome !== 'award') return [];
  if (d.suggested.tier !== null && d.suggested.award === null) return ['an award of a tier decided case by case'];
  if (d.award !== d.suggested.award) return ['the award differs from the suggested award'];
  return [];
}

/** What every decision of a payload is checked against, worked out once per payload, so the check stays linear in its decisions. */
interface CheckContext {
  payload: DecisionFilePayload;
  roster: readonly CountedMember[];
  /** The voting members' ids, in roster order. */
  voting: ReadonlySet<string>;
  presentAt: (at: string) => Set<string>;
  bundleIds: ReadonlySet<string>;
}

/** The counting rules' recount of one vote, and the coherence of its listed votes. */
function checkVote(ctx: CheckContext, votes: readonly ListedVoteEntry[], tally: Tally, closedAt: string, at: string, problems: PayloadProblem[]): void {
  const present = ctx.presentAt(closedAt);
  const recused = new Set<string>();
  for (const v of votes) if (v.vote === 'recused') recused.add(v.memberId);
  const seen = new Set<string>();
  const cast: { memberId: string; vote: 'approve' | 'reject' | 'abstain' }[] = [];
  for (let i = 0; i < votes.length; i += 1) {
    const v = votes[i]!;
    if (seen.has(v.memberId)) problems.push({ path: `${at}.votes[${i}].memberId`, ...payloadProblem('DECISION_VOTE_TWICE', { memberId: v.memberId }) });
    seen.add(v.memberId);
    if (!ctx.voting.has(v.memberId)) problems.push({ path: `${at}.votes[${i}].memberId`, ...payloadProblem('DECISION_VOTER_UNKNOWN', { memberId: v.memberId }) });
    else if (v.vote !== 'recused' && !present.has(v.memberId)) problems.push({ path: `${at}.votes[${i}].vote`, ...payloadProblem('DECISION_VOTER_ABSENT', { memberId: v.memberId }) });
    if (v.vote === 'approve' || v.vote === 'reject' || v.vote === 'abstain') cast.push({ memberId: v.memberId, vote: v.vote });
  }
  for (const id of ctx.voting) {
    if (present.has(id) && !recused.has(id) && !seen.has(id)) problems.push({ path: `${at}.votes`, ...payloadProblem('DECISION_VOTER_MISSING', { memberId: id }) });
  }
  const recount = tallyOf(countVote({ rules: ctx.payload.meeting.rules, roster: ctx.roster, present, recused, votes: cast }));
  for (const field of TALLY_FIELDS) {
    if (tally[field] !== recount[field]) {
      problems.push({ path: `${at}.tally.${field}`, ...payloadProblem('DECISION_TALLY_MISMATCH', { field, recorded: String(tally[field]), recounted: String(recount[field]) }) });
    }
  }
}

/** The voting roster a file implies: each member of the attendance once, as active. */
export function rosterOfAttendance(payload: Pick<DecisionFilePayload, 'meeting'>): CountedMember[] {
  const byId = new Map<string, CountedMember>();
  for (const a of payload.meeting.attendance) if (!byId.has(a.memberId)) byId.set(a.memberId, { memberId: a.memberId, role: a.role, active: true });
  return [...byId.values()];
}

function checkDecision(ctx: CheckContext, d: DecisionEntry, at: string, problems: PayloadProblem[]): void {
  const push = (path: string, coded: CodedMessage) => problems.push({ path: `${at}${path}`, ...coded });
  checkVote(ctx, d.votes, d.tally, d.proposal.closedAt, at, problems);
  if (!d.tally.passed) push('.tally.passed', payloadProblem('DECISION_NOT_PASSED'));
  for (const [j, e] of d.earlierProposals.entries()) {
    checkVote(ctx, e.votes, e.tally, e.closedAt, `${at}.earlierProposals[${j}]`, problems);
    if (e.tally.passed) push(`.earlierProposals[${j}].tally.passed`, payloadProblem('DECISION_EARLIER_PASSED'));
  }
  if (d.outcome !== d.proposal.outcome) push('.outcome', payloadProblem('DECISION_OUTCOME_MISMATCH', { decided: d.outcome, proposed: d.proposal.outcome }));
  if (d.outcome === 'award') {
    if (d.award === null) push('.award', payloadProblem('DECISION_AWARD_MISSING'));
    else {
      if (d.award !== d.proposal.amount) push('.award', payloadProblem('DECISION_AWARD_MISMATCH', { award: String(d.award), proposed: String(d.proposal.amount) }));
      if (d.award > d.suggested.claimedLoss) push('.award', payloadProblem('DECISION_AWARD_ABOVE_CLAIM', { award: d.award, claimedLoss: d.suggested.claimedLoss }));
    }
  } else if (d.award !== null) push('.award', payloadProblem('DECISION_AWARD_NOT_ALLOWED', { outcome: d.outcome }));
  const why = rationaleReasons(d);
  if (why.length > 0 && d.rationale.trim() === '') push('.rationale', payloadProblem('DECISION_RATIONALE_MISSING', { why: why.join('; ') }));
  if (d.outcome === 'defer' && d.missingDocuments.length === 0) push('.missingDocuments', payloadProblem('DECISION_MISSING_DOCUMENTS'));
  if (d.revision === 1 && d.reopened !== undefined) push('.reopened', payloadProblem('DECISION_REOPENED_FIRST'));
  if (d.revision > 1 && d.reopened === undefined) push('.revision', payloadProblem('DECISION_REOPENED_MISSING', { revision: d.revision }));
  if (!ctx.bundleIds.has(d.bundleId)) push('.bundleId', payloadProblem('DECISION_BUNDLE_UNLISTED', { bundleId: d.bundleId }));
}

/** Every problem of the payload, in the order of the file (empty: it is right by the rules). */
export function checkDecisionPayload(payload: DecisionFilePayload): PayloadProblem[] {
  const problems: PayloadProblem[] = [];
  const roster = rosterOfAttendance(payload);
  const ctx: CheckContext = {
    payload,
    roster,
    voting: new Set(votingMembers(roster).map((m) => m.memberId)),
    presentAt: presenceOf(payload.meeting.attendance),
    bundleIds: new Set(payload.bundleIds),
  };
  const seen = new Set<string>();
  for (let i = 0; i < payload.decisions.length; i += 1) {
    const d = payload.decisions[i]!;
    const key = `${d.caseId}/${d.revision}`;
    if (seen.has(key)) problems.push({ path: `decisions[${i}].revision`, ...payloadProblem('DECISION_DUPLICATE', { caseId: d.caseId, revision: d.revision }) });
    seen.add(key);
    checkDecision(ctx, d, `decisions[${i}]`, problems);
  }
  const totals = totalsOf(payload.decisions);
  for (const field of ['decisions', 'awarded', 'rejected', 'deferred', 'amount'] as const) {
    if (payload.totals[field] !== totals[field]) {
      problems.push({ path: `totals.${field}`, ...payloadProblem('DECISION_TOTALS_MISMATCH', { field, recorded: payload.totals[field], recounted: totals[field] }) });
    }
  }
  const q = payload.meeting.quorum;
  const required = quorumNeeded(payload.meeting.rules, votingMembers(roster).length);
  if (q.required !== required) problems.push({ path: 'meeting.quorum.required', ...payloadProblem('DECISION_QUORUM_MISMATCH', { detail: `required is ${q.required}, the rules give ${required}` }) });
  if (q.met !== (q.present >= q.required)) problems.push({ path: 'meeting.quorum.met', ...payloadProblem('DECISION_QUORUM_MISMATCH', { detail: `met is ${q.met} with ${q.present} present and ${q.required} required` }) });
  const chair = payload.meeting.attendance.find((a) => a.memberId === payload.signer.memberId);
  if (chair === undefined || chair.role !== 'chair') problems.push({ path: 'signer.memberId', ...payloadProblem('DECISION_SIGNER_NOT_CHAIR', { memberId: payload.signer.memberId }) });
  return problems;
}

/** What `totals` must say of these decisions. */
export function totalsOf(decisions: readonly Pick<DecisionEntry, 'outcome' | 'award'>[]): DecisionFilePayload['totals'] {
  let awarded = 0;
  let rejected = 0;
  let deferred = 0;
  let amount = 0;
  for (const d of decisions) {
    if (d.outcome === 'award') {
      awarded += 1;
      amount += d.award ?? 0;
    } else if (d.outcome === 'reject') rejected += 1;
    else deferred += 1;
  }
  return { decisions: decisions.length, awarded, rejected, deferred, amount };
}
