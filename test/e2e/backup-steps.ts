/**
 * What the backup end-to-end tests share: the profile as IndexedDB holds it (read with IndexedDB
 * itself, not the app's code), Settings → Backup and its steps through the page's own controls,
 * the backup folder's files, and a backup file opened and checked as main's restore opens it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { launchApp, type RunningApp } from './app-harness';
import type { BackupKind, BackupManifest } from '../../shared/api';
import type { BackupHeader } from '../../electron/services/backup/backup-format';
import { checkBackupZip } from '../../electron/services/backup/restore-check';
import { decryptBackup } from '../../electron/services/backup/restore-decrypt';
import { enBackup } from '../../renderer/settings/backup/strings-en';
import { koBackup } from '../../renderer/settings/backup/strings-ko';
import { enWelcome } from '../../renderer/welcome/strings-en';
import { koWelcome } from '../../renderer/welcome/strings-ko';

/**
 * The words the steps look for, as the page's strings give them: Settings → Backup and the
 * restore dialog (renderer/settings/backup/strings-*.ts), the Settings menu link.
 */
export const STEP_WORDS = {
  ko: { ...koBackup, ...koWelcome, settings: '설정', language: '한국어' },
  en: { ...enBackup, ...enWelcome, settings: 'Settings', language: 'English' },
} as const;
export type StepLanguage = keyof typeof STEP_WORDS;

/**
 * Apps of one test file on one home folder, so on one default sync folder and its backup folder:
 * each launched on it, all closed and the folder removed once the file's tests are done.
 */
export function oneHome(prefix: string): { home: string; backups: string; launch(): Promise<RunningApp> } {
  const home = mkdtempSync(path.join(tmpdir(), prefix));
  const apps: RunningApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    rmSync(home, { recursive: true, force: true });
  });
  const launch = async () => {
    const app = await launchApp({ home });
    apps.push(app);
    return app;
  };
  return { home, backups: path.join(home, 'Council Desk', 'sync', 'backup'), launch };
}

/** An i18next string with its {{values}} filled in. */
export const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));

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
export async function backupSection(page: Page, lang: StepLanguage = 'ko'): Promise<Locator> {
  await goTo(page, STEP_WORDS[lang].settings);
  const section = page.getByRole('region', { name: STEP_WORDS[lang].backup.title, exact: true });
  await section.getByTestId('backup-passphrase-state').waitFor();
  return section;
}

export async function setPassphrase(section: Locator, lang: StepLanguage = 'ko'): Promise<void> {
  const { backup } = STEP_WORDS[lang];
  await section.getByLabel(backup.passphrase, { exact: true }).fill(PASSPHRASE);
  await section.getByLabel(backup.passphraseConfirm, { exact: true }).fill(PASSPHRASE);
  await section.getByRole('button', { name: backup.setPassphrase }).click();
  await section.getByText(backup.passphraseSetThisRun).waitFor({ timeout: 30_000 });
}

/** "Back up now", waited for: the file's name as the panel says it. */
export async function backUpNow(section: Locator, lang: StepLanguage = 'ko'): Promise<string> {
  await section.getByRole('button', { name: STEP_WORDS[lang].backup.backUpNow }).click();
  return backupMade(section, 'manual', lang);
}

/** The backup of `kind` the panel says it made (a backup of another kind said before it is not it): the file's name. */
export async function backupMade(section: Locator, kind: BackupKind = 'manual', lang: StepLanguage = 'ko'): Promise<string> {
  const made = STEP_WORDS[lang].backup.written.split('{{name}}')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const outcome = section.getByTestId('backup-outcome').getByText(new RegExp(`^${made}council-desk-backup-\\d{8}-\\d{6}-${kind}\\.cdbackup `));
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
export async function openRestore(page: Page, lang: StepLanguage = 'ko'): Promise<Locator> {
  const section = await backupSection(page, lang);
  await section.getByRole('button', { name: STEP_WORDS[lang].backup.restore }).click();
  const dialog = page.getByRole('dialog', { name: STEP_WORDS[lang].restore.title });
  await dialog.waitFor();
  return dialog;
}

/** In the dialog of an empty profile: the passphrase, the file as main's (scripted) dialog chooses it, and the restore begun. */
export async function startRestore(app: RunningApp, dialog: Locator, file: string, passphrase = PASSPHRASE, lang: StepLanguage = 'ko'): Promise<void> {
  await dialog.getByText(STEP_WORDS[lang].restore.empty).waitFor();
  await chooseAndRestore(app, dialog, file, passphrase, lang);
}

/** In the dialog, the restore's form shown: the passphrase typed, the file as main's (scripted) dialog chooses it, and the restore begun. */
export async function chooseAndRestore(app: RunningApp, dialog: Locator, file: string, passphrase = PASSPHRASE, lang: StepLanguage = 'ko'): Promise<void> {
  await dialog.getByLabel(STEP_WORDS[lang].restore.passphrase).fill(passphrase);
  app.dialogs.files.push(file);
  await dialog.getByRole('button', { name: STEP_WORDS[lang].restore.choose }).click();
}

/** On the welcome of a new profile: the language chosen (when it is not the one shown), then "Restore from a backup…": the dialog, saying the profile is empty. */
export async function welcomeRestore(page: Page, lang: StepLanguage = 'ko'): Promise<Locator> {
  const words = STEP_WORDS[lang];
  await page.locator('[data-screen="welcome"]').waitFor();
  const language = page.getByRole('button', { name: words.language });
  if ((await language.getAttribute('aria-pressed')) !== 'true') await language.click();
  await page.getByRole('button', { name: words.welcome.restore }).click();
  const dialog = page.getByRole('dialog', { name: words.restore.title });
  await dialog.getByText(words.restore.empty).waitFor();
  return dialog;
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
