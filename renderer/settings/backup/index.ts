/**
 * Backup and restore, the page's side (main's: electron/services/backup/): Settings → Backup, the
 * backups made after a meeting closes and after each decision export, and at start-up the undoing
 * of a restore left unfinished.
 */
export { BackupSection } from './BackupSection';
export { AutomaticBackupLine } from './AutomaticBackupLine';
export { RestoreInterruptedNotice } from './RestoreInterruptedNotice';
export { backUpAutomatically, resetBackupJobs } from './backup-jobs';
export { resetBackupStore, useBackupStore } from './backup-store';
export { undoInterruptedRestore } from './restore-marker';
export { whenRestored } from './restore-jobs';
export { koBackup } from './strings-ko';
export { enBackup } from './strings-en';
