/**
 * The end of an import whose every check passed: the bundle becomes 'ready' with its final
 * counts, the duplicate flags of its cases and of the cases they share keys with are brought up
 * to date, and the audit log records it, in one transaction.
 */
import type { BundleSummary } from '../../../shared/bundle-import';
import type { DuplicateCaseSummary } from '../../../shared/duplicate-flags';
import { appendAudit } from '../../db/audit';
import type { BundleRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import type { ChunkContext } from './chunk-writer';
import { refreshBundleDuplicates } from './duplicate-refresh';
import { IMPORT_LOST, ImportRefusal } from './import-outcome';

/** What the import stored, for the finish: its counts, the cases it revised, and each case's duplicate keys. */
export interface StoredBundle {
  counts: BundleRow['counts'];
  revised: readonly string[];
  cases: readonly DuplicateCaseSummary[];
}

export async function markBundleReady(db: CouncilDb, ctx: ChunkContext, summary: BundleSummary, stored: StoredBundle): Promise<void> {
  const { counts, revised } = stored;
  await db.transaction('rw', [db.bundles, db.audit, db.settings, db.cases, db.caseHistory, db.documents], async () => {
    const updated = await db.bundles.update(ctx.bundleId, { status: 'ready', counts });
    if (updated !== 1) throw new ImportRefusal(IMPORT_LOST, `The bundle ${ctx.bundleId} was removed while it was being imported.`);
    const flagged = await refreshBundleDuplicates(db, ctx.bundleId, stored.cases);
    const signature = summary.signature;
    await appendAudit(db, {
      at: ctx.importedAt,
      entity: 'bundle',
      entityId: ctx.bundleId,
      action: 'import',
      detail: {
        fileName: summary.fileName,
        manifestSha256: summary.manifestSha256,
        signature: signature.state,
        keyid: signature.state === 'unsigned' ? null : signature.keyid,
        cases: counts.cases,
        documents: counts.documents,
        evidenceBytes: counts.evidenceBytes,
        revisedCaseIds: [...revised],
        // Cases, of this bundle or earlier ones, whose duplicate flags this import changed.
        duplicateFlagsChanged: flagged.sort(),
      },
    });
  });
}
