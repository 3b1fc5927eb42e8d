/**
 * The end of an import whose every check passed: the bundle becomes 'ready' with its final
 * counts, and the audit log records it, in one transaction.
 */
import type { BundleSummary } from '../../shared/bundle-import';
import { appendAudit } from '../db/audit';
import type { BundleRow } from '../db/rows';
import type { CouncilDb } from '../db/schema';
import type { ChunkContext } from './chunk-writer';
import { ImportRefusal } from './import-outcome';

export async function markBundleReady(db: CouncilDb, ctx: ChunkContext, summary: BundleSummary, counts: BundleRow['counts'], revised: readonly string[]): Promise<void> {
  await db.transaction('rw', [db.bundles, db.audit], async () => {
    const updated = await db.bundles.update(ctx.bundleId, { status: 'ready', counts });
    if (updated !== 1) throw new ImportRefusal('IMPORT_LOST', `The bundle ${ctx.bundleId} was removed while it was being imported.`);
    const signature = summary.signature;
    await appendAudit(db, {
      at: ctx.importedAt,
      entity: 'bundle',
      entityId: ctx.bundleId,
      action: 'import',
      actor: null,
      detail: {
        fileName: summary.fileName,
        manifestSha256: summary.manifestSha256,
        signature: signature.state,
        keyid: signature.state === 'unsigned' ? null : signature.keyid,
        cases: counts.cases,
        documents: counts.documents,
        evidenceBytes: counts.evidenceBytes,
        revisedCaseIds: [...revised],
      },
    });
  });
}
