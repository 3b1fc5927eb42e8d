/**
 * A restore as the app runs it: none while a backup is being made (nor a backup while it runs),
 * and once restored, the council, the language, the audit log's check and its check against the
 * witness (begun again by the restore) read again from the restored rows, so every screen shows
 * the backup's data.
 */
import { useCouncilStore } from '../../common/council-store';
import { restoreLanguage } from '../../common/language';
import type { CouncilDb } from '../../db/schema';
import { useBackupStore } from './backup-store';
import { runRestore, type RestoreApi, type RestoreOutcome, type RestoreProgress, type RestoreRequest } from './restore-runner';

/**
 * What else reads the profile again once a restore ends (the audit log's checks, which belong to
 * the Decisions screen): the app registers it at start-up, so this folder depends on none of them.
 * Each is told how the restore ended (restored, or failed and cleared again).
 */
type Reread = (db: CouncilDb, outcome: Exclude<RestoreOutcome, { kind: 'cancelled' }>) => Promise<unknown>;
const afterRestore = new Set<Reread>();
export function whenRestored(reread: Reread): () => void {
  afterRestore.add(reread);
  return () => afterRestore.delete(reread);
}

export async function restoreBackup(db: CouncilDb, api: RestoreApi, request: RestoreRequest, onProgress?: (p: RestoreProgress) => void): Promise<RestoreOutcome> {
  const store = useBackupStore;
  if (store.getState().running || store.getState().restoring) {
    return { kind: 'failed', error: { code: 'BACKUP_RUNNING', message: 'A backup is being made; restore once it ends.' }, cleared: false };
  }
  store.setState({ restoring: true });
  try {
    const outcome = await runRestore(db, api, request, onProgress);
    if (outcome.kind !== 'cancelled') {
      // Restored, or cleared again: either way the screens read the profile as it is now.
      await useCouncilStore.getState().load(db);
      await restoreLanguage(db);
      for (const reread of afterRestore) await reread(db, outcome).catch(() => undefined);
    }
    return outcome;
  } finally {
    store.setState({ restoring: false });
  }
}
