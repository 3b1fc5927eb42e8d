/**
 * Backup and restore, the page's side (main's: electron/services/backup/): Settings → Backup, the
 * backups made after a meeting closes and after each decision export, the restore (from Settings and
 * from the welcome), and at start-up the settling of a restore left unfinished.
 */
export { BackupSection } from './BackupSection';
export { AutomaticBackupLine } from './AutomaticBackupLine';
export { RestoreInterruptedNotice } from './RestoreInterruptedNotice';
export { backUpAutomatically, resetBackupJobs } from './backup-jobs';
export { resetBackupStore, useBackupStore } from './backup-store';
export { settleInterruptedRestore } from './restore-complete';
export { whenRestored } from './restore-jobs';
export { RestoreDialog } from './RestoreDialog';
export { koBackup } from './strings-ko';
export { enBackup } from './strings-en';
