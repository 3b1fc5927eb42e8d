/**
 * exportAuditLog in the main process: it writes the exact lines of FORMATS.md into the sync
 * folder in use (the chosen one, else the default one, made if missing; a chosen one that is gone
 * is never made again), checks the chain itself and refuses a broken one or a malformed line
 * (naming the line), creates the file atomically and never overwrites a different file.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../electron/services/api-handlers';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import { appPathsFrom } from '../../electron/services/app-paths';
import { createFileAtomic } from '../../electron/services/atomic-create';
import { AUDIT_EXPORT_MAX_NAMES, auditExportFileName, exportAuditLog } from '../../electron/services/audit-export';
import { NO_DIALOGS } from '../../electron/services/dialog-port';
import { defaultSyncFolder } from '../../electron/services/feature-context';
import { makeTempDir } from './fixtures/tiny-bundle';

const temp = makeTempDir('council-desk-audit-export-');
afterAll(temp.remove);

let counter = 0;
/** A sync folder of its own for each test. */
function syncFolder(): string {
  counter += 1;
  const dir = join(temp.dir, `sync-${counter}`);
  mkdirSync(dir);
  return dir;
}

interface Entry {
  sequence: number;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  actor: string | null;
  detail: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

// Hashed here as an auditor would, with nothing but FORMATS.md: SHA-256 of the RFC 8785 JSON.
const hashOf = ({ sequence: _s, hash: _h, ...body }: Omit<Entry, 'hash'> & { hash?: string }) => createHash('sha256').update(canonicalize(body)!).digest('hex');

function chain(count: number): Entry[] {
  const entries: Entry[] = [];
  for (let sequence = 1; sequence <= count; sequence += 1) {
    const entry = {
      sequence,
      at: `2023-03-02T14:0${sequence % 10}:00+09:00`,
      entity: 'vote',
      entityId: `2023-03-02/1015-00012${sequence}/m${sequence}`,
      action: 'record',
      actor: sequence === 1 ? null : 's1',
      detail: { vote: 'approve', 메모: `위원 ${sequence}` },
      prevHash: entries.at(-1)?.hash ?? null,
    };
    entries.push({ ...entry, hash: hashOf(entry) });
  }
  return entries;
}

/** FORMATS.md's line, written out key by key. */
const formatsLine = (e: Entry) =>
  `{"sequence":${e.sequence},"at":${JSON.stringify(e.at)},"entity":${JSON.stringify(e.entity)},"entityId":${JSON.stringify(e.entityId)},"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"detail":${JSON.stringify(e.detail)},"prevHash":${JSON.stringify(e.prevHash)},"hash":"${e.hash}"}`;
const linesOf = (entries: unknown[]) => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

describe('exportAuditLog', () => {
  it("writes <sync>/audit-<name>.ndjson with FORMATS.md's lines exactly, oldest first, and answers where, how many and the head", async () => {
    const sync = syncFolder();
    const entries = chain(4);
    // Keys in another order, spaces, no last newline: main writes its own serialisation of what it checked.
    const sent = entries.map((e) => JSON.stringify(Object.fromEntries(Object.entries(e).reverse()), null, 1).replaceAll('\n', '')).join('\n');
    const result = await exportAuditLog(sync, { name: '2023-03-02', lines: sent });
    expect(result).toEqual({ path: join(sync, 'audit-2023-03-02.ndjson'), entries: 4, head: entries[3]!.hash, existed: false });
    expect(readFileSync(result.path, 'utf8')).toBe(entries.map((e) => `${formatsLine(e)}\n`).join(''));
    expect(readdirSync(sync)).toEqual(['audit-2023-03-02.ndjson']);
  });

  it('refuses an entry whose content was altered, naming the line, and writes nothing', async () => {
    const sync = syncFolder();
    const entries = chain(5);
    entries[2]!.detail = { vote: 'reject' };
    await expect(exportAuditLog(sync, { name: 'm1', lines: linesOf(entries) })).rejects.toMatchObject({
      code: 'AUDIT_CHAIN_BROKEN',
      message: expect.stringMatching(/^Line 3 of the audit log: entry 3 does not give its stored hash [0-9a-f]{64} \(its content gives [0-9a-f]{64}\)/),
    });
    expect(readdirSync(sync)).toEqual([]);
  });

  it('refuses an entry removed, entries out of order, and a link to another hash', async () => {
    const sync = syncFolder();
    const e = chain(5);
    await expect(exportAuditLog(sync, { name: 'm1', lines: linesOf([e[0], e[1], e[3], e[4]]) })).rejects.toMatchObject({
      code: 'AUDIT_CHAIN_BROKEN',
      message: expect.stringContaining('Line 3 of the audit log: entry 4 follows entry 2: entry 3 is missing'),
    });
    await expect(exportAuditLog(sync, { name: 'm1', lines: linesOf([e[1], e[2]]) })).rejects.toMatchObject({
      message: expect.stringContaining('Line 1 of the audit log: the log starts at entry 2: entries 1 to 1 are missing'),
    });
    await expect(exportAuditLog(sync, { name: 'm1', lines: linesOf([e[0], e[2], e[1]]) })).rejects.toMatchObject({ message: expect.stringContaining('Line 2') });
    // Two entries' contents swapped, their sequence numbers left in place.
    const swapped = [e[0], { ...e[2]!, sequence: 2 }, { ...e[1]!, sequence: 3 }];
    await expect(exportAuditLog(sync, { name: 'm1', lines: linesOf(swapped) })).rejects.toMatchObject({
      code: 'AUDIT_CHAIN_BROKEN',
      message: expect.stringContaining(`Line 2 of the audit log: entry 2 names ${e[1]!.hash} as the previous entry's hash, but entry 1's hash is ${e[0]!.hash}`),
    });
    // An altered entry whose hash was recomputed: the link after it shows.
    const forged = { ...e[1]!, action: 'delete' };
    forged.hash = hashOf(forged);
    await expect(exportAuditLog(sync, { name: 'm1', lines: linesOf([e[0], forged, e[2]]) })).rejects.toMatchObject({ message: expect.stringContaining('Line 3') });
    expect(readdirSync(sync)).toEqual([]);
  });

  it('refuses a line that is no entry, naming the line and the key', async () => {
    const sync = syncFolder();
    const [first, second] = chain(2);
    const lines = (text: string) => exportAuditLog(sync, { name: 'm1', lines: `${formatsLine(first!)}\n${text}\n` });
    await expect(lines('{"sequence": 2')).rejects.toMatchObject({ code: 'AUDIT_LOG_INVALID', message: expect.stringMatching(/^Line 2 of the audit log is not JSON/) });
    await expect(lines('')).rejects.toMatchObject({ code: 'AUDIT_LOG_INVALID', message: 'Line 2 of the audit log is empty.' });
    await expect(lines(formatsLine(second!).replace('"action":', '"actor":"x","action":'))).rejects.toMatchObject({
      code: 'AUDIT_LOG_INVALID',
      message: expect.stringContaining('Line 2 of the audit log holds the key "actor" twice'),
    });
    await expect(lines(JSON.stringify({ ...second, actor: 7 }))).rejects.toMatchObject({
      code: 'AUDIT_LOG_INVALID',
      message: expect.stringMatching(/^Line 2 of the audit log: entry 2 is not an audit entry: actor /),
    });
    await expect(lines(JSON.stringify({ ...second, extra: true }))).rejects.toMatchObject({ code: 'AUDIT_LOG_INVALID', message: expect.stringContaining('Line 2') });
    await expect(exportAuditLog(sync, { name: 'm1', lines: '' })).rejects.toMatchObject({ code: 'AUDIT_LOG_EMPTY' });
    expect(readdirSync(sync)).toEqual([]);
  });

  it('never overwrites a different file: it takes the next free name; the very same file is the answer as it is', async () => {
    const sync = syncFolder();
    const earlier = join(sync, 'audit-m1.ndjson');
    writeFileSync(earlier, 'an earlier export\n');
    const lines = linesOf(chain(3));
    const first = await exportAuditLog(sync, { name: 'm1', lines });
    expect(first).toMatchObject({ path: join(sync, 'audit-m1-2.ndjson'), entries: 3, existed: false });
    expect(readFileSync(earlier, 'utf8')).toBe('an earlier export\n');
    const again = await exportAuditLog(sync, { name: 'm1', lines });
    expect(again).toMatchObject({ path: first.path, existed: true });
    // The log grew: a new file beside both.
    const grown = await exportAuditLog(sync, { name: 'm1', lines: linesOf(chain(4)) });
    expect(grown).toMatchObject({ path: join(sync, 'audit-m1-3.ndjson'), entries: 4, existed: false });
    expect(readdirSync(sync).sort()).toEqual(['audit-m1-2.ndjson', 'audit-m1-3.ndjson', 'audit-m1.ndjson']);
  });

  it('refuses when every name is taken by other files, and says so', async () => {
    const sync = syncFolder();
    for (let n = 1; n <= AUDIT_EXPORT_MAX_NAMES; n += 1) writeFileSync(join(sync, auditExportFileName('full', n)), `other ${n}\n`);
    await expect(exportAuditLog(sync, { name: 'full', lines: linesOf(chain(1)) })).rejects.toMatchObject({
      code: 'AUDIT_EXPORT_NAMES_TAKEN',
      message: expect.stringContaining('audit-full.ndjson to audit-full-999.ndjson'),
    });
    expect(readdirSync(sync)).toHaveLength(AUDIT_EXPORT_MAX_NAMES);
  });

  it('says when the sync folder is not there (a drive not connected), and writes nothing there', async () => {
    const missing = join(temp.dir, 'not-connected');
    await expect(exportAuditLog(missing, { name: 'm1', lines: linesOf(chain(1)) })).rejects.toMatchObject({ code: 'SYNC_FOLDER_MISSING' });
    expect(() => readdirSync(missing)).toThrow();
  });
});

describe('createFileAtomic', () => {
  it('leaves no temporary file behind, whether it created the file or found the name taken', async () => {
    const dir = syncFolder();
    expect(await createFileAtomic(join(dir, 'a.txt'), new TextEncoder().encode('one'))).toBe(true);
    expect(await createFileAtomic(join(dir, 'a.txt'), new TextEncoder().encode('two'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('one');
  });

  it('on a file system without hard links (FAT) looks, then renames, and still never replaces a file', async () => {
    const dir = syncFolder();
    const noLinks = async () => Promise.reject(Object.assign(new Error('operation not permitted'), { code: 'EPERM' }));
    expect(await createFileAtomic(join(dir, 'b.txt'), new TextEncoder().encode('one'), { link: noLinks })).toBe(true);
    expect(await createFileAtomic(join(dir, 'b.txt'), new TextEncoder().encode('two'), { link: noLinks })).toBe(false);
    expect(readdirSync(dir)).toEqual(['b.txt']);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('one');
  });

  it('removes its temporary file when naming it fails, and writes nothing under the name', async () => {
    const dir = syncFolder();
    const broken = async () => Promise.reject(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    await expect(createFileAtomic(join(dir, 'c.txt'), new TextEncoder().encode('one'), { link: broken })).rejects.toThrow('i/o error');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the exportAuditLog call', () => {
  /** The API of a device with its own user-data folder and home (not made yet: the default sync folder is not there). */
  function device() {
    counter += 1;
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const paths = appPathsFrom(join(__dirname, '..', '..'), join(temp.dir, `user-data-${counter}`));
    const home = join(temp.dir, `home-${counter}`);
    return { api: createApiHandlers({ appVersion: '0.1.0-test', platform: 'linux', paths, dialogs: NO_DIALOGS, home }), home };
  }
  const handlers = () => device().api;

  it('with no sync folder chosen, makes the default one and writes the log into it', async () => {
    const { api, home } = device();
    const sync = defaultSyncFolder(home);
    const lines = linesOf(chain(2));
    expect(existsSync(sync)).toBe(false);
    expect(await dispatchApiCall(api, 'exportAuditLog', { name: '2023-03-02', lines })).toEqual({
      ok: true,
      value: { path: join(sync, 'audit-2023-03-02.ndjson'), entries: 2, head: chain(2)[1]!.hash, existed: false },
    });
    expect(readdirSync(sync)).toEqual(['audit-2023-03-02.ndjson']);
    expect(readFileSync(join(sync, 'audit-2023-03-02.ndjson'), 'utf8')).toBe(lines);
    // A broken log makes no folder either: it is refused before anything is made.
    const other = device();
    const broken = chain(2);
    broken[1]!.hash = 'a'.repeat(64);
    expect(await dispatchApiCall(other.api, 'exportAuditLog', { name: 'm1', lines: linesOf(broken) })).toMatchObject({ ok: false, error: { code: 'AUDIT_CHAIN_BROKEN' } });
    expect(existsSync(defaultSyncFolder(other.home))).toBe(false);
  });

  it('never makes a chosen sync folder that is gone again: SYNC_FOLDER_MISSING, nothing written', async () => {
    const api = handlers();
    const stick = syncFolder();
    await api.setSecuritySettings({ change: { syncFolder: stick } });
    rmSync(stick, { recursive: true });
    expect(await dispatchApiCall(api, 'exportAuditLog', { name: 'm1', lines: linesOf(chain(1)) })).toMatchObject({
      ok: false,
      error: { code: 'SYNC_FOLDER_MISSING', message: expect.stringContaining(stick) },
    });
    expect(existsSync(stick)).toBe(false);
  });

  it('writes into the sync folder the settings hold, and takes a name, never a path', async () => {
    const api = handlers();
    const lines = linesOf(chain(2));
    const sync = syncFolder();
    await api.setSecuritySettings({ change: { syncFolder: sync } });
    expect(await dispatchApiCall(api, 'exportAuditLog', { name: '2023-03-02', lines })).toMatchObject({
      ok: true,
      value: { path: join(sync, 'audit-2023-03-02.ndjson'), entries: 2 },
    });
    for (const name of ['../outside', 'a/b', '', 'x'.repeat(65), 'a b']) {
      expect(await dispatchApiCall(api, 'exportAuditLog', { name, lines })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    }
    expect(await dispatchApiCall(api, 'exportAuditLog', { name: 'm1', lines, folder: '/tmp' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(readdirSync(sync)).toEqual(['audit-2023-03-02.ndjson']);
  });

  it('answers a broken chain as an error with its code, not a crash', async () => {
    const api = handlers();
    await api.setSecuritySettings({ change: { syncFolder: syncFolder() } });
    const entries = chain(2);
    entries[1]!.hash = 'a'.repeat(64);
    expect(await dispatchApiCall(api, 'exportAuditLog', { name: 'm1', lines: linesOf(entries) })).toMatchObject({
      ok: false,
      error: { code: 'AUDIT_CHAIN_BROKEN', message: expect.stringContaining('Line 2') },
    });
  });
});
