/**
 * The end-to-end meeting's backups (meeting.e2e.ts), from the keyboard alone: the backup
 * passphrase set in Settings → Backup as the sync folder is, the automatic backups the meeting's
 * close and its decision export make, and "Back up now" once the meeting is decided. What an
 * outside system relies on is checked against the files it leaves in <sync>/backup/: each named
 * `council-desk-backup-<yyyymmdd-hhmmss>-<kind>.cdbackup` (UTC), of the shape backup-format.ts
 * gives, opening with the passphrase as main's restore opens it and holding this profile (its
 * counts, its audit head, its evidence); and the audit export names each by its SHA-256.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { BackupKind } from '../../shared/api';
import type { ExportedEntry } from './audit-file';
import { backupFiles, backupMade, openWithMain, PASSPHRASE, readProfile, type OpenedBackup, type ProfileRead } from './backup-steps';
import { tabTo } from './keyboard-focus';

const backupFolder = (sync: string) => path.join(sync, 'backup');
const NAME = /^council-desk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(manual|meeting-closed|decision-export)\.cdbackup$/;

/** On Settings, focus above the backup section: the passphrase typed twice, Enter; held for this run. */
export async function setBackupPassphrase(page: Page): Promise<void> {
  await tabTo(page, { role: 'textbox', name: '백업 암호문' }, { max: 80 });
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, { role: 'textbox', name: '백업 암호문 확인' });
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('backup-passphrase-state').textContent(), { timeout: 30_000 }).toBe('백업 암호문이 정해져 있습니다 (앱을 끝낼 때까지).');
}

/** The quiet line beside what started it says the automatic backup was made, and the file is there: its name. */
export async function expectAutomaticBackup(page: Page, sync: string, kind: Exclude<BackupKind, 'manual'>): Promise<string> {
  const line = page.getByTestId('automatic-backup');
  await expect.poll(() => line.textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^자동 백업을 만들었습니다: council-desk-backup-\\d{8}-\\d{6}-${kind}\\.cdbackup$`));
  const name = (await line.textContent())!.split(': ')[1]!;
  expect(existsSync(path.join(backupFolder(sync), name))).toBe(true);
  return name;
}

/** The file's name and its first bytes are as backup-format.ts gives them, and what it holds checks with main. */
async function expectBackupFile(file: string, profile: ProfileRead): Promise<OpenedBackup> {
  const m = NAME.exec(path.basename(file));
  expect(m, path.basename(file)).not.toBeNull();
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 10).toString('latin1')).toBe('CDBACKUP1\n');
  const opened = await openWithMain(file, profile.dbVersion);
  const { header, manifest } = opened;
  expect(header).toMatchObject({ format: 1, kdf: { name: 'scrypt', N: 2 ** 16, r: 8, p: 1 }, cipher: 'aes-256-gcm-segments', segmentBytes: 1024 * 1024, kind: m![7] });
  expect(header.createdAt.slice(0, 19)).toBe(`${m![1]}-${m![2]}-${m![3]}T${m![4]}:${m![5]}:${m![6]}`);
  // the ZIP inside: the manifest, the rows and each evidence file once, nothing else
  expect(opened.entries).toEqual([...manifest.evidence.map((e) => `evidence/${e.sha256}`).sort(), 'manifest.json', 'rows.json']);
  // its audit head is an entry of this profile's log
  const head = profile.audit.find((e) => e.sequence === manifest.auditHead?.sequence);
  expect(head?.hash).toBe(manifest.auditHead?.hash);
  return opened;
}

/**
 * On Settings, focus at its title: Tab to "Back up now", Enter, and the file it made is this
 * profile as it was (every table's rows, the audit head, each evidence file), beside the two
 * automatic ones, which hold the meeting's `decisions` too; the log then records the backup.
 */
export async function backUpTheMeeting(page: Page, sync: string, { decisions }: { decisions: number }): Promise<void> {
  const section = page.getByRole('region', { name: '백업', exact: true });
  await expect.poll(() => section.getByTestId('backup-passphrase-state').textContent()).toBe('백업 암호문이 정해져 있습니다 (앱을 끝낼 때까지).');
  const before = await readProfile(page);
  await tabTo(page, { role: 'button', name: '지금 백업' }, { max: 200 });
  await page.keyboard.press('Enter');
  const name = await backupMade(section);
  expect(name).toMatch(/-manual\.cdbackup$/);

  const files = backupFiles(backupFolder(sync));
  expect(files.partial).toEqual([]);
  expect(files.finished.map((f) => NAME.exec(f)?.[7]).sort()).toEqual(['decision-export', 'manual', 'meeting-closed']);
  const { manifest } = await expectBackupFile(path.join(backupFolder(sync), name), before);
  expect(manifest.tables).toEqual(before.counts);
  expect(manifest.auditHead).toEqual({ sequence: before.audit.at(-1)!.sequence, hash: before.audit.at(-1)!.hash });
  expect(manifest.evidence.map((e) => ({ sha256: e.sha256, size: e.bytes })).sort((x, y) => x.sha256.localeCompare(y.sha256))).toEqual(before.evidence.map(({ sha256, size }) => ({ sha256, size })));
  expect(manifest.tables.decisions).toBe(decisions);
  for (const automatic of files.finished.filter((f) => f !== name)) {
    expect((await expectBackupFile(path.join(backupFolder(sync), automatic), before)).manifest.tables.decisions, automatic).toBe(decisions);
  }

  // the list shows the three, newest first; the backup made is in the log, after what it holds
  await expect.poll(() => section.getByTestId('backup-list').locator('tbody th').allTextContents()).toEqual([...files.finished].sort().reverse());
  expect((await readProfile(page)).audit.at(-1)).toMatchObject({ entity: 'backup', action: 'export', prevHash: before.audit.at(-1)!.hash });
}

/** The audit export names every backup in <sync>/backup/ by its SHA-256, each after the head it holds. */
export function expectBackupsInAudit(entries: readonly ExportedEntry[], sync: string): void {
  const made = entries.filter((e) => e.entity === 'backup' && e.action === 'export');
  expect(made.map((e) => e.entityId).sort()).toEqual(backupFiles(backupFolder(sync)).finished);
  for (const entry of made) {
    const file = path.join(backupFolder(sync), entry.entityId);
    expect(entry.detail.sha256, entry.entityId).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    expect(entry.detail.kind).toBe(NAME.exec(entry.entityId)![7]);
    expect(entry.detail.paths).toEqual([file]);
    const head = entry.detail.auditHead as { sequence: number; hash: string };
    expect(head.sequence).toBeLessThan(entry.sequence);
    expect(entries[head.sequence - 1]!.hash).toBe(head.hash);
  }
}
