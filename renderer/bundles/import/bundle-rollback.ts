/**
 * Undoing an import: everything stored under the bundle goes, and every case it re-issued gets
 * its earlier revision back exactly as it was (the history copy is removed); the summary rows follow
 * the case rows (db/case-summary-sync.ts). One transaction. Other cases' flags need no undoing: duplicate flags are recomputed only
 * when a bundle becomes ready (import-finish.ts), and only bundles still importing are rolled back.
 */
import Dexie from 'dexie';
import type { CaseRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';

export async function rollbackBundle(db: CouncilDb, bundleId: string): Promise<void> {
  await db.transaction('rw', [db.bundles, db.cases, db.caseHistory, db.documents], async () => {
    const superseded = await db.caseHistory.where('supersededBy').equals(bundleId).toArray();
    await db.documents.where('[bundleId+file]').between([bundleId, Dexie.minKey], [bundleId, Dexie.maxKey], true, true).delete();
    await db.cases.where('bundleId').equals(bundleId).delete();
    if (superseded.length > 0) {
      const restored: CaseRow[] = superseded.map(({ supersededAt: _at, supersededBy: _by, ...row }) => row);
      await db.cases.bulkPut(restored);
      await db.caseHistory.bulkDelete(superseded.map((h) => [h.caseId, h.revision] as [string, number]));
    }
    await db.bundles.delete(bundleId);
  });
}

/**
 * At start-up: a bundle still 'importing' was cut off (the app was closed or killed), so it is
 * rolled back. Bundles being imported right now in this window are left alone.
 */
export async function rollBackInterruptedImports(db: CouncilDb, active: ReadonlySet<string> = new Set()): Promise<string[]> {
  const stale = (await db.bundles.where('status').equals('importing').primaryKeys()).filter((id) => !active.has(id));
  for (const bundleId of stale) await rollbackBundle(db, bundleId);
  return stale;
}
