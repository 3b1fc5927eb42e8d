/**
 * The soak's backup step. STAND-IN, to be replaced: the app's backup (electron/services/backup/
 * and a renderer backup runner) is being rebuilt elsewhere and is not on main yet. Until it lands,
 * runBackupStep exports the whole database with dexie-export-import in the page
 * (page/soak-backup-page.ts), saves it as a file of the soak's temp folder and records its size
 * and times. It is NOT the app's backup: no encryption, no manifest, nothing in <sync>/backup/.
 * Once the app's backup is on main, this function must call it (through the page's API, as the
 * Settings screen would) and check what it wrote; the figures say "stand-in" until then.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunningApp } from '../e2e/app-harness';
import type { PageBackup } from './page/soak-backup-page';

/** Says, in the figures, what the backup step is. */
export const BACKUP_STAND_IN = 'stand-in: dexie-export-import of the whole database, not the app\'s backup (not on main yet)';

export interface BackupStep {
  file: string;
  bytes: number;
  /** From the call until the file is saved. */
  ms: number;
  /** exportDB alone, in the page. */
  exportMs: number;
  /** Rows per table as the page counted them. */
  tables: Record<string, number>;
}

/** The rows per table the export file says it holds (dexie-export-import's format). */
function rowsInFile(file: string): Record<string, number> {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { formatName?: string; data?: { tables?: { name: string; rowCount: number }[] } };
  if (json.formatName !== 'dexie' || !Array.isArray(json.data?.tables)) throw new Error(`${file}: not a dexie-export-import file`);
  return Object.fromEntries(json.data.tables.map((t) => [t.name, t.rowCount]));
}

/** Backup number `n` of the soak into `dir`: made, saved, and held to the database's own row counts. */
export async function runBackupStep(app: RunningApp, dir: string, n: number): Promise<BackupStep> {
  const name = `soak-backup-${n}.json`;
  const started = performance.now();
  const [download, made] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 600_000 }),
    app.page.evaluate(async (fileName) => (window as any).councilSoakBench.backup(fileName), name) as Promise<PageBackup>,
  ]);
  const file = path.join(dir, name);
  await download.saveAs(file);
  const ms = performance.now() - started;
  const bytes = statSync(file).size;
  if (bytes !== made.bytes) throw new Error(`backup ${n}: ${file} holds ${bytes} bytes, the page made ${made.bytes}`);
  const inFile = rowsInFile(file);
  const differs = Object.entries(made.tables).filter(([table, rows]) => inFile[table] !== rows);
  if (differs.length > 0) throw new Error(`backup ${n}: ${file} does not hold every row: ${differs.map(([t, r]) => `${t} ${inFile[t]} of ${r}`).join(', ')}`);
  return { file, bytes, ms, exportMs: made.exportMs, tables: made.tables };
}
