/**
 * Restoring a backup (issue 14, part 3): a backup written through the calls opens with its
 * passphrase and gives back the very rows and evidence it was made of, which import into an empty
 * database with the same counts, decisions and audit head. Every check happens before the page is
 * given a row, and each refusal names what failed: a wrong passphrase, a changed byte, a cut or
 * reordered file (by segment), evidence whose bytes are not its name's, rows.json against the
 * manifest, a broken audit chain (by entry), another database version.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { SEGMENT_BYTES, TAG_BYTES } from '../../electron/services/backup/backup-format';
import type { ApiHandlers } from '../../shared/api';
import { evidenceBytesSize } from '../../shared/bundle-import';
import {
  backupInput,
  backupKit,
  cheapKey,
  councilDb,
  craftBackupFile,
  DB_VERSION,
  emptyCouncilDb,
  exportRows,
  importRows,
  manifestOf,
  PASSPHRASE,
  readRestore,
  sha256,
  tableCounts,
  writeBackup,
  type BackupKit,
} from '../support/backup-kit';

const kits: BackupKit[] = [];
function kit(...args: Parameters<typeof backupKit>) {
  const k = backupKit(...args);
  kits.push(k);
  return k;
}
afterEach(() => {
  for (const k of kits.splice(0)) rmSync(k.root, { recursive: true, force: true });
});

/** A kit with a passphrase set and one backup of a small council written: its file. */
async function backedUp(opts: Parameters<typeof councilDb>[0] = {}) {
  const k = kit();
  await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
  const data = await councilDb(opts);
  const input = await backupInput(data);
  const result = await writeBackup(k.handlers, input);
  return { k, data, input, result, file: result.paths[0]! };
}

const call = (k: BackupKit, method: keyof ApiHandlers, arg: unknown) => dispatchApiCall(k.handlers as ApiHandlers, method, arg);

/** The file's header length (magic and JSON line). */
function headerLength(bytes: Buffer): number {
  return bytes.indexOf(0x0a, 10) + 1;
}

async function refusal(k: BackupKit, path: string, passphrase = PASSPHRASE, dbVersion = DB_VERSION) {
  const reply = await call(k, 'restoreOpen', { passphrase, path, dbVersion });
  expect(reply.ok).toBe(false);
  // Nothing decrypted is left behind when a restore is refused.
  expect(readdirSync(join(k.userData, 'backup-restore'))).toEqual([]);
  return (reply as { error: { code: string; message: string } }).error;
}

describe('a backup restored', () => {
  it('gives back the same rows.json and evidence bytes, rows first in pieces, then each evidence file once, then done', async () => {
    const { k, input, file, data } = await backedUp();
    const opened = await k.handlers.restoreOpen({ passphrase: PASSPHRASE, path: file, dbVersion: DB_VERSION });
    expect(opened).toMatchObject({ name: file.split('/').at(-1), manifest: input.manifest });
    const got = await readRestore(k.handlers, opened!.restoreId);
    expect(Buffer.from(got.rows).equals(Buffer.from(input.rows))).toBe(true);
    expect(got.kinds).toEqual(['rows', 'evidence', 'evidence', 'evidence', 'done']);
    for (const e of data.evidence) expect(Buffer.from(got.evidence.get(sha256(e))!).equals(Buffer.from(e))).toBe(true);
    // Done stays done until it is closed; then the restore is gone, and so are its files.
    expect(await k.handlers.restoreNext({ restoreId: opened!.restoreId })).toEqual({ kind: 'done' });
    await k.handlers.restoreClose({ restoreId: opened!.restoreId });
    expect(readdirSync(join(k.userData, 'backup-restore'))).toEqual([]);
    expect(await call(k, 'restoreNext', { restoreId: opened!.restoreId })).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });
  });

  it('imports into an empty database with the counts, the decisions and the audit head of the one backed up', async () => {
    const { k, data, file } = await backedUp({ auditEntries: 40 });
    const opened = (await k.handlers.restoreOpen({ passphrase: PASSPHRASE, path: file, dbVersion: DB_VERSION }))!;
    const got = await readRestore(k.handlers, opened.restoreId);
    const fresh = emptyCouncilDb();
    await importRows(fresh, got.rows);
    expect(await tableCounts(fresh)).toEqual(await tableCounts(data.db));
    expect(await fresh.table('decisions').toArray()).toEqual(await data.db.table('decisions').toArray());
    const head = await fresh.table('audit').orderBy('sequence').last();
    expect({ sequence: head.sequence, hash: head.hash }).toEqual(opened.manifest.auditHead);
    expect(opened.manifest.auditHead).toEqual({ sequence: 40, hash: data.audit.at(-1)!.hash });
  });

  it('hands rows.json on in pieces of at most 8 MiB', async () => {
    const big = await councilDb({ auditEntries: 1, evidence: [] });
    // Decisions enough for rows.json of about 20 MiB.
    await big.db.table('decisions').bulkAdd(Array.from({ length: 20_000 }, (_, i) => ({ caseId: `X-${i}`, revision: 1, meetingId: 'M', outcome: 'approved', note: 'x'.repeat(1000) })));
    const k = kit();
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const input = await backupInput(big);
    const { paths } = await writeBackup(k.handlers, input);
    const opened = (await k.handlers.restoreOpen({ passphrase: PASSPHRASE, path: paths[0]!, dbVersion: DB_VERSION }))!;
    const sizes: number[] = [];
    for (;;) {
      const piece = await k.handlers.restoreNext({ restoreId: opened.restoreId });
      if (piece.kind !== 'rows') break;
      sizes.push(evidenceBytesSize(piece.bytes));
      expect(piece.last).toBe(sizes.reduce((a, b) => a + b) === input.rows.length);
    }
    expect(sizes.length).toBe(3);
    expect(Math.max(...sizes)).toBe(8 * 1024 * 1024);
    expect(sizes.reduce((a, b) => a + b)).toBe(input.rows.length);
  });

  it('asks main\'s file dialog when no path is given, and is nothing when it is cancelled', async () => {
    const { k, file } = await backedUp();
    const asked: string[] = [];
    const withDialog = kit({ root: k.root, dialogs: { openFile: async (kind) => (asked.push(kind), asked.length === 1 ? file : null) } });
    expect(await withDialog.handlers.restoreOpen({ passphrase: PASSPHRASE, dbVersion: DB_VERSION })).toMatchObject({ name: file.split('/').at(-1) });
    expect(await withDialog.handlers.restoreOpen({ passphrase: PASSPHRASE, dbVersion: DB_VERSION })).toBeNull();
    expect(asked).toEqual(['backup', 'backup']);
    kits.pop();
  });
});

describe('a backup refused before anything is restored', () => {
  it('with a wrong passphrase: BACKUP_PASSPHRASE_WRONG', async () => {
    const { k, file } = await backedUp();
    const error = await refusal(k, file, 'not the passphrase at all');
    expect(error.code).toBe('BACKUP_PASSPHRASE_WRONG');
    expect(error.message).toContain(file.split('/').at(-1));
  });

  it('with one byte changed in a segment: BACKUP_DAMAGED naming the segment', async () => {
    const { k, file } = await backedUp();
    const bytes = readFileSync(file);
    const at = headerLength(bytes) + (SEGMENT_BYTES + TAG_BYTES) + 1234; // inside segment 1
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(file, bytes);
    const error = await refusal(k, file);
    expect(error.code).toBe('BACKUP_DAMAGED');
    expect(error.message).toMatch(/segment 1 \(bytes \d+ to \d+\) does not check/);
  });

  it('with a byte of its header changed: BACKUP_DAMAGED at segment 0 (the header is every segment\'s additional data)', async () => {
    const { k, file } = await backedUp();
    const text = readFileSync(file, 'latin1');
    writeFileSync(file, Buffer.from(text.replace('"kind":"manual"', '"kind":"meeting-closed"'), 'latin1'));
    const error = await refusal(k, file);
    expect(error).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringMatching(/segment 0 .* does not check/) });
  });

  it('cut short, inside a segment or at a segment\'s end: BACKUP_DAMAGED saying it was cut', async () => {
    const { k, file } = await backedUp();
    const bytes = readFileSync(file);
    const start = headerLength(bytes);
    writeFileSync(file, bytes.subarray(0, start + 2 * (SEGMENT_BYTES + TAG_BYTES)));
    expect(await refusal(k, file)).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringContaining('the file ends after segment 1 (bytes') });
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(await refusal(k, file)).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringMatching(/segment 3 .* does not check/) });
    writeFileSync(file, bytes.subarray(0, start));
    expect(await refusal(k, file)).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringContaining('no data after its header') });
  });

  it('with two segments swapped: BACKUP_DAMAGED at the first of them', async () => {
    const { k, file } = await backedUp();
    const bytes = readFileSync(file);
    const start = headerLength(bytes);
    const size = SEGMENT_BYTES + TAG_BYTES;
    const one = Buffer.from(bytes.subarray(start + size, start + 2 * size));
    bytes.copy(bytes, start + size, start + 2 * size, start + 3 * size);
    one.copy(bytes, start + 2 * size);
    writeFileSync(file, bytes);
    expect(await refusal(k, file)).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringMatching(/segment 1 .* does not check: bytes in it were changed, or segments were moved/) });
  });

  it('that is no backup at all, or not there: BACKUP_UNREADABLE', async () => {
    const k = kit();
    const other = join(k.root, 'photo.cdbackup');
    writeFileSync(other, 'PK\u0003\u0004 a zip, not a backup');
    expect(await refusal(k, other)).toMatchObject({ code: 'BACKUP_UNREADABLE', message: expect.stringContaining('is not a Council Desk backup') });
    expect(await refusal(k, join(k.root, 'gone.cdbackup'))).toMatchObject({ code: 'BACKUP_UNREADABLE', message: expect.stringContaining('there is no such file') });
  });

  it('with an evidence entry whose bytes are not its name\'s: BACKUP_DAMAGED naming the entry', async () => {
    const k = kit();
    const data = await councilDb();
    const input = await backupInput(data);
    const key = await cheapKey();
    const [first, second] = input.manifest.evidence;
    const file = join(k.root, 'crafted.cdbackup');
    await craftBackupFile(file, key, [
      { name: 'manifest.json', bytes: new TextEncoder().encode(JSON.stringify(input.manifest)) },
      { name: 'rows.json', bytes: input.rows },
      ...input.manifest.evidence.map((e, i) => ({ name: `evidence/${e.sha256}`, bytes: i === 1 ? data.evidence[0]!.subarray(0, second!.bytes) : data.evidence[i]! })),
    ]);
    const error = await refusal(k, file);
    expect(error.code).toBe('BACKUP_DAMAGED');
    expect(error.message).toContain(`the bytes of evidence/${second!.sha256} have the SHA-256 ${sha256(data.evidence[0]!.subarray(0, second!.bytes))}, not the one of its name`);
    expect(first).toBeDefined();
  });

  it('with an entry its manifest does not list, or one missing: BACKUP_DAMAGED naming it', async () => {
    const k = kit();
    const input = await backupInput(await councilDb({ evidence: [] }));
    const key = await cheapKey();
    const file = join(k.root, 'crafted.cdbackup');
    const manifest = new TextEncoder().encode(JSON.stringify(input.manifest));
    await craftBackupFile(file, key, [{ name: 'manifest.json', bytes: manifest }, { name: 'rows.json', bytes: input.rows }, { name: 'notes.txt', bytes: new Uint8Array(3) }]);
    expect(await refusal(k, file)).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringContaining('it holds "notes.txt", which its manifest does not list') });
    await craftBackupFile(file, key, [{ name: 'manifest.json', bytes: manifest }]);
    expect(await refusal(k, file)).toMatchObject({ code: 'BACKUP_DAMAGED', message: expect.stringContaining('rows.json, which its manifest lists, is not in it') });
  });

  it('whose rows.json does not hold the rows its manifest counts: BACKUP_DAMAGED naming the table', async () => {
    const k = kit();
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const data = await councilDb();
    const input = await backupInput(data);
    const wrong = { ...input, manifest: { ...input.manifest, tables: { ...input.manifest.tables, decisions: 6 } } };
    const { paths } = await writeBackup(k.handlers, wrong);
    expect(await refusal(k, paths[0]!)).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: expect.stringContaining('rows.json declares 5 rows of the table "decisions"; the manifest says 6'),
    });
  });

  it('whose rows.json is not dexie-export-import\'s JSON: BACKUP_DAMAGED saying where', async () => {
    const k = kit();
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const data = await councilDb({ evidence: [] });
    const text = '{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"x","databaseVersion":7,"tables":[],"data":[{"tableName":"audit","inbound":true,"rows":[{"a":1} {"b":2}]}]}}';
    const rows = new TextEncoder().encode(text);
    const { paths } = await writeBackup(k.handlers, { manifest: await manifestOf(data.db, rows, []), rows, evidence: [] });
    expect(await refusal(k, paths[0]!)).toMatchObject({
      code: 'BACKUP_DAMAGED',
      message: expect.stringContaining(`rows.json is not dexie-export-import's JSON: at byte ${text.indexOf('{"b"')} (in data.data[0].rows): expected "," or "]"`),
    });
  });

  it('whose audit chain is broken: BACKUP_AUDIT_BROKEN naming the entry', async () => {
    const k = kit();
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const data = await councilDb({ auditEntries: 8 });
    await data.db.table('audit').update(4, { actor: 'someone else' });
    const input = await backupInput(data);
    const { paths } = await writeBackup(k.handlers, input);
    const error = await refusal(k, paths[0]!);
    expect(error.code).toBe('BACKUP_AUDIT_BROKEN');
    expect(error.message).toMatch(/\(rows\.json\) is broken: entry 4 does not give its stored hash [0-9a-f]{64}/);
  });

  it('whose audit log does not end at the manifest\'s audit head: BACKUP_AUDIT_BROKEN saying both', async () => {
    const k = kit();
    await k.handlers.setBackupPassphrase({ passphrase: PASSPHRASE });
    const data = await councilDb({ auditEntries: 3 });
    const input = await backupInput(data);
    const head = { sequence: 4, hash: 'a'.repeat(64) };
    const { paths } = await writeBackup(k.handlers, { ...input, manifest: { ...input.manifest, auditHead: head } });
    expect(await refusal(k, paths[0]!)).toMatchObject({
      code: 'BACKUP_AUDIT_BROKEN',
      message: expect.stringContaining(`ends at entry 3 (hash ${data.audit[2]!.hash}); its manifest says entry 4 (hash ${'a'.repeat(64)})`),
    });
  });

  it('of another database version: BACKUP_VERSION', async () => {
    const { k, file } = await backedUp();
    expect(await refusal(k, file, PASSPHRASE, DB_VERSION + 1)).toMatchObject({ code: 'BACKUP_VERSION', message: expect.stringContaining(`holds database version ${DB_VERSION}; this app's is version ${DB_VERSION + 1}`) });
  });
});

describe('the rows as exported', () => {
  it('are dexie-export-import\'s own JSON (the format the restore check reads)', async () => {
    const data = await councilDb({ auditEntries: 2, evidence: [] });
    const text = new TextDecoder().decode(await exportRows(data.db));
    expect(text.startsWith('{"formatName":"dexie","formatVersion":1,"data":{"databaseName":')).toBe(true);
    expect(JSON.parse(text).data.data.map((t: { tableName: string }) => t.tableName)).toEqual(['audit', 'decisions', 'documents', 'settings']);
  });
});
