/**
 * A restore's end, in this order, each step safe to be cut off after (restore-marker.ts):
 *   1. checkRestored: the tables hold what the manifest counts, the audit log ends where the
 *      backup's did, every evidence file is in its documents (the marker still there);
 *   2. main's restoreFinish: the witness begun again with the backup's chain, the old file kept;
 *   3. completeRestore: the same counts and head once more, the marker removed and the restore
 *      recorded, in one transaction. Its audit entry is witnessed the usual way afterwards.
 * Cut off before 2, the next start undoes the restore, and the witness is the one before. Cut off
 * between 2 and 3, main's witness names the marker's restore: the next start does step 3
 * (settleInterruptedRestore), so a restore that was written and checked is never reported as a
 * rewritten log.
 */
import type { BackupManifest } from '../../../shared/contract/backup';
import { ApiError } from '../../common/council-api';
import type { WitnessPort } from '../../db/audit-witness';
import type { CouncilDb } from '../../db/schema';
import { recordRestore, type BackupHeld } from './backup-audit';
import type { InterruptedRestore } from './backup-store';
import { readRestoreMarker, RESTORE_MARKER_KEY, undoInterruptedRestore } from './restore-marker';

/** What the restore's own checks throw: RESTORE_CHECK_FAILED, naming what differs. */
export function checkFailed(message: string): ApiError {
  return new ApiError('RESTORE_CHECK_FAILED', message);
}

/** Every table against the backup's counts, and the audit log's last entry against its head (inside a transaction over every table). */
async function checkCounts(db: CouncilDb, backup: Pick<BackupHeld, 'tables' | 'auditHead'>): Promise<void> {
  for (const table of db.tables) {
    // The marker is the one row the backup does not hold.
    const found = (await table.count()) - (table.name === 'settings' && (await db.settings.get(RESTORE_MARKER_KEY)) ? 1 : 0);
    const expected = backup.tables[table.name] ?? 0;
    if (found !== expected) throw checkFailed(`The table ${table.name} holds ${found} rows after the restore; the backup holds ${expected}.`);
  }
  for (const table of Object.keys(backup.tables)) {
    if (!db.tables.some((t) => t.name === table)) throw checkFailed(`The backup holds a table ${table} this version has not.`);
  }
  const last = await db.audit.orderBy('sequence').last();
  const want = backup.auditHead;
  if (last?.sequence !== want?.sequence || last?.hash !== want?.hash) {
    const at = (head: { sequence: number; hash: string } | null | undefined) => (head ? `entry ${head.sequence} (${head.hash})` : 'no entry');
    throw checkFailed(`The audit log ends at ${at(last)} after the restore; the backup's ends at ${at(want)}.`);
  }
}

/** Step 1: the restored rows and evidence against the manifest; writes nothing. */
export async function checkRestored(db: CouncilDb, manifest: BackupManifest): Promise<void> {
  await db.transaction('r', db.tables, async () => {
    await checkCounts(db, manifest);
    const evidence = new Set(manifest.evidence.map((e) => e.sha256));
    let missing: string | null = null;
    await db.documents.each((doc) => {
      if (missing === null && evidence.has(doc.sha256) && !(doc.blob instanceof Blob)) missing = `${doc.file} of bundle ${doc.bundleId}`;
    });
    if (missing !== null) throw checkFailed(`The evidence ${missing} was not restored.`);
  });
}

/** Step 3: the restore `restoreId` (its marker there) recorded and its marker removed; the counts checked once more. */
export async function completeRestore(db: CouncilDb, restoreId: string): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const marker = await readRestoreMarker(db);
    if (marker?.restoreId !== restoreId || marker.backup === undefined) throw checkFailed(`No restore ${restoreId} is under way in this profile.`);
    await checkCounts(db, marker.backup);
    await db.settings.delete(RESTORE_MARKER_KEY);
    await recordRestore(db, marker.name, marker.backup, marker.priorBackup);
  });
}

/**
 * Start-up, for a restore the app ended in the middle of (its marker left): finished when main's
 * witness was begun again for it (step 3 then), else undone. Answers what the user is told; null
 * when no restore was under way.
 */
export async function settleInterruptedRestore(db: CouncilDb, witness: Pick<WitnessPort, 'getWitness'>): Promise<InterruptedRestore | null> {
  const marker = await readRestoreMarker(db);
  if (!marker) return null;
  const told = { name: marker.name, startedAt: marker.startedAt, priorBackup: marker.priorBackup };
  if (marker.restoreId !== undefined && marker.backup !== undefined) {
    const restart = await witness.getWitness().then(
      (w) => w.restart,
      () => undefined,
    );
    if (restart?.restoreId === marker.restoreId) {
      const completed = await completeRestore(db, marker.restoreId).then(
        () => true,
        () => false,
      );
      if (completed) return { ...told, completed: true };
    }
  }
  const undone = await undoInterruptedRestore(db);
  return undone ? { ...told, completed: false } : null;
}
