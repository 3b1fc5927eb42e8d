/**
 * Start-up backfill for cases stored before schema version 2, which had neither their suggestion
 * and flags nor a summary row: they are assessed with their bundle's manifest, duplicate flags are
 * recomputed over all cases, and the case rows written (their summaries with them,
 * case-summary-sync.ts), in one transaction. A case without a summary row is what calls for it
 * (summaries are only ever written with an assessed row), so when every case has one the backfill
 * reads two key lists and writes nothing.
 */
import { findDuplicates } from '../../shared/duplicate-flags';
import { caseAssessmentOf, duplicateSummaryOf, withDuplicates } from './case-assessment';
import type { BundleRow, CaseRow } from './rows';
import type { CouncilDb } from './schema';

export interface BackfillResult {
  /** Cases assessed now (their suggestion was missing or they had no summary). */
  assessed: string[];
  /** Case rows written (assessed, their duplicate flags changed, or without a summary). */
  updated: number;
}

export async function backfillCaseAssessments(db: CouncilDb): Promise<BackfillResult> {
  return db.transaction('rw', [db.bundles, db.cases, db.caseSummaries], async () => {
    const [caseIds, summaryIds] = await Promise.all([db.cases.toCollection().primaryKeys(), db.caseSummaries.toCollection().primaryKeys()]);
    const summarised = new Set(summaryIds);
    if (caseIds.every((id) => summarised.has(id))) return { assessed: [], updated: 0 };

    const [rows, bundleRows] = await Promise.all([db.cases.toArray(), db.bundles.toArray()]);
    const bundles = new Map<string, BundleRow>(bundleRows.map((b) => [b.bundleId, b]));
    const assessed: string[] = [];
    const current = rows.map((row) => {
      const bundle = bundles.get(row.bundleId);
      if (!bundle || (row.suggestion !== null && summarised.has(row.caseId))) return row;
      assessed.push(row.caseId);
      return { ...row, ...caseAssessmentOf(row.record, bundle.manifest) };
    });

    // Only ready bundles take part: an import still running finds its duplicates when it finishes
    // (its cases keep the duplicates they have).
    const ready = (row: CaseRow) => bundles.get(row.bundleId)?.status === 'ready';
    const duplicates = findDuplicates(current.filter(ready).map((row) => duplicateSummaryOf(row.record, row.bundleId, (file) => bundles.get(row.bundleId)!.manifest.files[file])));
    const reassessed = new Set(assessed);
    const changed: CaseRow[] = [];
    for (const row of current) {
      const own = ready(row) ? (duplicates.get(row.caseId) ?? []) : row.duplicates;
      const next = withDuplicates(row, own) ?? (reassessed.has(row.caseId) || !summarised.has(row.caseId) ? row : null);
      if (next) changed.push(next);
    }
    if (changed.length > 0) await db.cases.bulkPut(changed);
    return { assessed, updated: changed.length };
  });
}
