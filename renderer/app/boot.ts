/** What the app does at start-up, before it shows anything. */
import { describeError, type CouncilApi } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import type { CouncilDb } from '../db/schema';
import { activeImports, rollBackInterruptedImports } from '../bundles';
import { refreshAuditCheck, runAuditCheck, runWitnessCheck } from '../decisions';
import { witnessAuditLog, type WitnessPort } from '../db/audit-witness';
import { requestPersistentStorage } from '../common/storage';
import { settleInterruptedRestore, useBackupStore, whenRestored } from '../settings/backup';

// Once a restore ends, the audit log's checks read the restored log (once per page, however often it boots).
let rereadsWired = false;

/**
 * Start-up: first settles a restore the app was closed or killed in the middle of (its marker left:
 * finished when main's witness was begun again for it, else every table cleared again; the user
 * told either way: settings/backup/restore-complete.ts), and rolls back any import it was closed or killed in
 * the middle of (a bundle left 'importing'), then reads the council, and the security settings from the main process.
 * Nothing is shown before all are done; security settings that cannot be read do not stop the app:
 * the screens that show them say so. (Opening the database upgrades the rows earlier versions
 * stored: see db/schema.ts.) Then the audit log's check starts, and is not waited for: a long log
 * takes seconds, and a broken one is shown (and announced) wherever the user is once it is found.
 * So does the check against main's witness of the log, which then catches the witness up; the log
 * is witnessed from the very start (db/audit-witness.ts), the roll-back's entries too. Persistent
 * storage is asked for first, once, and not waited for either: its answer is kept for Settings
 * (common/storage/persistence-store.ts).
 */
export async function bootCouncil(db: CouncilDb, api: Pick<CouncilApi, 'getSecuritySettings'> & WitnessPort): Promise<void> {
  void requestPersistentStorage();
  if (!rereadsWired) {
    rereadsWired = true;
    whenRestored(async (restored, outcome) => {
      await refreshAuditCheck(restored);
      // Restored: against the witness main began again with the backup's chain (it then hears the restore's own entry).
      if (outcome.kind === 'restored') void runWitnessCheck(restored);
    });
  }
  const witness = witnessAuditLog(db, api);
  const security = useCouncilStore.getState().loadSecurity(api);
  try {
    const restore = await settleInterruptedRestore(db, api);
    if (restore) useBackupStore.setState({ interruptedRestore: restore });
    await rollBackInterruptedImports(db, activeImports());
  } catch (err) {
    useCouncilStore.setState({ status: 'failed', error: describeError(err) });
    await security;
    return;
  }
  await Promise.all([useCouncilStore.getState().load(db), security]);
  void runAuditCheck(db, { asked: false });
  void runWitnessCheck(db, witness);
}
