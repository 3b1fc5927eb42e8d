/**
 * The witness begun again by a restore (restoreFinish): for the one open restore main checked,
 * once the page was given every piece, the witness file before is kept beside it under a name of
 * its own (never removed) and the new one holds the backup's audit chain, fsync'd; getWitness then
 * names the restore, and the restore's own entry is appended after it as usual. Refused for no
 * restore, a restore not read to its end, and a second time. A restart a crash cut short after
 * its record is finished by the next start; one cut short before is dropped.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { synced } from '../support/fsync-spy';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import type { ApiHandlers, WitnessHead } from '../../shared/api';
import { WitnessFile, witnessFilePath } from '../../electron/services/witness/witness-file';
import { createWitnessHandlers } from '../../electron/services/witness/witness-handlers';
import { RESTART_RECORD } from '../../electron/services/witness/witness-restart';
import { backupInput, backupKit, councilDb, DB_VERSION, PASSPHRASE, readRestore, writeBackup, type BackupKit } from '../support/backup-kit';

vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsync-spy')).spyOnFsyncs(importOriginal));

const AT = '2025-02-03T04:05:06.000Z';
const OLD_AT = '2025-01-15T10:00:00.000Z';
const ASIDE = 'audit-witness-before-restore-20250203-040506.ndjson';
const other = (n: number): WitnessHead => ({ sequence: n, hash: createHash('sha256').update(`other ${n}`).digest('hex') });

let root: string;
let k: BackupKit;
let witnessPath: string;
/** The witness's own calls, on the same file as the restore's (as api-handlers.ts composes them). */
let witness: Pick<ApiHandlers, 'witnessAudit' | 'getWitness'>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cd-restore-witness-'));
  witnessPath = witnessFilePath(join(root, 'user data'));
  const file = new WitnessFile(witnessPath, () => new Date(AT));
  k = backupKit({ root, witness: file, now: () => new Date(AT) });
  witness = createWitnessHandlers({ paths: { userDataDir: k.userData } as never }, { file });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const call = (method: keyof ApiHandlers, arg: unknown) => dispatchApiCall({ ...k.handlers, ...witness } as ApiHandlers, method, arg);

/** A witness of another, longer log (the profile restored over), written as main writes it. */
function oldWitness(entries: number): string {
  mkdirSync(k.userData, { recursive: true });
  const text = Array.from({ length: entries }, (_, i) => `${JSON.stringify({ ...other(i + 1), at: OLD_AT })}\n`).join('');
  writeFileSync(witnessPath, text);
  return text;
}

/** A small council backed up (5 audit entries), then opened for restoring. */
async function openedBackup() {
  await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
  const data = await councilDb({ auditEntries: 5 });
  const result = await writeBackup(k.handlers, await backupInput(data));
  const opened = (await k.handlers.restoreOpen({ passphrase: PASSPHRASE, path: result.paths[0]!, dbVersion: DB_VERSION }))!;
  return { data, opened };
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
const userDataFiles = () => readdirSync(k.userData).filter((n) => n.includes('witness')).sort();

describe('restoreFinish', () => {
  it("keeps the old witness beside it, and begins a new one that holds the backup's audit chain", async () => {
    const before = oldWitness(9);
    const { data, opened } = await openedBackup();
    await readRestore(k.handlers, opened.restoreId);
    synced.length = 0;

    const reply = await call('restoreFinish', { restoreId: opened.restoreId });
    expect(reply).toEqual({
      ok: true,
      value: { restoreId: opened.restoreId, backup: opened.name, backupCreatedAt: opened.manifest.createdAt, at: AT, previous: ASIDE, entries: 5 },
    });
    // the old file kept, byte for byte, under its own name; nothing removed
    expect(readFileSync(join(k.userData, ASIDE), 'utf8')).toBe(before);
    expect(userDataFiles()).toEqual([RESTART_RECORD, 'audit-witness.ndjson', ASIDE].sort());
    // the new one: the backup's chain, entry by entry, made durable before it took the witness's name
    expect(lines(witnessPath)).toEqual(data.audit.map(({ sequence, hash }) => ({ sequence, hash, at: AT })));
    expect(synced).toContain(join(k.userData, `.audit-witness-${opened.restoreId}.partial`));
    expect(synced).toContain(k.userData);

    // getWitness names the restore; the restored log's next entry (the restore's own) is appended as usual
    expect(await call('getWitness', undefined)).toEqual({
      ok: true,
      value: { entries: data.audit.map(({ sequence, hash }) => ({ sequence, hash, at: AT })), tornTail: false, skippedLines: [], restart: (reply as { value: unknown }).value },
    });
    const next = other(6);
    expect(await call('witnessAudit', { entries: [...data.audit.map(({ sequence, hash }) => ({ sequence, hash })), next] })).toEqual({ ok: true, value: next });
    expect(lines(witnessPath)).toHaveLength(6);
    // the restore is closed: its decrypted files are gone
    expect(readdirSync(join(k.userData, 'backup-restore'))).toEqual([]);
  });

  it('begins the witness with none kept when there was none before', async () => {
    const { data, opened } = await openedBackup();
    await readRestore(k.handlers, opened.restoreId);
    expect(await call('restoreFinish', { restoreId: opened.restoreId })).toMatchObject({ ok: true, value: { previous: null, entries: 5 } });
    expect(lines(witnessPath)).toEqual(data.audit.map(({ sequence, hash }) => ({ sequence, hash, at: AT })));
    expect(userDataFiles()).toEqual([RESTART_RECORD, 'audit-witness.ndjson'].sort());
  });

  it('is refused without a restore open and checked, and for one whose pieces were not all given, changing nothing', async () => {
    const before = oldWitness(9);
    expect(await call('restoreFinish', { restoreId: '0f1e2d3c-4b5a-4968-8776-655443322110' })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });
    expect(await call('restoreFinish', { restoreId: 'not-an-id' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });

    const { opened } = await openedBackup();
    // only the first piece of rows.json read
    await k.handlers.restoreNext({ restoreId: opened.restoreId });
    const reply = await call('restoreFinish', { restoreId: opened.restoreId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_INCOMPLETE', message: expect.stringContaining('was not read to its end') } });
    // a wrong passphrase opens nothing, so there is nothing to finish either
    expect(await call('restoreOpen', { passphrase: 'not the passphrase', path: join(k.backupFolder, opened.name), dbVersion: DB_VERSION })).toMatchObject({ ok: false });
    expect(await call('restoreFinish', { restoreId: opened.restoreId })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });

    expect(readFileSync(witnessPath, 'utf8')).toBe(before);
    expect(userDataFiles()).toEqual(['audit-witness.ndjson']);
    expect((await witness.getWitness(undefined)).restart).toBeUndefined();
  });

  it('is refused a second time, the witness left as the first made it', async () => {
    oldWitness(9);
    const { opened } = await openedBackup();
    await readRestore(k.handlers, opened.restoreId);
    expect((await call('restoreFinish', { restoreId: opened.restoreId })).ok).toBe(true);
    const after = readFileSync(witnessPath, 'utf8');
    const again = await call('restoreFinish', { restoreId: opened.restoreId });
    expect(again).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN', message: expect.stringContaining('finished') } });
    expect(readFileSync(witnessPath, 'utf8')).toBe(after);
    expect(userDataFiles()).toEqual([RESTART_RECORD, 'audit-witness.ndjson', ASIDE].sort());
  });
});

describe('a restart cut short', () => {
  const RESTORE_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const partial = () => join(k.userData, `.audit-witness-${RESTORE_ID}.partial`);
  const newText = Array.from({ length: 3 }, (_, i) => `${JSON.stringify({ ...other(100 + i), sequence: i + 1, at: AT })}\n`).join('');

  it('is finished by the next start once its record was written: the old file kept, the new one in place', async () => {
    const before = oldWitness(9);
    writeFileSync(partial(), newText);
    const record = { restoreId: RESTORE_ID, backup: 'council-desk-backup-20250101-090000-manual.cdbackup', backupCreatedAt: '2025-01-01T09:00:00.000Z', at: AT, previous: ASIDE, entries: 3 };
    writeFileSync(join(k.userData, RESTART_RECORD), `${JSON.stringify(record)}\n`);

    const read = await new WitnessFile(witnessPath).read();
    expect(read.restart).toEqual(record);
    expect(read.entries.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(readFileSync(witnessPath, 'utf8')).toBe(newText);
    expect(readFileSync(join(k.userData, ASIDE), 'utf8')).toBe(before);
    expect(existsSync(partial())).toBe(false);
  });

  it('is dropped by the next start when no record names it: the witness as it was', async () => {
    const before = oldWitness(9);
    writeFileSync(partial(), newText.slice(0, 40));
    const read = await new WitnessFile(witnessPath).read();
    expect(read.restart).toBeUndefined();
    expect(read.entries).toHaveLength(9);
    expect(readFileSync(witnessPath, 'utf8')).toBe(before);
    expect(userDataFiles()).toEqual(['audit-witness.ndjson']);
  });
});
