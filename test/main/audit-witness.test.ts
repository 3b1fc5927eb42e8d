/**
 * The audit log's witness file (issue 14, item 4): `<userData>/audit-witness.ndjson`, appended
 * and fsync'd, never rewritten; a repeat ignored, another hash for a witnessed entry refused
 * naming it; a torn last line skipped and reported, the file left as it is; a long meeting's
 * 100,000 lines read and appended to.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { synced } from '../support/fsync-spy';
import { createHash } from 'node:crypto';
import { dispatchApiCall } from '../../electron/services/api-dispatch';
import type { ApiHandlers, WitnessHead } from '../../shared/api';
import { WitnessFile, witnessFilePath } from '../../electron/services/witness/witness-file';
import { createWitnessHandlers } from '../../electron/services/witness/witness-handlers';

// Every fsync the code asks for, by the path of the file or folder it opened.
vi.mock('node:fs/promises', async (importOriginal) => (await import('../support/fsync-spy')).spyOnFsyncs(importOriginal));

const hashOf = (n: number, chain = 'a') => createHash('sha256').update(`${chain}${n}`).digest('hex');
const head = (n: number, chain = 'a'): WitnessHead => ({ sequence: n, hash: hashOf(n, chain) });
const heads = (from: number, to: number, chain = 'a') => Array.from({ length: to - from + 1 }, (_, i) => head(from + i, chain));
const AT = '2023-03-02T05:00:00.000Z';

let userData: string;
let file: string;
let handlers: Pick<ApiHandlers, 'witnessAudit' | 'getWitness'>;
const call = (method: 'witnessAudit' | 'getWitness', arg?: unknown) => dispatchApiCall(handlers as ApiHandlers, method, arg);

beforeEach(() => {
  userData = join(mkdtempSync(join(tmpdir(), 'cd-witness-')), 'user data');
  file = witnessFilePath(userData);
  handlers = createWitnessHandlers({ paths: { userDataDir: userData } as never }, { now: () => new Date(AT) });
  synced.length = 0;
});
afterEach(() => rmSync(join(userData, '..'), { recursive: true, force: true }));

const lines = () => readFileSync(file, 'utf8').split('\n');

describe('the witness file', () => {
  it('appends one line an entry in the user-data folder, fsyncs the file each time and the folder when it made the file', async () => {
    expect(await call('witnessAudit', { entries: heads(1, 3) })).toEqual({ ok: true, value: head(3) });
    expect(file).toBe(join(userData, 'audit-witness.ndjson'));
    expect(lines()).toEqual([...heads(1, 3).map((h) => JSON.stringify({ sequence: h.sequence, hash: h.hash, at: AT })), '']);
    expect(synced).toEqual([file, userData]);

    expect(await call('witnessAudit', { entries: [head(4)] })).toEqual({ ok: true, value: head(4) });
    expect(synced).toEqual([file, userData, file]);
    expect(await call('getWitness')).toEqual({ ok: true, value: { entries: heads(1, 4).map((h) => ({ ...h, at: AT })), tornTail: false, skippedLines: [] } });
  });

  it('answers the last witnessed entry, null before any, for no entries at all, writing nothing', async () => {
    expect(await call('witnessAudit', { entries: [] })).toEqual({ ok: true, value: null });
    expect(existsSync(file)).toBe(false);
    await call('witnessAudit', { entries: heads(1, 2) });
    expect(await call('witnessAudit', { entries: [] })).toEqual({ ok: true, value: head(2) });
  });

  it('ignores entries sent again with their witnessed hash, and appends only those above the last', async () => {
    await call('witnessAudit', { entries: heads(1, 5) });
    const before = readFileSync(file, 'utf8');
    expect(await call('witnessAudit', { entries: heads(2, 5) })).toEqual({ ok: true, value: head(5) });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(await call('witnessAudit', { entries: heads(3, 7) })).toEqual({ ok: true, value: head(7) });
    expect(lines().filter((l) => l !== '').map((l) => JSON.parse(l).sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses another hash for a witnessed entry, naming it and when it was witnessed, and writes nothing', async () => {
    await call('witnessAudit', { entries: heads(1, 5) });
    const before = readFileSync(file, 'utf8');
    for (const entries of [[head(5, 'b')], [...heads(2, 3), head(4, 'b'), ...heads(5, 8)]]) {
      const reply = await call('witnessAudit', { entries });
      expect(reply).toMatchObject({ ok: false, error: { code: 'WITNESS_CONFLICT' } });
      const message = (reply as { error: { message: string } }).error.message;
      expect(message).toContain(`Audit entry ${entries.find((e) => e.hash === hashOf(e.sequence, 'b'))!.sequence} was witnessed at ${AT}`);
      expect(message).toContain('the audit log was rewritten. Nothing was written');
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
    // The app started again (a new handler map) reads the file to find it too.
    handlers = createWitnessHandlers({ paths: { userDataDir: userData } as never });
    expect(await call('witnessAudit', { entries: [head(2, 'b'), head(6)] })).toMatchObject({ ok: false, error: { code: 'WITNESS_CONFLICT', message: expect.stringContaining('Audit entry 2 ') } });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses entries out of order or hashes that are none, before the handler', async () => {
    expect(await call('witnessAudit', { entries: [head(2), head(1)] })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(await call('witnessAudit', { entries: [{ sequence: 1, hash: 'ABC' }] })).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    expect(existsSync(file)).toBe(false);
  });

  it('skips a torn last line and says so, never truncating the file; the next append starts a line of its own', async () => {
    await call('witnessAudit', { entries: heads(1, 2) });
    const torn = `${readFileSync(file, 'utf8')}{"sequence":3,"hash":"${hashOf(3).slice(0, 20)}`;
    writeFileSync(file, torn);
    handlers = createWitnessHandlers({ paths: { userDataDir: userData } as never }, { now: () => new Date(AT) });
    expect(await call('getWitness')).toEqual({ ok: true, value: { entries: heads(1, 2).map((h) => ({ ...h, at: AT })), tornTail: true, skippedLines: [] } });
    expect(readFileSync(file, 'utf8')).toBe(torn);

    expect(await call('witnessAudit', { entries: heads(3, 4) })).toEqual({ ok: true, value: head(4) });
    expect(readFileSync(file, 'utf8').startsWith(torn + '\n')).toBe(true);
    expect(await call('getWitness')).toEqual({ ok: true, value: { entries: heads(1, 4).map((h) => ({ ...h, at: AT })), tornTail: false, skippedLines: [3] } });
  });

  it('skips a line that is no witness line, however long, and reads on after it', async () => {
    await call('witnessAudit', { entries: heads(1, 2) });
    writeFileSync(file, `${'x'.repeat(1_000_000)}\n`, { flag: 'a' });
    await new WitnessFile(file, () => new Date(AT)).witness([head(3)]);
    expect(await new WitnessFile(file).read()).toEqual({ entries: heads(1, 3).map((h) => ({ ...h, at: AT })), tornTail: false, skippedLines: [3] });
  });

  it('reads a file of 100,000 lines, appends to it and finds a conflicting hash deep inside it', async () => {
    const COUNT = 100_000;
    const text = heads(1, COUNT).map((h) => `${JSON.stringify({ ...h, at: AT })}\n`).join('');
    mkdirSync(userData, { recursive: true });
    writeFileSync(file, text);
    const witness = new WitnessFile(file, () => new Date(AT));
    const started = performance.now();
    const read = await witness.read();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(read.entries).toHaveLength(COUNT);
    expect(read.entries[COUNT - 1]).toEqual({ ...head(COUNT), at: AT });
    expect(read.tornTail).toBe(false);

    const fresh = new WitnessFile(file, () => new Date(AT));
    expect(await fresh.witness([head(COUNT), head(COUNT + 1)])).toEqual(head(COUNT + 1));
    await expect(fresh.witness([head(50_000, 'b')])).rejects.toMatchObject({ code: 'WITNESS_CONFLICT', message: expect.stringContaining('Audit entry 50000 ') });
    expect(readFileSync(file, 'utf8')).toBe(`${text}${JSON.stringify({ ...head(COUNT + 1), at: AT })}\n`);
  });
});
