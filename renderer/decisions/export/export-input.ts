/**
 * What the decision file's builder (shared/decisions/build-payload.ts) needs of a meeting, read
 * from IndexedDB in one read transaction, as plain data: the meeting and its attendance stretches,
 * the roster, every decision on its cases (each with the suggestion of the case revision it was
 * made on), the cases' proposals, votes and recusals in the meeting, the bundles' policies, and
 * what earlier exports hold.
 */
import type { BuildCase, BuildDecision, DecisionBuildInput, SignedFile } from '../../../shared/decisions/build-payload';
import type { CaseRow, DecisionRow, ExportRow, MeetingRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { readSettings } from '../../db/settings';
import { readAttendanceStretches } from './attendance-history';

export type MeetingBuildData = Omit<DecisionBuildInput, 'ledger' | 'signerKeyid' | 'auditHead' | 'createdAt'>;

/** What the signed files of every meeting hold: by decisionKey, the file and its payload's hash. */
export function signedDecisions(rows: readonly ExportRow[]): Record<string, SignedFile> {
  const out: Record<string, SignedFile> = {};
  for (const row of rows) {
    if (row.state === 'signing') continue;
    for (const key of row.decisions) out[key] = { file: row.fileName, payloadSha256: row.payloadSha256 };
  }
  return out;
}

function suggestedOf(row: Pick<CaseRow, 'suggestion' | 'claimedLoss' | 'assessedLoss'>): BuildDecision['suggested'] {
  return { tier: row.suggestion.tier, award: row.suggestion.award, claimedLoss: row.claimedLoss, assessedLoss: row.assessedLoss };
}

function buildDecision(d: DecisionRow, suggested: BuildDecision['suggested']): BuildDecision {
  const { caseId, revision, meetingId, bundleId, outcome, tier, award, rationale, missingDocuments, proposalNo, decidedAt, reopened } = d;
  return { caseId, revision, meetingId, bundleId, outcome, tier, award, rationale, missingDocuments, proposalNo, decidedAt, reopened, suggested };
}

/** The tables the read spans. */
const tables = (db: CouncilDb) => [db.meetings, db.members, db.settings, db.decisions, db.cases, db.caseHistory, db.proposals, db.votes, db.recusals, db.bundles, db.exports, db.audit];

/** The meeting's data for its next decision file; null when the meeting is not stored. */
export async function readMeetingBuildData(db: CouncilDb, meetingId: string): Promise<MeetingBuildData | null> {
  return db.transaction('r', tables(db), async () => {
    const meeting: MeetingRow | undefined = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const own = await db.decisions.where('meetingId').equals(meetingId).toArray();
    const caseIds = [...new Set(own.map((d) => d.caseId))];
    const [members, settings, decisions, cases, proposals, votes, recusals, exports, attendance] = await Promise.all([
      db.members.toArray(),
      readSettings(db),
      db.decisions.where('caseId').anyOf(caseIds).toArray(),
      db.cases.bulkGet(caseIds),
      db.proposals.where('meetingId').equals(meetingId).toArray(),
      db.votes.where('meetingId').equals(meetingId).toArray(),
      db.recusals.where('meetingId').equals(meetingId).toArray(),
      db.exports.toArray(),
      readAttendanceStretches(db, meetingId, meeting.attendance),
    ]);
    const current = new Map(cases.flatMap((c) => (c ? [[c.caseId, c] as const] : [])));
    const history = await db.caseHistory.bulkGet(decisions.map((d) => [d.caseId, d.caseRevision] as [string, number]));
    const buildDecisions = decisions.map((d, i) => {
      const row = current.get(d.caseId);
      const asDecided = row && row.revision === d.caseRevision ? row : (history[i] ?? row);
      if (!asDecided) throw new Error(`Case ${d.caseId} (decision revision ${d.revision}) is not stored, so its suggestion cannot be written into the decision file.`);
      return buildDecision(d, suggestedOf(asDecided));
    });
    // Grouped once by case: filtering the meeting's proposals and votes for each case made an export of a long meeting quadratic.
    const proposalsOf = groupByCase(proposals);
    const votesOf = groupByCase(votes);
    const recusalsOf = groupByCase(recusals);
    const buildCases: BuildCase[] = caseIds.map((caseId) => ({
      caseId,
      proposals: (proposalsOf.get(caseId) ?? []).map(({ no, outcome, amount, status, closedAt, tally }) => ({ no, outcome, amount, status, closedAt, tally })),
      votes: (votesOf.get(caseId) ?? []).map(({ proposalNo, memberId, vote }) => ({ proposalNo, memberId, vote })),
      recusals: (recusalsOf.get(caseId) ?? []).map(({ memberId, status, reason, at, withdrawal }) => ({ memberId, status, reason, at, withdrawnAt: withdrawal?.at ?? null })),
    }));
    const bundles = await db.bundles.bulkGet([...new Set(decisions.map((d) => d.bundleId))]);
    const policies: Record<string, string> = {};
    for (const b of bundles) if (b) policies[b.bundleId] = b.manifest.policy.id;
    return {
      council: settings.councilName,
      meeting: { meetingId, date: meeting.date, place: meeting.place, rules: meeting.rules, attendance },
      members: members.map(({ memberId, name, role }) => ({ memberId, name, role })),
      decisions: buildDecisions,
      cases: buildCases,
      policies,
      exported: signedDecisions(exports),
    };
  });
}

/** The rows of each case, in their stored order. */
function groupByCase<T extends { caseId: string }>(rows: readonly T[]): Map<string, T[]> {
  const byCase = new Map<string, T[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId);
    if (list) list.push(row);
    else byCase.set(row.caseId, [row]);
  }
  return byCase;
}
