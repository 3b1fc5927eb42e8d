/**
 * STAND-IN, to be replaced: the page half of the soak's backup step (test/bench/soak-backup.ts,
 * runBackupStep). The app's own backup (electron/services/backup/ and a renderer backup runner) is
 * being built elsewhere and is not on main yet; until it lands, the soak exports the whole database
 * with dexie-export-import and hands the file to Node as a download. Once the app's backup is
 * there, runBackupStep must call it instead, and this file goes.
 */
import { exportDB } from 'dexie-export-import';
import type { CouncilDb } from '../../../renderer/db/schema';

export interface PageBackup {
  /** exportDB alone: reading every table into one JSON Blob. */
  exportMs: number;
  bytes: number;
  /** Rows per table of the database, counted once the export is made. */
  tables: Record<string, number>;
}

/** Every table of the database into one Blob, offered as a download named `fileName`. */
export async function backupDownload(db: CouncilDb, fileName: string): Promise<PageBackup> {
  const started = performance.now();
  const blob = await exportDB(db);
  const exportMs = performance.now() - started;
  const tables: Record<string, number> = {};
  for (const table of db.tables) tables[table.name] = await table.count();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has the Blob once it has started; let it go a while after
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { exportMs, bytes: blob.size, tables };
}
