/**
 * What the backup end-to-end tests share: the profile as IndexedDB holds it (read with IndexedDB
 * itself, not the app's code), Settings → Backup and its steps through the page's own controls,
 * the backup folder's files, and a backup file opened and checked as main's restore opens it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from './app-harness';
import type { BackupKind, BackupManifest } from '../../shared/api';
import type { BackupHeader } from '../../electron/services/backup/backup-format';
import { checkBackupZip } from '../../electron/services/backup/restore-check';
import { decryptBackup } from '../../electron/services/backup/restore-decrypt';

export const PASSPHRASE = 'correct horse battery staple';

/** What a profile holds: rows per table, the decisions, the audit log's entries, each distinct evidence file's SHA-256 and size. */
export interface ProfileRead {
  counts: Record<string, number>;
  decisions: unknown[];
  audit: { sequence: number; hash: string; entity: string; action: string; prevHash: string | null }[];
  evidence: { sha256: string; size: number; bytesSha256: string | null }[];
  restoring: boolean;
  /** The schema version as Dexie numbers it (it opens version v as IndexedDB's v × 10). */
  dbVersion: number;
}

export function readProfile(page: Page): Promise<ProfileRead> {
  return page.evaluate(async () => {
    const open = indexedDB.open('council-desk');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readonly');
    const all = <T>(name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = tx.objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const counts: Record<string, number> = {};
    const tables: Record<string, unknown[]> = {};
    for (const name of names) {
      tables[name] = await all(name);
      counts[name] = tables[name]!.length;
    }
    const version = db.version;
    db.close();
    const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const seen = new Map<string, { sha256: string; size: number; bytesSha256: string | null }>();
    for (const doc of tables.documents as { sha256: string; blob: Blob | null }[]) {
      if (seen.has(doc.sha256)) continue;
      const bytesSha256 = doc.blob instanceof Blob ? hex(await crypto.subtle.digest('SHA-256', await doc.blob.arrayBuffer())) : null;
      seen.set(doc.sha256, { sha256: doc.sha256, size: doc.blob instanceof Blob ? doc.blob.size : -1, bytesSha256 });
    }
    const audit = (tables.audit as { sequence: number; hash: string; entity: string; action: string; prevHash: string | null }[])
      .map(({ sequence, hash, entity, action, prevHash }) => ({ sequence, hash, entity, action, prevHash }))
      .sort((x, y) => x.sequence - y.sequence);
    const restoring = (tables.settings as { key: string }[]).some((s) => s.key === 'restoring');
    const dbVersion = version / 10;
    return { counts, decisions: tables.decisions!, audit, evidence: [...seen.values()].sort((x, y) => x.sha256.localeCompare(y.sha256)), restoring, dbVersion };
  });
}

export async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Settings → Backup, once it has read main's status. */
export async function backupSection(page: Page): Promise<Locator> {
  await goTo(page, '설정');
  const section = page.getByRole('region', { name: '백업', exact: true });
  await section.getByTestId('backup-passphrase-state').waitFor();
  return section;
}

export async function setPassphrase(section: Locator): Promise<void> {
  await section.getByLabel('백업 암호문', { exact: true }).fill(PASSPHRASE);
  await section.getByLabel('백업 암호문 확인', { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: '암호문 정하기' }).click();
  await section.getByText('백업 암호문이 정해져 있습니다 (앱을 끝낼 때까지).').waitFor({ timeout: 30_000 });
}

/** "Back up now", waited for: the file's name as the panel says it. */
export async function backUpNow(section: Locator): Promise<string> {
  await section.getByRole('button', { name: '지금 백업' }).click();
  return backupMade(section);
}

/**
 * The backup of `kind` the panel says it made (a backup of another kind said before it is not it),
 * in Korean or in the `made` words ("Backup made"): the file's name.
 */
export async function backupMade(section: Locator, kind: BackupKind = 'manual', made = '백업을 만들었습니다'): Promise<string> {
  const outcome = section.getByTestId('backup-outcome').getByText(new RegExp(`^${made}: council-desk-backup-\\d{8}-\\d{6}-${kind}\\.cdbackup `));
  await outcome.waitFor({ timeout: 60_000 });
  return /: (\S+\.cdbackup) /.exec((await outcome.textContent())!)![1]!;
}

/** The backup files in a folder (finished ones; partial ones apart). */
export function backupFiles(folder: string): { finished: string[]; partial: string[] } {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // no folder yet: no backup
  }
  return { finished: names.filter((n) => /^council-desk-backup-.+\.cdbackup$/.test(n)).sort(), partial: names.filter((n) => n.endsWith('.partial')).sort() };
}

/** Settings → Backup → "Restore from a backup…": the dialog. */
export async function openRestore(page: Page): Promise<Locator> {
  const section = await backupSection(page);
  await section.getByRole('button', { name: '백업에서 복원…' }).click();
  const dialog = page.getByRole('dialog', { name: '백업에서 복원' });
  await dialog.waitFor();
  return dialog;
}

/** In the dialog of an empty profile: the passphrase, the file as main's (scripted) dialog chooses it, and the restore begun. */
export async function startRestore(app: RunningApp, dialog: Locator, file: string, passphrase = PASSPHRASE): Promise<void> {
  await dialog.getByText('이 프로필은 비어 있습니다. 복원할 수 있습니다.').waitFor();
  await dialog.getByLabel('복원할 백업의 암호문').fill(passphrase);
  app.dialogs.files.push(file);
  await dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }).click();
}

/** A fresh profile's way into the app: "start empty" on the welcome. */
export async function startEmpty(page: Page): Promise<void> {
  await page.getByRole('button', { name: '빈 상태로 시작' }).click();
  await page.locator('[data-screen="bundles"]').waitFor();
}

/** A backup file as main's restore opens it: decrypted with the passphrase, then checked whole. */
export interface OpenedBackup {
  header: BackupHeader;
  manifest: BackupManifest;
  /** The ZIP's entries. */
  entries: string[];
}

/**
 * Opens a backup file as main's restore does (restore-decrypt.ts, restore-check.ts: every
 * segment's tag, every hash, the counts and the audit chain), in a folder of its own removed after;
 * throws main's error when it does not open or check.
 */
export async function openWithMain(file: string, dbVersion: number, passphrase = PASSPHRASE): Promise<OpenedBackup> {
  const dir = mkdtempSync(path.join(tmpdir(), 'council-desk-backup-open-'));
  try {
    const header = await decryptBackup(file, passphrase, path.join(dir, 'backup.zip'));
    const checked = await checkBackupZip(path.join(dir, 'backup.zip'), { rows: path.join(dir, 'rows.json'), chain: path.join(dir, 'chain') }, path.basename(file), dbVersion);
    const entries = [...checked.zip.entries.keys()].sort();
    checked.zip.close();
    return { header, manifest: checked.manifest, entries };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const inFolder = (folder: string, name: string) => path.join(folder, name);
