/**
 * Writing a backup (issue 14, part 2): under the passphrase's key only, one at a time, into
 * <sync>/backup/ and the folder chosen, fsynced and named only when every entry of the manifest
 * came with its hash and size; nothing left of a backup cancelled, refused or cut by a crash; the
 * automatic ones kept by the rule (the newest 10 and the newest of each month).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { synced } from '../support/fsync-spy';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { BACKUP_KEY_FILE } from '../../electron/services/backup/backup-passphrase';
import { backupsToRemove } from '../../electron/services/backup/backup-files';
import type { ApiHandlers, BackupManifest } from '../../shared/api';
import { memorySecretPort } from '../support/memory-secret-port';
import { backupInput, backupKit, councilDb, DB_VERSION, PASSPHRASE, sendEntries, sha256, writeBackup, type BackupKit, type BackupKitOptions } from '../support/backup-kit';

// Every fsync the code asks for, by the path of the file or folder it opened.
vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsync-spy')).spyOnFsyncs(importOriginal));

const kits: BackupKit[] = [];
function kit(opts: BackupKitOptions = {}) {
  const k = backupKit(opts);
  kits.push(k);
  return k;
}
beforeEach(() => {
  synced.length = 0;
});
afterEach(() => {
  for (const k of kits.splice(0)) rmSync(k.root, { recursive: true, force: true });
});

const call = (k: BackupKit, method: keyof ApiHandlers, arg?: unknown) => dispatchApiCall(k.handlers as ApiHandlers, method, arg);
const listed = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

async function ready(opts: BackupKitOptions = {}) {
  const k = kit(opts);
  await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
  return { k, input: await backupInput(await councilDb()) };
}

describe('a backup written', () => {
  it('goes into <sync>/backup/ under its name, fsynced before it is named, with the file\'s SHA-256 and size', async () => {
    const at = new Date('2025-03-04T05:06:07.890Z');
    const { k, input } = await ready({ now: () => at });
    const result = await writeBackup(k.handlers, input);
    const name = 'council-desk-backup-20250304-050607-manual.cdbackup';
    const file = join(k.backupFolder, name);
    const bytes = readFileSync(file);
    expect(result).toEqual({ name, paths: [file], bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), removed: [] });
    expect(listed(k.backupFolder)).toEqual([name]);
    expect(synced).toContain(join(k.backupFolder, `.${name}.partial`));
    expect(synced).toContain(k.backupFolder);
    expect(bytes.subarray(0, 10).toString()).toBe('CDBACKUP1\n');
    const header = JSON.parse(bytes.subarray(10, bytes.indexOf(0x0a, 10)).toString());
    expect(header).toMatchObject({ format: 1, cipher: 'aes-256-gcm-segments', segmentBytes: 1024 * 1024, kind: 'manual', createdAt: '2025-03-04T05:06:07.000Z', kdf: { name: 'scrypt' } });
    // Neither the rows nor the evidence can be read in it.
    expect(bytes.includes(Buffer.from('formatName'))).toBe(false);
    expect(bytes.includes(Buffer.from(input.evidence[1]!))).toBe(false);
    expect(existsSync(join(k.userData, 'backup-pending.json'))).toBe(false);
  });

  it('also goes into the folder main\'s dialog chose, the same bytes in both; a cancelled dialog begins nothing', async () => {
    let answer: string | null = null;
    const { k, input } = await ready({ dialogs: { openFolder: async () => answer } });
    expect(await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest, chooseFolder: true })).toBeNull();
    answer = join(k.root, 'usb stick');
    mkdirSync(answer);
    const result = await writeBackup(k.handlers, input, { chooseFolder: true });
    expect(result.paths).toEqual([join(k.backupFolder, result.name), join(answer, result.name)]);
    expect(readFileSync(result.paths[0]!).equals(readFileSync(result.paths[1]!))).toBe(true);
    expect(listed(answer)).toEqual([result.name]);
    expect(synced).toContain(join(answer, `.${result.name}.partial`));
  });

  it('goes into the folder the in-app picker chose (browser mode), and refuses one that is not there', async () => {
    const { k, input } = await ready();
    const chosen = join(k.root, 'chosen');
    mkdirSync(chosen);
    const result = await writeBackup(k.handlers, input, { folder: chosen });
    expect(result.paths).toEqual([join(k.backupFolder, result.name), join(chosen, result.name)]);
    expect(await call(k, 'backupBegin', { kind: 'manual', manifest: input.manifest, folder: join(k.root, 'gone') })).toMatchObject({ ok: false, error: { code: 'FOLDER_NOT_FOUND' } });
    // A chosen folder that is the backup folder itself gets the file once.
    expect((await writeBackup(k.handlers, input, { folder: k.backupFolder })).paths).toHaveLength(1);
  });

  it('needs the passphrase set: BACKUP_PASSPHRASE_NOT_SET, and nothing written', async () => {
    const k = kit();
    const input = await backupInput(await councilDb({ evidence: [] }));
    expect(await call(k, 'backupBegin', { kind: 'meeting-closed', manifest: input.manifest })).toMatchObject({ ok: false, error: { code: 'BACKUP_PASSPHRASE_NOT_SET' } });
    expect(listed(k.backupFolder)).toEqual([]);
  });

  it('needs the sync folder chosen to be there (SYNC_FOLDER_MISSING); the default one is made', async () => {
    const { k, input } = await ready();
    rmSync(k.sync, { recursive: true });
    expect(await call(k, 'backupBegin', { kind: 'manual', manifest: input.manifest })).toMatchObject({ ok: false, error: { code: 'SYNC_FOLDER_MISSING' } });
    const d = kit({ defaultSync: true });
    await d.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const result = await writeBackup(d.handlers, input);
    expect(result.paths).toEqual([join(d.home, 'Council Desk', 'sync', 'backup', result.name)]);
  });

  it('is one at a time (BACKUP_RUNNING) until it ends; one left without a call for 10 minutes is dropped by the next', async () => {
    let now = new Date('2025-03-04T05:00:00Z');
    const { k, input } = await ready({ now: () => now });
    const first = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest }))!;
    await k.handlers.backupAppend({ backupId: first.backupId, entry: 'rows.json', bytes: input.rows.subarray(0, 100), last: false });
    expect(await call(k, 'backupBegin', { kind: 'decision-export', manifest: input.manifest })).toMatchObject({ ok: false, error: { code: 'BACKUP_RUNNING' } });
    now = new Date(now.getTime() + 10 * 60 * 1000 + 1);
    const second = (await k.handlers.backupBegin({ kind: 'decision-export', manifest: input.manifest }))!;
    expect(await call(k, 'backupAppend', { backupId: first.backupId, entry: 'rows.json', bytes: new Uint8Array(1), last: false })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });
    expect(listed(k.backupFolder)).toEqual(['.council-desk-backup-20250304-051000-decision-export.cdbackup.partial']);
    await sendEntries(k.handlers, second.backupId, input);
    expect((await k.handlers.backupFinish({ backupId: second.backupId })).name).toBe('council-desk-backup-20250304-051000-decision-export.cdbackup');
  });

  it('gets the next free second when its name is taken', async () => {
    const at = new Date('2025-03-04T05:06:07Z');
    const { k, input } = await ready({ now: () => at });
    const names = [(await writeBackup(k.handlers, input)).name, (await writeBackup(k.handlers, input)).name];
    expect(names).toEqual(['council-desk-backup-20250304-050607-manual.cdbackup', 'council-desk-backup-20250304-050608-manual.cdbackup']);
  });

  it('counts the entries\' bytes received, for the page\'s progress; a piece is a Uint8Array (a Buffer too) of at most 64 MiB', async () => {
    const { k, input } = await ready();
    const { backupId } = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest }))!;
    expect(await call(k, 'backupAppend', { backupId, entry: 'rows.json', bytes: new Uint8Array(input.rows), last: true })).toEqual({ ok: true, value: { bytesWritten: input.rows.length } });
    const e = input.evidence[1]!;
    expect(await call(k, 'backupAppend', { backupId, entry: `evidence/${sha256(e)}`, bytes: Buffer.from(e), last: true })).toEqual({ ok: true, value: { bytesWritten: input.rows.length + e.length } });
    for (const bytes of [[1, 2, 3], new Uint8Array(64 * 1024 * 1024 + 1)]) {
      expect(await call(k, 'backupAppend', { backupId, entry: `evidence/${sha256(input.evidence[2]!)}`, bytes, last: true })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    }
    await k.handlers.backupCancel({ backupId });
  });

  it('is refused beyond what its ZIP can hold (no ZIP64): BACKUP_TOO_LARGE, saying the limit', async () => {
    const { k, input } = await ready();
    const many: BackupManifest = { ...input.manifest, evidence: Array.from({ length: 65_534 }, (_, i) => ({ sha256: sha256(new TextEncoder().encode(String(i))), bytes: 1 })) };
    expect(await call(k, 'backupBegin', { kind: 'manual', manifest: many })).toMatchObject({ ok: false, error: { code: 'BACKUP_TOO_LARGE', message: expect.stringContaining('at most 65533') } });
    const huge: BackupManifest = { ...input.manifest, evidence: [{ sha256: 'a'.repeat(64), bytes: 3 * 1024 ** 3 }, { sha256: 'b'.repeat(64), bytes: 1024 ** 3 }] };
    expect(await call(k, 'backupBegin', { kind: 'manual', manifest: huge })).toMatchObject({ ok: false, error: { code: 'BACKUP_TOO_LARGE', message: expect.stringContaining('at most 4 GiB') } });
    expect(listed(k.backupFolder)).toEqual([]);
  });
});

describe('a backup not finished leaves nothing', () => {
  it('when an entry of the manifest did not come: BACKUP_INCOMPLETE naming it', async () => {
    const { k, input } = await ready();
    const { backupId } = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest }))!;
    await k.handlers.backupAppend({ backupId, entry: 'rows.json', bytes: input.rows, last: true });
    const missing = input.manifest.evidence[0]!.sha256;
    const reply = await call(k, 'backupFinish', { backupId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_INCOMPLETE', message: expect.stringContaining(`evidence/${missing} did not come`) } });
    expect(listed(k.backupFolder)).toEqual([]);
    expect(existsSync(join(k.userData, 'backup-pending.json'))).toBe(false);
    expect(await call(k, 'backupFinish', { backupId })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });
  });

  it('when an entry comes with other bytes than the manifest says, more bytes, or is not in it: BACKUP_INCOMPLETE naming it', async () => {
    const { k, input } = await ready();
    const e = input.manifest.evidence[1]!;
    const tries: [string, Uint8Array, string][] = [
      [`evidence/${e.sha256}`, new Uint8Array(e.bytes), `evidence/${e.sha256} came as ${e.bytes} bytes with SHA-256 ${sha256(new Uint8Array(e.bytes))}`],
      [`evidence/${e.sha256}`, new Uint8Array(e.bytes + 1), `evidence/${e.sha256} came with more than the ${e.bytes} bytes`],
      [`evidence/${'c'.repeat(64)}`, new Uint8Array(1), `evidence/${'c'.repeat(64)} is not in the backup's manifest`],
    ];
    for (const [entry, bytes, words] of tries) {
      const { backupId } = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest }))!;
      expect(await call(k, 'backupAppend', { backupId, entry, bytes, last: true })).toMatchObject({ ok: false, error: { code: 'BACKUP_INCOMPLETE', message: expect.stringContaining(words) } });
      expect(listed(k.backupFolder)).toEqual([]);
    }
  });

  it('when one entry begins before the one before it ended: BACKUP_INCOMPLETE', async () => {
    const { k, input } = await ready();
    const { backupId } = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest }))!;
    await k.handlers.backupAppend({ backupId, entry: 'rows.json', bytes: input.rows.subarray(0, 10), last: false });
    const entry = `evidence/${input.manifest.evidence[0]!.sha256}`;
    expect(await call(k, 'backupAppend', { backupId, entry, bytes: new Uint8Array(1), last: false })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INCOMPLETE', message: expect.stringContaining(`rows.json did not end before ${entry} began`) },
    });
  });

  it('when it is cancelled: no file in either folder, and its calls are over', async () => {
    const chosen = () => join(kits[0]!.root, 'chosen');
    const { k, input } = await ready({ dialogs: { openFolder: async () => chosen() } });
    mkdirSync(chosen());
    const { backupId } = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest, chooseFolder: true }))!;
    await sendEntries(k.handlers, backupId, { ...input, evidence: input.evidence.slice(0, 1) });
    expect(listed(k.backupFolder)).toHaveLength(1);
    expect(listed(chosen())).toHaveLength(1);
    await k.handlers.backupCancel({ backupId });
    expect(listed(k.backupFolder)).toEqual([]);
    expect(listed(chosen())).toEqual([]);
    expect(existsSync(join(k.userData, 'backup-pending.json'))).toBe(false);
    expect(await call(k, 'backupAppend', { backupId, entry: 'rows.json', bytes: new Uint8Array(1), last: true })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });
    // Cancelling again, or one that is over, is nothing.
    expect(await call(k, 'backupCancel', { backupId })).toEqual({ ok: true, value: undefined });
  });

  it('when the app stopped in the middle: the next start removes its partial files in both folders, and a restore\'s decrypted files', async () => {
    const chosen = () => join(kits[0]!.root, 'chosen');
    const { k, input } = await ready({ dialogs: { openFolder: async () => chosen() } });
    mkdirSync(chosen());
    const { paths } = await writeBackup(k.handlers, input);
    const { backupId } = (await k.handlers.backupBegin({ kind: 'manual', manifest: input.manifest, chooseFolder: true }))!;
    await k.handlers.backupAppend({ backupId, entry: 'rows.json', bytes: input.rows, last: true });
    await k.handlers.restoreOpen({ passphrase: PASSPHRASE, path: paths[0]!, dbVersion: DB_VERSION });
    // the decrypted ZIP, rows.json inflated beside it, and the audit chain's hashes checked in it
    expect(listed(join(k.userData, 'backup-restore')).map((n) => n.replace(/^[0-9a-f-]{36}/, '<id>')).sort()).toEqual(['<id>.chain', '<id>.rows.json', '<id>.zip']);
    writeFileSync(join(k.backupFolder, '.council-desk-backup-20240101-000000-manual.cdbackup.partial'), 'older crash');
    // The app stops here; the next run on the same folders:
    const again = kit({ root: k.root });
    kits.pop();
    const status = await again.handlers.getBackupStatus(undefined);
    expect(status.backups.map((b) => b.path)).toEqual(paths);
    expect(listed(k.backupFolder)).toEqual([paths[0]!.split('/').at(-1)]);
    expect(listed(chosen())).toEqual([]);
    expect(listed(join(k.userData, 'backup-restore'))).toEqual([]);
    expect(existsSync(join(k.userData, 'backup-pending.json'))).toBe(false);
  });
});

describe('the keeping rule', () => {
  it('removes, of 13 automatic backups in one month, the 3 oldest, and never a manual one however old', () => {
    const automatic = Array.from({ length: 13 }, (_, i) => {
      const day = String(i + 1).padStart(2, '0');
      return { name: `auto-${day}`, kind: i % 2 === 0 ? ('meeting-closed' as const) : ('decision-export' as const), createdAt: `2025-02-${day}T09:00:00.000Z` };
    });
    const manual = { name: 'manual-old', kind: 'manual' as const, createdAt: '2020-01-01T09:00:00.000Z' };
    expect(backupsToRemove([manual, ...automatic].reverse())).toEqual(['auto-03', 'auto-02', 'auto-01']);
  });

  it('after each backup: of 15 automatic backups over four months and two manual ones, the newest 10, the newest of each earlier month and the manual ones stay', async () => {
    let now = new Date('2024-01-01T00:00:00Z');
    const { k, input } = await ready({ now: () => now });
    const days = [
      '2024-09-05', '2024-09-20', '2024-10-02', '2024-10-15', '2024-10-30', '2024-11-01', '2024-11-08', '2024-11-15',
      '2024-11-22', '2024-11-29', '2024-12-02', '2024-12-09', '2024-12-16', '2024-12-23', '2024-12-30',
    ];
    const removed: string[] = [];
    const small = { ...input, evidence: [], manifest: { ...input.manifest, evidence: [] } };
    const manual = ['2024-09-01', '2024-10-01'];
    for (const day of manual) {
      now = new Date(`${day}T08:00:00Z`);
      await writeBackup(k.handlers, small, { kind: 'manual' });
    }
    for (const [i, day] of days.entries()) {
      now = new Date(`${day}T18:30:00Z`);
      const result = await writeBackup(k.handlers, small, { kind: i % 2 === 0 ? 'meeting-closed' : 'decision-export' });
      removed.push(...result.removed);
    }
    const day = (name: string) => /(\d{4})(\d{2})(\d{2})-/.exec(name)!.slice(1, 4).join('-');
    const status = await k.handlers.getBackupStatus(undefined);
    // The newest 10 (2024-11-08 on), the newest of October (10-30) and of September (09-20), the two manual ones.
    expect(status.backups.map((b) => `${day(b.name)} ${b.kind}`)).toEqual([
      '2024-12-30 meeting-closed',
      '2024-12-23 decision-export',
      '2024-12-16 meeting-closed',
      '2024-12-09 decision-export',
      '2024-12-02 meeting-closed',
      '2024-11-29 decision-export',
      '2024-11-22 meeting-closed',
      '2024-11-15 decision-export',
      '2024-11-08 meeting-closed',
      '2024-11-01 decision-export',
      '2024-10-30 meeting-closed',
      '2024-10-01 manual',
      '2024-09-20 decision-export',
      '2024-09-01 manual',
    ]);
    expect(removed.map(day).sort()).toEqual(['2024-09-05', '2024-10-02', '2024-10-15']);
    expect(status.backups[0]).toMatchObject({ kind: 'meeting-closed', createdAt: '2024-12-30T18:30:00.000Z', path: join(k.backupFolder, status.backups[0]!.name) });
    expect(status.backups.every((b) => b.bytes > 0)).toBe(true);
  });
});

describe('the backup passphrase', () => {
  it('is kept for this run only, as its scrypt key, when the system has no secret store', async () => {
    const k = kit();
    expect(await k.handlers.getBackupStatus(undefined)).toMatchObject({ passphraseSet: false, passphraseRemembered: false, folder: k.backupFolder, backups: [] });
    expect(await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE, remember: true })).toMatchObject({ passphraseSet: true, passphraseRemembered: false });
    expect(existsSync(join(k.userData, BACKUP_KEY_FILE))).toBe(false);
    const again = kit({ root: k.root });
    expect(await again.handlers.getBackupStatus(undefined)).toMatchObject({ passphraseSet: false });
    kits.pop();
  });

  it('is remembered across restarts, sealed by the secret store, when asked; forgetting removes it', async () => {
    const secrets = memorySecretPort();
    const k = kit({ secrets });
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE, remember: true });
    const kept = readFileSync(join(k.userData, BACKUP_KEY_FILE), 'utf8');
    expect(kept).not.toContain(PASSPHRASE);
    const again = kit({ root: k.root, secrets });
    kits.pop();
    expect(await again.handlers.getBackupStatus(undefined)).toMatchObject({ passphraseSet: true, passphraseRemembered: true });
    // The remembered key writes a backup the passphrase opens.
    const input = await backupInput(await councilDb({ evidence: [] }));
    const { paths } = await writeBackup(again.handlers, input, { kind: 'meeting-closed' });
    expect(await again.handlers.restoreOpen({ passphrase: PASSPHRASE, path: paths[0]!, dbVersion: DB_VERSION })).toMatchObject({ manifest: input.manifest });
    // Another computer's secret store cannot open it: the passphrase is asked again there.
    const elsewhere = kit({ root: k.root, secrets: memorySecretPort() });
    kits.pop();
    expect(await elsewhere.handlers.getBackupStatus(undefined)).toMatchObject({ passphraseSet: false });
    expect(await again.handlers.forgetBackupPassphrase(undefined)).toMatchObject({ passphraseSet: false, passphraseRemembered: false });
    expect(existsSync(join(k.userData, BACKUP_KEY_FILE))).toBe(false);
  });

  it('set again without remember, is no longer kept on disk', async () => {
    const k = kit({ secrets: memorySecretPort() });
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE, remember: true });
    expect(await k.handlers.setBackupPassphrase({ passphrase: 'another passphrase' })).toMatchObject({ passphraseSet: true, passphraseRemembered: false });
    expect(existsSync(join(k.userData, BACKUP_KEY_FILE))).toBe(false);
  });
});
