/**
 * A restore as the app runs it: none while a backup is being made (nor a backup while it runs),
 * and once restored, the council, the language and the audit log's check read again from the
 * restored rows, so every screen shows the backup's data.
 */
import { useCouncilStore } from '../../common/council-store';
import { restoreLanguage } from '../../common/language';
import type { CouncilDb } from '../../db/schema';
import { refreshAuditCheck } from '../../decisions/audit-status';
import { useBackupStore } from './backup-store';
import { runRestore, type RestoreApi, type RestoreOutcome, type RestoreProgress, type RestoreRequest } from './restore-runner';

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
      await refreshAuditCheck(db).catch(() => undefined);
    }
    return outcome;
  } finally {
    store.setState({ restoring: false });
  }
}
