/**
 * The soak's backups and its restore, Node's half (the page's: page/soak-backup-page.ts), through
 * the app's own backup: the passphrase set with setBackupPassphrase, each backup made by the
 * page's backup runner and written by main as the encrypted file of <sync>/backup/; here each file
 * is held to what main answered (there, its size, its SHA-256, its kind in its name, listed by
 * getBackupStatus, nothing removed). At the end the last backup is restored by the app's restore
 * runner into a fresh database of the same browser and compared with the live one
 * (soak-restore-check.ts): any difference is a mismatch, and fails the soak.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseBackupFileName } from '../../electron/services/backup/backup-files';
import type { BackupKind } from '../../shared/contract/backup';
import type { RunningApp } from '../e2e/app-harness';
import type { PageBackup, PageRestore } from './page/soak-backup-page';
import type { SoakProfile } from './page/soak-profile-page';
import { checkRestored } from './soak-restore-check';

export const SOAK_PASSPHRASE = 'soak: correct horse battery staple';

/** The kind the soak's backups are made as: each follows a decision export, as the app's automatic one does. */
export const SOAK_BACKUP_KIND: BackupKind = 'decision-export';

export interface BackupStep extends PageBackup {
  n: number;
  /** Its file in <sync>/backup/. */
  file: string;
  /** From the call until the page had it recorded and listed. */
  wallMs: number;
}

export async function setSoakPassphrase(app: RunningApp, sync: string): Promise<{ ms: number }> {
  const set = (await app.page.evaluate(async (p) => (window as any).councilSoakBench.setBackupPassphrase(p), SOAK_PASSPHRASE)) as { ms: number; folder: string };
  const folder = path.join(sync, 'backup');
  if (path.resolve(set.folder) !== path.resolve(folder)) throw new Error(`main's backup folder is ${set.folder}, not the soak's ${folder}`);
  return { ms: set.ms };
}

/** Backup number `n` of the soak: made by the app, and its file in <sync>/backup/ held to main's answer. */
export async function runBackupStep(app: RunningApp, sync: string, n: number): Promise<BackupStep> {
  const started = performance.now();
  const made = (await app.page.evaluate(async (kind) => (window as any).councilSoakBench.backup(kind), SOAK_BACKUP_KIND)) as PageBackup;
  const wallMs = performance.now() - started;
  const { result } = made;
  const file = path.join(sync, 'backup', result.name);
  const fail = (what: string) => new Error(`backup ${n} (${result.name}): ${what}`);
  if (path.resolve(result.paths[0] ?? '') !== path.resolve(file)) throw fail(`written to ${result.paths.join(', ')}, not ${file}`);
  if (!existsSync(file)) throw fail(`${file} is not there`);
  const bytes = statSync(file).size;
  if (bytes !== result.bytes) throw fail(`${file} holds ${bytes} bytes; main wrote ${result.bytes}`);
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (sha !== result.sha256) throw fail(`${file} hashes to ${sha}; main wrote ${result.sha256}`);
  const named = parseBackupFileName(result.name);
  if (named?.kind !== SOAK_BACKUP_KIND) throw fail(`the name gives the kind ${named?.kind ?? 'none'}, not ${SOAK_BACKUP_KIND}`);
  if (made.listed?.kind !== SOAK_BACKUP_KIND || made.listed.bytes !== bytes) throw fail(`getBackupStatus lists it as ${JSON.stringify(made.listed)}`);
  if (result.removed.length > 0) throw fail(`the keeping rule removed ${result.removed.join(', ')}`);
  return { ...made, n, file, wallMs };
}

export interface RestoreStep {
  ok: boolean;
  backup: BackupStep;
  restore: PageRestore;
  live: SoakProfile | null;
  restored: SoakProfile | null;
  mismatches: string[];
}

/** The backup restored into the page's second database, and that database compared with the live one. */
export async function restoreAndCompare(app: RunningApp, backup: BackupStep): Promise<RestoreStep> {
  const restore = (await app.page.evaluate(async ([file, p]) => (window as any).councilSoakBench.restore(file, p), [backup.file, SOAK_PASSPHRASE] as const)) as PageRestore;
  if (restore.outcome.kind !== 'restored') {
    const why = restore.outcome.kind === 'failed' ? `${restore.outcome.code}: ${restore.outcome.message} (cleared again: ${restore.outcome.cleared})` : 'cancelled';
    return { ok: false, backup, restore, live: null, restored: null, mismatches: [`the restore of ${backup.result.name} failed: ${why}`] };
  }
  const upTo = backup.auditHead?.sequence ?? 0;
  const profile = (which: 'live' | 'restored') => app.page.evaluate(async ([w, u]) => (window as any).councilSoakBench.profile(w, u), [which, upTo] as const) as Promise<SoakProfile>;
  const live = await profile('live');
  const restored = await profile('restored');
  const mismatches = checkRestored({ name: backup.result.name, tables: backup.tables, auditHead: backup.auditHead }, live, restored);
  if (restore.outcome.name !== backup.result.name) mismatches.unshift(`restoreOpen named the backup ${restore.outcome.name}, not ${backup.result.name}`);
  return { ok: mismatches.length === 0, backup, restore, live, restored, mismatches };
}
