/**
 * buildMinutes (minutes-model.ts has the types and the choices): the minutes from the meeting, its
 * agenda and its signed decision files. Pure. Everything decided comes from the files; the input's
 * meeting block gives what no file carries (the times the meeting opened and closed) and must agree
 * with the files where both speak (meeting id, counting rules). What does not fit throws
 * CouncilError('MINUTES_INVALID') naming the file or case.
 */
import { CouncilError } from '../result';
import type { MemberRole } from '../council';
import type { DecisionEntry, ListedVoteEntry } from '../decisions/decision-file-schema';
import { quorumNeeded } from '../meeting/counting';
import type { CountingRules } from '../meeting/rules';
import { OUTCOMES, type Tally } from '../meeting/types';
import { revisionsByCase, type CaseRevisions, type FiledDecision } from './highest-revision';
import type {
  AgendaItemInput,
  AgendaStatus,
  Minutes,
  MinutesCase,
  MinutesFileRef,
  MinutesInput,
  MinutesProposal,
  MinutesQuorum,
  MinutesRecusal,
  MinutesTotals,
} from './minutes-model';

const invalid = (message: string): never => {
  throw new CouncilError('MINUTES_INVALID', message);
};

const sameRules = (a: CountingRules, b: CountingRules): boolean =>
  a.passing === b.passing &&
  a.recusedInBase === b.recusedInBase &&
  a.tie === b.tie &&
  a.quorum.type === b.quorum.type &&
  (a.quorum.type !== 'atLeast' || (b.quorum.type === 'atLeast' && a.quorum.count === b.quorum.count));

/** The files belong to the meeting, follow each other without a gap, and each names the one before. */
function checkFiles(input: MinutesInput): void {
  const { meetingId, rules } = input.meeting;
  input.decisionFiles.forEach((f, i) => {
    const p = f.payload;
    if (!/^[0-9a-f]{64}$/.test(f.payloadSha256)) invalid(`${f.fileName}: payloadSha256 must be a SHA-256 in lowercase hex.`);
    if (p.meeting.meetingId !== meetingId) invalid(`${f.fileName} is a decision file of meeting ${p.meeting.meetingId}, not of meeting ${meetingId}.`);
    if (p.sequence !== i + 1) invalid(`${f.fileName} has sequence ${p.sequence} where sequence ${i + 1} was expected: a file is missing or out of order.`);
    const before = i === 0 ? null : input.decisionFiles[i - 1]!.payloadSha256;
    if (p.previous !== before) invalid(`${f.fileName} names ${p.previous ?? 'no'} previous payload, but the file before it has ${before ?? 'none'}.`);
    if (!sameRules(p.meeting.rules, rules)) invalid(`${f.fileName} was counted by other rules than the meeting's.`);
  });
}

type Roster = Map<string, { name: string; role: MemberRole }>;

/** Names by memberId: the input's attendance first, then each file's. */
function rosterOf(input: MinutesInput): Roster {
  const roster: Roster = new Map();
  const lines = [input.meeting.attendance, ...input.decisionFiles.map((f) => f.payload.meeting.attendance)].flat();
  for (const a of lines) if (!roster.has(a.memberId)) roster.set(a.memberId, { name: a.name, role: a.role });
  return roster;
}

function proposalOf(roster: Roster, p: { no: number; outcome: DecisionEntry['outcome']; amount: number | null; closedAt: string; votes: readonly ListedVoteEntry[]; tally: Tally }, passed: boolean): MinutesProposal {
  const votes = p.votes.map((v) => {
    const who = roster.get(v.memberId);
    return { memberId: v.memberId, name: who?.name ?? v.memberId, role: who?.role ?? 'member', vote: v.vote, reason: v.vote === 'recused' ? v.reason : null };
  });
  return { no: p.no, outcome: p.outcome, amount: p.amount, closedAt: p.closedAt, passed, votes, tally: { ...p.tally } };
}

const fileRef = (d: FiledDecision): MinutesFileRef => ({ fileName: d.fileName, payloadSha256: d.payloadSha256, sequence: d.sequence });

function caseOf(input: MinutesInput, roster: Roster, revisions: CaseRevisions, agenda: AgendaItemInput | undefined): MinutesCase {
  const { entry: d } = revisions.latest;
  const about = input.cases[d.caseId] ?? invalid(`Case ${d.caseId} is decided in ${revisions.latest.fileName} but its particulars (business name, account) are not given.`);
  if (about.bundleId !== d.bundleId) invalid(`Case ${d.caseId} is of bundle ${d.bundleId} in ${revisions.latest.fileName}, but its particulars say bundle ${about.bundleId}.`);
  const proposals = [
    ...d.earlierProposals.map((e) => proposalOf(roster, e, false)),
    proposalOf(roster, { ...d.proposal, votes: d.votes, tally: d.tally }, true),
  ].sort((a, b) => a.no - b.no);
  const recusals = new Map<string, MinutesRecusal>();
  for (const v of proposals.flatMap((p) => p.votes)) {
    if (v.vote === 'recused' && !recusals.has(v.memberId)) recusals.set(v.memberId, { memberId: v.memberId, name: v.name, reason: v.reason ?? '' });
  }
  return {
    caseId: d.caseId,
    bundleId: d.bundleId,
    businessName: about.businessName,
    registrationNo: about.registrationNo,
    representative: about.representative,
    bankAccountFingerprint: about.bankAccountFingerprint,
    suggestion: { ...d.suggested, flags: [...(agenda?.suggestion.flags ?? [])], reasons: [...(agenda?.suggestion.reasons ?? [])] },
    proposals,
    recusals: [...recusals.values()],
    outcome: d.outcome,
    tier: d.tier,
    award: d.award,
    rationale: d.rationale,
    missingDocuments: [...d.missingDocuments],
    decidedAt: d.decidedAt,
    revision: d.revision,
    file: fileRef(revisions.latest),
    reopened: d.reopened ? { reason: d.reopened.reason, previousRevision: d.reopened.previousRevision ? { ...d.reopened.previousRevision } : null } : null,
    history: revisions.earlier.map((e) => ({ revision: e.entry.revision, outcome: e.entry.outcome, award: e.entry.award, decidedAt: e.entry.decidedAt, file: fileRef(e) })),
  };
}

const tierOrder = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true });

function totalsOf(cases: readonly MinutesCase[], notDecided: number): MinutesTotals {
  const byOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, { count: 0, amount: 0 }])) as MinutesTotals['byOutcome'];
  const tiers = new Map<string | null, { count: number; amount: number }>([[null, { count: 0, amount: 0 }]]);
  for (const c of cases) if (c.suggestion.tier !== null && !tiers.has(c.suggestion.tier)) tiers.set(c.suggestion.tier, { count: 0, amount: 0 });
  for (const c of cases) {
    const amount = c.outcome === 'award' ? (c.award ?? 0) : 0;
    byOutcome[c.outcome].count += 1;
    byOutcome[c.outcome].amount += amount;
    const tier = c.outcome === 'award' ? c.tier : null;
    const row = tiers.get(tier) ?? { count: 0, amount: 0 };
    row.count += 1;
    row.amount += amount;
    tiers.set(tier, row);
  }
  const byTier = [...tiers.entries()].sort(([a], [b]) => tierOrder(a, b)).map(([tier, row]) => ({ tier, ...row }));
  return {
    decisions: cases.length,
    awarded: byOutcome.award.count,
    rejected: byOutcome.reject.count,
    deferred: byOutcome.defer.count,
    amount: byOutcome.award.amount,
    byOutcome,
    byTier,
    notDecided,
  };
}

/** The signed quorum of the last file; without files, the meeting's voting members present. */
function quorumOf(input: MinutesInput): MinutesQuorum {
  const last = input.decisionFiles[input.decisionFiles.length - 1];
  if (last) return { ...last.payload.meeting.quorum };
  const voting = input.meeting.attendance.filter((a) => a.role !== 'secretary');
  const required = quorumNeeded(input.meeting.rules, voting.length);
  const present = voting.filter((a) => a.present).length;
  return { required, present, met: present >= required };
}

const STATUS: Record<DecisionEntry['outcome'], AgendaStatus> = { award: 'awarded', reject: 'rejected', defer: 'deferred' };

export function buildMinutes(input: MinutesInput): Minutes {
  checkFiles(input);
  const roster = rosterOf(input);
  const revisions = revisionsByCase(input.decisionFiles);
  const onAgenda = new Map<string, AgendaItemInput>();
  for (const item of input.agenda) {
    if (onAgenda.has(item.caseId)) invalid(`Case ${item.caseId} is on the agenda twice.`);
    onAgenda.set(item.caseId, item);
  }
  const order = [...onAgenda.keys()].filter((id) => revisions.has(id)).concat([...revisions.keys()].filter((id) => !onAgenda.has(id)));
  const cases = order.map((id) => caseOf(input, roster, revisions.get(id)!, onAgenda.get(id)));
  const nameOf = (caseId: string) => (input.cases[caseId] ?? invalid(`Case ${caseId} is on the agenda but its particulars (business name) are not given.`)).businessName;
  const agenda = input.agenda.map((item, i) => {
    const latest = revisions.get(item.caseId)?.latest.entry;
    const suggestion = { ...item.suggestion, flags: [...item.suggestion.flags], reasons: [...item.suggestion.reasons] };
    return { no: i + 1, caseId: item.caseId, businessName: nameOf(item.caseId), suggestion, status: latest ? STATUS[latest.outcome] : ('not-decided' as const) };
  });
  const notDecided = agenda.filter((a) => a.status === 'not-decided').map((a) => ({ caseId: a.caseId, businessName: a.businessName }));
  const { meeting } = input;
  return {
    council: input.council,
    meetingId: meeting.meetingId,
    date: meeting.date,
    place: meeting.place,
    startedAt: meeting.startedAt,
    closedAt: meeting.closedAt,
    rules: { ...meeting.rules, quorum: { ...meeting.rules.quorum } },
    attendance: meeting.attendance.map((a) => ({ memberId: a.memberId, name: a.name, role: a.role, present: a.present, arrivedAt: a.arrivedAt, leftAt: a.leftAt })),
    quorum: quorumOf(input),
    agenda,
    cases,
    deferred: cases.filter((c) => c.outcome === 'defer').map((c) => ({ caseId: c.caseId, businessName: c.businessName, missingDocuments: [...c.missingDocuments], decidedAt: c.decidedAt })),
    notDecided,
    totals: totalsOf(cases, notDecided.length),
    signOff: [
      { role: 'chair', name: input.signers.chairName },
      { role: 'secretary', name: input.signers.secretaryName },
    ],
    decisionFiles: input.decisionFiles.map((f) => ({ fileName: f.fileName, payloadSha256: f.payloadSha256, sequence: f.payload.sequence })),
  };
}
