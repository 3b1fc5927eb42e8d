/**
 * Everything the case review screen shows of one case, read in one transaction: the case row, its
 * bundle (for the incident and policy), the documents of its current revision, and the assessment
 * recomputed by the same pure engine the import and the command line use (so the reasons always
 * match the stored figures).
 */
import { assessCase, type Assessment } from '../../shared/assessment';
import type { BundleRow, CaseRow, DocumentRow } from '../db/rows';
import type { CouncilDb } from '../db/schema';
import { loadOneCaseMeetingState, type CaseMeetingState } from '../db/case-meeting-state';

export interface CaseReview {
  row: CaseRow;
  bundle: BundleRow;
  /** In the order the case lists them. */
  documents: DocumentRow[];
  assessment: Assessment;
  /** Where the case stands in the council's meetings; null: in none. */
  meetingState: CaseMeetingState | null;
}

export class CaseNotFoundError extends Error {
  readonly code = 'CASE_NOT_FOUND';
  constructor(caseId: string) {
    super(`Case ${caseId} is not in the database.`);
  }
}

export async function loadCaseReview(db: CouncilDb, caseId: string): Promise<CaseReview> {
  const { row, bundle, documents, meetingState } = await db.transaction('r', [db.cases, db.bundles, db.documents, db.meetings, db.proposals, db.decisions], async () => {
    const row = await db.cases.get(caseId);
    if (!row) throw new CaseNotFoundError(caseId);
    const [bundle, documents, meetingState] = await Promise.all([
      db.bundles.get(row.bundleId),
      db.documents.where('[caseId+bundleId]').equals([caseId, row.bundleId]).toArray(),
      loadOneCaseMeetingState(db, caseId),
    ]);
    return { row, bundle, documents, meetingState };
  });
  if (!bundle) throw new Error(`The bundle ${row.bundleId} of case ${caseId} is missing.`);
  const order = new Map(row.record.documents.map((d, i) => [d.file, i]));
  documents.sort((a, b) => (order.get(a.file) ?? Infinity) - (order.get(b.file) ?? Infinity));
  const { incident, policy } = bundle.manifest;
  return { row, bundle, documents, assessment: assessCase(row.record, incident, policy), meetingState };
}
