/**
 * A schema upgrade step (schema.ts, version 3): case rows of an earlier shape are brought to the
 * one the rest of the code reads. Schema version 1 stored case rows (current ones and earlier
 * revisions in caseHistory) with nothing computed: suggestion null, no flags, no duplicates, and
 * no summary rows; version 2 added the summaries, written at start-up by a backfill that left the
 * earlier revisions as they were. Such rows are assessed with their own bundle's incident and
 * policy, as the import does, and their duplicate flags found, as when a bundle becomes ready, over
 * the cases of ready bundles as they stand once an interrupted import is rolled back at start-up:
 * a case an importing bundle re-issued counts with the earlier revision the rollback restores, and
 * the importing bundle's own cases keep the duplicates they have (it finds them when it finishes).
 * Writing a case row writes its summary (case-summary-sync.ts). A database with nothing of an
 * earlier shape is read through once and nothing is written.
 */
import type { Transaction } from 'dexie';
import { findDuplicates, type DuplicateFlag } from '../../shared/duplicate-flags';
import { caseAssessmentOf, duplicateSummaryOf, withDuplicates } from './case-assessment';
import type { BundleRow, CaseHistoryRow, CaseRow, CaseSuggestion } from './rows';

/** A case row as an earlier version may have stored it. */
type Stored<R extends CaseRow> = Omit<R, 'suggestion' | 'duplicates'> & { suggestion: CaseSuggestion | null; duplicates?: DuplicateFlag[] };

const earlierShape = (row: Stored<CaseRow>) => row.suggestion === null || !Array.isArray(row.duplicates);

export async function assessStoredCases(tx: Transaction): Promise<void> {
  const casesTable = tx.table<Stored<CaseRow>, string>('cases');
  const historyTable = tx.table<Stored<CaseHistoryRow>, [string, number]>('caseHistory');
  const [caseIds, summaryIds, earlierCases, earlierHistory] = await Promise.all([
    casesTable.toCollection().primaryKeys(),
    tx.table('caseSummaries').toCollection().primaryKeys() as Promise<string[]>,
    casesTable.filter(earlierShape).count(),
    historyTable.filter(earlierShape).count(),
  ]);
  const summarised = new Set(summaryIds);
  if (earlierCases === 0 && earlierHistory === 0 && caseIds.every((id) => summarised.has(id))) return;

  const [bundleRows, storedCases, storedHistory] = await Promise.all([tx.table<BundleRow, string>('bundles').toArray(), casesTable.toArray(), historyTable.toArray()]);
  const bundles = new Map(bundleRows.map((b) => [b.bundleId, b]));
  const bundleOf = (row: { caseId: string; bundleId: string }): BundleRow => {
    const bundle = bundles.get(row.bundleId);
    if (!bundle) throw new Error(`Case ${row.caseId} belongs to the bundle ${row.bundleId}, which is not stored: the database cannot be upgraded.`);
    return bundle;
  };
  const assessed = new Set<CaseRow>();
  const assess = <R extends CaseRow>(row: Stored<R>, due: boolean): R => {
    if (!due) return row as unknown as R;
    const base = { ...row, ...caseAssessmentOf(row.record, bundleOf(row).manifest), duplicates: [] } as unknown as R;
    const next = (withDuplicates(base, row.duplicates ?? []) as R | null) ?? base;
    assessed.add(next);
    return next;
  };
  const cases = storedCases.map((row) => assess(row, earlierShape(row) || !summarised.has(row.caseId)));
  const history = storedHistory.map((row) => assess(row, earlierShape(row)));

  // The cases as they stand after start-up rolls back what is still importing.
  const ready = (bundleId: string) => bundles.get(bundleId)?.status === 'ready';
  const standing = new Map<string, CaseRow>();
  for (const row of cases) if (ready(row.bundleId)) standing.set(row.caseId, row);
  for (const row of history) {
    const restored = ready(row.bundleId) && bundles.get(row.supersededBy)?.status === 'importing';
    if (restored && !standing.has(row.caseId)) standing.set(row.caseId, row);
  }
  const duplicates = findDuplicates([...standing.values()].map((row) => duplicateSummaryOf(row.record, row.bundleId, (file) => bundleOf(row).manifest.files[file])));

  /** The row with its duplicate flags where they count; null when it needs no writing. */
  const final = <R extends CaseRow>(row: R): R | null => {
    const next = standing.get(row.caseId) === row ? (withDuplicates(row, duplicates.get(row.caseId) ?? []) as R | null) : null;
    return next ?? (assessed.has(row) ? row : null);
  };
  const pick = <R extends CaseRow>(rows: R[]) => rows.map(final).filter((r): r is R => r !== null);
  const [changedCases, changedHistory] = [pick(cases), pick(history)];
  if (changedCases.length > 0) await casesTable.bulkPut(changedCases);
  if (changedHistory.length > 0) await historyTable.bulkPut(changedHistory);
}
