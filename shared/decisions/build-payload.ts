/**
 * The payload of a meeting's next decision file (FORMATS.md, "Decision file"), built from plain
 * data (the renderer reads it from IndexedDB; renderer/decisions/export/). Pure: the same input
 * always gives the same payload, so it can be tested with nothing but data and checked with
 * checkDecisionPayload before the notary sees it.
 *
 * What goes out: the meeting's decisions that no earlier file holds (caseId and revision against
 * `exported`), oldest decidedAt first. A decision reopened before it was exported never goes out:
 * only its later revision does, with `reopened.previousRevision` null (no file holds the earlier
 * one). Every vote is listed and recounted at the moment it closed; `meeting.quorum` is the
 * meeting's own quorum (no recusals) at the last of the file's votes. Nothing new: 'nothing'.
 */
import { presentAt, quorumNeeded, votingMembers } from '../meeting/counting';
import type { CountingRules } from '../meeting/rules';
import type { AttendanceEntry, Outcome, Tally } from '../meeting/types';
import type { MemberRole } from '../council';
import { DECISIONS_FORMAT, DECISIONS_VERSION, type DecisionEntry, type DecisionFilePayload, type EarlierProposal } from './decision-file-schema';
import { listVote, tallyDifferences, type CastVote, type RecusalRecord } from './build-votes';
import { rosterOfAttendance, totalsOf } from './payload-check';

export type { CastVote, RecusalRecord };

export interface BuildProposal {
  no: number;
  outcome: Outcome;
  amount: number | null;
  status: 'open' | 'passed' | 'failed';
  closedAt: string | null;
  /** The count the room stored when it closed the vote: the recount must agree. */
  tally: Tally | null;
}

export interface BuildDecision {
  caseId: string;
  revision: number;
  meetingId: string;
  bundleId: string;
  outcome: Outcome;
  tier: string | null;
  award: number | null;
  rationale: string;
  missingDocuments: string[];
  proposalNo: number;
  decidedAt: string;
  reopened: { reason: string; at: string } | null;
  /** The case's suggestion as it stood for this decision (its case revision). */
  suggested: DecisionEntry['suggested'];
}

/** One case decided in the meeting: its proposals, votes and recusals in this meeting. */
export interface BuildCase {
  caseId: string;
  proposals: readonly BuildProposal[];
  votes: readonly (CastVote & { proposalNo: number })[];
  recusals: readonly RecusalRecord[];
}

export interface SignedFile {
  file: string;
  payloadSha256: string;
}

export interface DecisionBuildInput {
  council: string;
  meeting: { meetingId: string; date: string; place: string; rules: CountingRules; attendance: readonly AttendanceEntry[] };
  members: readonly { memberId: string; name: string; role: MemberRole }[];
  /** Every decision on the meeting's cases, of every revision and meeting. */
  decisions: readonly BuildDecision[];
  cases: readonly BuildCase[];
  /** Each bundle's policy id. */
  policies: Readonly<Record<string, string>>;
  /** What earlier files hold, by decisionKey: which file, and its payload's SHA-256. */
  exported: Readonly<Record<string, SignedFile>>;
  ledger: { lastSequence: number; lastPayloadSha256: string | null };
  signerKeyid: string;
  auditHead: string;
  createdAt: string;
}

/** Why a payload cannot be built: the decision (null for the meeting) and the field. */
export interface BuildProblem {
  caseId: string | null;
  revision: number | null;
  field: string;
  message: string;
}

export type DecisionBuild =
  | { kind: 'nothing' }
  | { kind: 'refused'; problems: BuildProblem[] }
  | { kind: 'payload'; payload: DecisionFilePayload; decisions: string[] };

/** How an export records a decision it holds: `<caseId>@<revision>`. */
export function decisionKey(d: { caseId: string; revision: number }): string {
  return `${d.caseId}@${d.revision}`;
}

type Decided = Pick<BuildDecision, 'caseId' | 'revision' | 'meetingId' | 'decidedAt' | 'reopened'>;

const byDecidedAt = (a: Decided, b: Decided) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt) || a.caseId.localeCompare(b.caseId);

/** The meeting's decisions the next file holds, oldest first: not exported, not reopened before it. */
export function decisionsToExport<D extends Decided>(meetingId: string, decisions: readonly D[], exported: Readonly<Record<string, unknown>>): D[] {
  return decisions.filter((d) => d.meetingId === meetingId && d.reopened === null && !Object.hasOwn(exported, decisionKey(d))).sort(byDecidedAt);
}

/** Why the case came back: its reopening's reason, or the deferral a later meeting decided on. */
function reopenedOf(input: DecisionBuildInput, d: BuildDecision): DecisionEntry['reopened'] {
  if (d.revision === 1) return undefined;
  const before = input.decisions.find((x) => x.caseId === d.caseId && x.revision === d.revision - 1);
  const reason =
    before?.reopened?.reason ??
    (before?.outcome === 'defer'
      ? `Deferred in meeting ${before.meetingId} awaiting ${before.missingDocuments.join(', ')}; decided again in meeting ${d.meetingId}.`
      : `Revision ${d.revision - 1} was set aside.`);
  const signed = input.exported[decisionKey({ caseId: d.caseId, revision: d.revision - 1 })];
  return { reason, previousRevision: signed ? { file: signed.file, payloadSha256: signed.payloadSha256 } : null };
}

export function buildDecisionPayload(input: DecisionBuildInput): DecisionBuild {
  const chosen = decisionsToExport(input.meeting.meetingId, input.decisions, input.exported);
  if (chosen.length === 0) return { kind: 'nothing' };
  const problems: BuildProblem[] = [];
  const meetingProblem = (field: string, message: string) => problems.push({ caseId: null, revision: null, field, message });

  const names = new Map(input.members.map((m) => [m.memberId, m]));
  const attendance = input.meeting.attendance.map((a) => {
    const m = names.get(a.memberId);
    if (!m) meetingProblem('meeting.attendance', `member ${a.memberId} of the attendance is not in the council's roster`);
    return { memberId: a.memberId, name: m?.name ?? a.memberId, role: m?.role ?? 'member', present: a.present, arrivedAt: a.arrivedAt, leftAt: a.leftAt };
  });
  const { rules } = input.meeting;
  const roster = rosterOfAttendance({ meeting: { attendance } } as Pick<DecisionFilePayload, 'meeting'>);
  const chair = attendance.find((a) => a.role === 'chair');
  if (!chair) meetingProblem('signer', "the meeting's attendance has no chair to sign the file");

  const entries: DecisionEntry[] = [];
  for (const d of chosen) {
    const problem = (field: string, message: string) => problems.push({ caseId: d.caseId, revision: d.revision, field, message });
    const record = input.cases.find((c) => c.caseId === d.caseId);
    const proposals = record?.proposals ?? [];
    const listed = (p: BuildProposal, at: string) => {
      const closedAt = p.closedAt!;
      const vote = listVote({ rules, roster, attendance, recusals: record?.recusals ?? [], votes: record?.votes.filter((v) => v.proposalNo === p.no) ?? [], closedAt });
      const differs = p.tally === null ? ['no tally was recorded'] : tallyDifferences(p.tally, vote.tally);
      if (differs.length > 0) problem(at, `proposal ${p.no}'s recorded tally differs from the recount by the counting rules (${differs.join(', ')})`);
      return { closedAt, ...vote };
    };
    const passed = proposals.find((p) => p.no === d.proposalNo);
    if (!passed || passed.status !== 'passed' || passed.closedAt === null) {
      problem('proposal', `proposal ${d.proposalNo}, which the decision rests on, is not stored as passed and closed`);
      continue;
    }
    const main = listed(passed, 'tally');
    const after = Math.max(0, ...input.decisions.filter((x) => x.caseId === d.caseId && x.meetingId === d.meetingId && x.proposalNo < d.proposalNo).map((x) => x.proposalNo));
    const earlierProposals: EarlierProposal[] = proposals
      .filter((p) => p.status === 'failed' && p.closedAt !== null && p.no > after && p.no < d.proposalNo)
      .sort((a, b) => a.no - b.no)
      .map((p, j) => {
        const v = listed(p, `earlierProposals[${j}].tally`);
        return { no: p.no, outcome: p.outcome, amount: p.amount, closedAt: v.closedAt, votes: v.votes, tally: v.tally };
      });
    const reopened = reopenedOf(input, d);
    entries.push({
      caseId: d.caseId,
      bundleId: d.bundleId,
      revision: d.revision,
      outcome: d.outcome,
      tier: d.tier,
      award: d.award,
      suggested: { ...d.suggested },
      proposal: { no: passed.no, outcome: passed.outcome, amount: passed.amount, closedAt: main.closedAt },
      votes: main.votes,
      tally: main.tally,
      earlierProposals,
      rationale: d.rationale,
      missingDocuments: [...d.missingDocuments],
      decidedAt: d.decidedAt,
      ...(reopened ? { reopened } : {}),
    });
  }

  const bundleIds = [...new Set(entries.map((e) => e.bundleId))].sort();
  const policyIds = [...new Set(bundleIds.map((b) => input.policies[b]))];
  if (policyIds.includes(undefined)) meetingProblem('policyId', `a bundle of the file's decisions is not stored (${bundleIds.filter((b) => input.policies[b] === undefined).join(', ')})`);
  else if (policyIds.length > 1) meetingProblem('policyId', `the decisions come from bundles of different policies (${policyIds.join(', ')}); a decision file names one`);
  const sequence = input.ledger.lastSequence + 1;
  if (sequence > 9999) meetingProblem('sequence', `the meeting has ${input.ledger.lastSequence} files already, the most a meeting can have`);
  if (problems.length > 0 || !chair) return { kind: 'refused', problems };

  const lastVote = entries.map((e) => e.proposal.closedAt).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
  const voters = votingMembers(roster);
  const here = presentAt(attendance, lastVote);
  const required = quorumNeeded(rules, voters.length);
  const present = voters.filter((m) => here.has(m.memberId)).length;
  const payload: DecisionFilePayload = {
    format: DECISIONS_FORMAT,
    version: DECISIONS_VERSION,
    council: input.council,
    meeting: {
      meetingId: input.meeting.meetingId,
      date: input.meeting.date,
      place: input.meeting.place,
      rules: { ...rules, quorum: { ...rules.quorum } },
      attendance,
      quorum: { required, present, met: present >= required },
    },
    policyId: policyIds[0]!,
    bundleIds,
    sequence,
    previous: input.ledger.lastPayloadSha256,
    decisions: entries,
    totals: totalsOf(entries),
    auditHead: input.auditHead,
    signer: { memberId: chair.memberId, name: chair.name, role: 'chair', keyid: input.signerKeyid },
    createdAt: input.createdAt,
  };
  return { kind: 'payload', payload, decisions: entries.map(decisionKey) };
}
