/**
 * The renderer's side of an import's start, once the main process has read the manifest: what the
 * database already holds under that bundleId decides whether the import goes on, and if it does,
 * the bundle row is written with status 'importing' (in its own transaction) so that a cut-off
 * import can be found and rolled back.
 */
import type { BundleSummary } from '../../../shared/bundle-import';
import type { BundleRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { rollbackBundle } from './bundle-rollback';
import type { ChunkContext } from './chunk-writer';
import { BUNDLE_ID_CONFLICT, ImportRefusal } from './import-outcome';

export type StartDecision = { go: true; ctx: ChunkContext } | { go: false; alreadyImported: true };

export async function startLocalImport(db: CouncilDb, summary: BundleSummary, importedAt: string): Promise<StartDecision> {
  const bundleId = summary.manifest.bundleId;
  const prior = await db.bundles.get(bundleId);
  if (prior?.status === 'ready') {
    if (prior.manifestSha256 === summary.manifestSha256) return { go: false, alreadyImported: true };
    throw new ImportRefusal(BUNDLE_ID_CONFLICT, `A different bundle with the id ${bundleId} is already imported.`);
  }
  // Left 'importing' by an import that was cut off: it goes before this one starts.
  if (prior) await rollbackBundle(db, bundleId);

  const row: BundleRow = {
    bundleId,
    status: 'importing',
    importedAt,
    fileName: summary.fileName,
    manifest: summary.manifest,
    manifestSha256: summary.manifestSha256,
    signature: summary.signature,
    planned: { cases: summary.caseCount, evidence: summary.evidenceCount, bytes: summary.bytesTotal },
    counts: { cases: 0, documents: 0, evidenceBytes: 0, revised: 0 },
  };
  const [existing, decided] = await db.transaction('rw', [db.bundles, db.cases], async () => {
    await db.bundles.add(row);
    return Promise.all([db.cases.toCollection().primaryKeys(), db.cases.where('status').equals('decided').primaryKeys()]);
  });
  return { go: true, ctx: { bundleId, importedAt, manifest: summary.manifest, existing: new Set(existing), decided: new Set(decided) } };
}
