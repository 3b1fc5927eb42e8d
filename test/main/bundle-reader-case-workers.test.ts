/**
 * Case lines checked on worker threads (case-line-pipeline.ts) give the report the reading thread
 * gives alone, problem for problem and in the same order: every bundle here is read both ways
 * and the reports compared whole. Small batches put collisions, blank runs and the error cap on
 * either side of batch boundaries; the reading thread also checks batches itself when the
 * workers are behind, so both kinds of verdict are applied in one read. A worker that cannot
 * start leaves the lines to the reading thread; one that fails later is a clear error, not a hang.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundleReport } from '../../shared/bundle-report';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { readBundle, type CaseLineChecking, type CaseLineOptions, type ReadBundleOptions } from '../../electron/services/bundle-reader';
import { liveCaseLineWorkers, startedCaseLineWorkers } from '../../electron/services/bundle-reader/case-line-pool';
import { endWarmCaseLineWorkers } from '../../electron/services/bundle-reader/case-line-warm-pool';
import { workersForIdleCores } from '../../electron/services/bundle-reader/read-cases';
import { casesOf, pack, tinyParts, writeInto, type BundleParts } from './fixtures/bundle-parts';
import { assertCoded, bundleFolder, errorTexts, warningTexts } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-case-workers-');
const SLOW = { timeout: 180_000 };
let counter = 0;
// each test starts with no pool kept warm by the one before (a pool that failed must end on its own)
afterEach(() => endWarmCaseLineWorkers());

const base = () => casesOf(tinyParts())[2]!;
/** A sound case of its own, with some random text so that a file of them does not compress like a bomb. */
const caseLine = (n: number, edit: (r: Record<string, any>) => void = () => undefined): string => {
  const record = { ...base(), caseId: `1015-${String(n).padStart(6, '0')}`, statement: randomBytes(24).toString('hex') };
  edit(record);
  return JSON.stringify(record);
};

/** The tiny bundle's three cases (with their evidence), then `lines`, as cases.ndjson's bytes. */
function withLines(lines: (string | Buffer)[], end = '\n'): BundleParts {
  const parts = tinyParts();
  const first = casesOf(parts).map((c) => JSON.stringify(c));
  const chunks: Buffer[] = [];
  for (const line of [...first, ...lines]) chunks.push(Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\n'));
  chunks.pop();
  chunks.push(Buffer.from(end));
  parts.files.set('cases.ndjson', Buffer.concat(chunks));
  return parts;
}

interface Reading {
  report: BundleReport;
  cases: [number, CaseRecord][];
  how: CaseLineChecking | null;
}

async function read(path: string, caseLines: CaseLineOptions, options: Partial<ReadBundleOptions> = {}, withCases = false): Promise<Reading> {
  const cases: [number, CaseRecord][] = [];
  let how: CaseLineChecking | null = null;
  const report = await readBundle(path, {
    trust: [],
    requireSignature: false,
    fileName: 'batch7.cdbundle',
    ...options,
    ...(withCases ? { onCase: (record: CaseRecord, line: number) => void cases.push([line, record]) } : {}),
    caseLines: { ...caseLines, onChecked: (h) => (how = h) },
  });
  return { report: assertCoded(report), cases, how };
}

const WAYS: [string, CaseLineOptions][] = [
  ['two workers, 2 KiB batches', { workers: 2, minBytes: 0, batchBytes: 2048, awaitWorkers: true }],
  ['one worker, 64-byte batches (a line each)', { workers: 1, minBytes: 0, batchBytes: 64, awaitWorkers: true }],
  ['two workers, default batches', { workers: 2, minBytes: 0, awaitWorkers: true }],
];

/** Reads the bundle on the reading thread alone, then each way with workers: the same report (and cases), each time. */
async function bothWays(zip: Uint8Array, options: Partial<ReadBundleOptions> = {}, withCases = false, ways = WAYS): Promise<Reading> {
  counter += 1;
  const path = writeInto(dir, `bundle-${counter}.cdbundle`, zip);
  const here = await read(path, { workers: 0 }, options, withCases);
  expect(here.how).toMatchObject({ workers: 0, linesInWorkers: 0, fallback: null });
  for (const [, way] of ways) {
    const there = await read(path, way, options, withCases);
    expect(there.how?.workers).toBe(way.workers);
    expect(there.how!.linesInWorkers).toBeGreaterThan(0);
    expect(there.report).toEqual(here.report);
    expect(there.cases).toEqual(here.cases);
  }
  // the last pool is kept warm for the next read; nothing else is left running
  await expect.poll(liveCaseLineWorkers).toBeLessThanOrEqual(ways[ways.length - 1]![1].workers ?? 0);
  endWarmCaseLineWorkers();
  await expect.poll(liveCaseLineWorkers).toBe(0);
  return here;
}

/** Lines that each fail in their own way, between sound ones, with collisions far apart. */
function mixedLines(): (string | Buffer)[] {
  const lines: (string | Buffer)[] = [];
  for (let n = 10; n < 400; n += 1) {
    const k = n % 23;
    if (k === 1) lines.push(caseLine(n, (r) => (r.claimedLoss = -n)));
    else if (k === 2) lines.push(`{"caseId":"1015-${n}","caseId":"1015-x${n}"}`);
    else if (k === 3) lines.push(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    else if (k === 4) lines.push('{"caseId": "1015-0', 'not json');
    else if (k === 5) lines.push('', ' \t\r', '', '');
    else if (k === 6) lines.push(caseLine(n - 60)); // the same id as 60 lines before: DUPLICATE_CASE_ID
    else if (k === 7) lines.push(caseLine(n - 90, (r) => (r.caseId = r.caseId.replace('1015', '1015-A').toLowerCase()))); // fresh
    else if (k === 8) lines.push(caseLine(n - 91, (r) => (r.caseId = r.caseId.replace('1015', '1015-A').toUpperCase()))); // CASE_ID_CASE_COLLISION
    else if (k === 9) lines.push(caseLine(n, (r) => (r.documents = [{ kind: 'other', title: 'gone', file: `evidence/${r.caseId}/gone.pdf`, mediaType: 'application/pdf' }])));
    else if (k === 10) lines.push(caseLine(n, (r) => (r.documents = [{ kind: 'other', title: 'elsewhere', file: 'evidence/1015-000001/pos.csv', mediaType: 'text/csv' }])));
    else if (k === 11) lines.push(caseLine(n - 1, (r) => ((r.bankAccountFingerprint = 'XYZ'), (r.documents = [{ kind: 'x', file: 'evidence/1015-000003/unreferenced.txt' }]))));
    else if (k === 12) lines.push('['.repeat(20_000) + ']'.repeat(20_000));
    else if (k === 13) lines.push(`[${'1,'.repeat(12_000)}1]`);
    else if (k === 14) lines.push(caseLine(n, (r) => (r.dailySales[0].date = '2022-02-30')));
    else lines.push(caseLine(n));
  }
  return lines;
}

describe('case lines on worker threads', () => {
  it('give the same report for a sound bundle, and hand onCase the same records in the same order', SLOW, async () => {
    const lines = Array.from({ length: 300 }, (_, i) => caseLine(100 + i));
    const { report, cases } = await bothWays(pack(withLines(lines)), {}, true);
    expect(report.valid).toBe(true);
    expect(cases.map(([line]) => line)).toEqual(Array.from({ length: 303 }, (_, i) => i + 1));
    expect(cases[150]![1].caseId).toBe('1015-000247');
  });

  it('give the same problems, in the same order, for lines broken in every way, collisions across batches included', SLOW, async () => {
    const parts = withLines(mixedLines());
    const { report } = await bothWays(pack(parts));
    const texts = errorTexts(report);
    for (const code of ['CASE_LINE_DUPLICATE_KEY', 'CASE_LINE_NOT_UTF8', 'CASE_LINE_NOT_JSON', 'DUPLICATE_CASE_ID', 'CASE_ID_CASE_COLLISION', 'EVIDENCE_MISSING', 'EVIDENCE_OUTSIDE_FOLDER', 'CASE_LINE_TOO_DEEP', 'CASE_LINE_TOO_MANY_VALUES', 'DATE_NOT_REAL']) {
      expect(report.errors.map((p) => p.code), code).toContain(code);
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(warningTexts(report).filter((t) => t.includes('is empty and was skipped')).length).toBeGreaterThan(10);
    // a line that failed its schema still names its evidence: not "unreferenced"
    expect(warningTexts(report).join('\n')).not.toContain('unreferenced.txt');
  });

  it('give the same report with a line too long to keep, CRLF ends, a byte order mark and no final newline', SLOW, async () => {
    const long = JSON.stringify({ ...base(), statement: randomBytes(1.2 * 1024 * 1024).toString('base64') });
    const lines = [caseLine(20), long, `${caseLine(21)}\r`, '\r', caseLine(20), ...Array.from({ length: 40 }, (_, i) => caseLine(30 + i))];
    const parts = withLines(lines, '');
    const bytes = parts.files.get('cases.ndjson')!;
    parts.files.set('cases.ndjson', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
    const { report } = await bothWays(pack(parts));
    expect(errorTexts(report)).toEqual([
      'cases.ndjson line 5: is longer than 1 MiB; one case is normally a few KB, so this line was not read',
      'cases.ndjson line 8, caseId: 1015-000020 is also the caseId of line 4; each case in a bundle needs its own caseId',
    ]);
  });

  it('stop at the error cap at the same line, counting the same lines not checked, wherever the cap falls', SLOW, async () => {
    const zip = pack(withLines([...mixedLines(), '', '', caseLine(9999)], ''));
    for (const maxErrors of [1, 2, 3, 7, 20, 61, 150]) {
      const { report } = await bothWays(zip, { limits: { maxErrors } });
      expect(report.errorCount).toBeGreaterThanOrEqual(maxErrors);
      expect(report.linesNotChecked).toBeGreaterThan(0);
      expect(warningTexts(report).find((t) => t.includes('that were not checked'))).toMatch(/^cases\.ndjson: holds [\d,]+ more lines \(from line [\d,]+ on\)/);
    }
  });

  it('stop at the same line for more cases than a bundle may hold (LIMIT_CASES)', SLOW, async () => {
    const parts = withLines(Array.from({ length: 120 }, (_, i) => caseLine(100 + i)));
    parts.manifest.caseCount = 10;
    const { report } = await bothWays(pack(parts, { recount: false }), { limits: { maxCases: 50 } });
    expect(errorTexts(report)).toEqual(['cases.ndjson line 51: holds more than the 50 cases one bundle may hold, so reading stopped here; split the batch into several bundles']);
  });

  it('log a damaged entry after the problems of every line read before it, as the reading thread does', SLOW, async () => {
    const lines = Array.from({ length: 3600 }, (_, i) => (i % 50 === 7 ? caseLine(100 + i, (r) => (r.claimedLoss = -1)) : caseLine(100 + i)));
    const parts = withLines(lines);
    const size = parts.files.get('cases.ndjson')!.length;
    // streamed in 256 KiB chunks (more than 1 MiB), so lines are on their way to a worker when the problem is found
    expect(size).toBeGreaterThan(1.5 * 1024 * 1024);
    const ways = WAYS.filter(([, way]) => way.batchBytes !== 64);
    // a CRC-32 that does not match: found at the end of the streamed entry, after every line but none
    const crc = await bothWays(pack(parts, { entryOptions: { 'cases.ndjson': { local: { crc: 1 }, central: { crc: 1 } } } }), {}, false, ways);
    expect(crc.report.errors.at(-1)?.code).toBe('ENTRY_CRC_MISMATCH');
    expect(crc.report.errors.filter((p) => p.code === 'AMOUNT_NEGATIVE').length).toBe(72);
    // a declared size smaller than the data: found part way through, with lines still on their way to a worker
    const short = await bothWays(pack(parts, { entryOptions: { 'cases.ndjson': { declaredSize: size - 512 * 1024 } } }), {}, false, ways);
    expect(short.report.errors.at(-1)?.code).toBe('LIMIT_BEYOND_DECLARED');
    expect(short.report.errors.length).toBeGreaterThan(30);
    expect(short.report.errors.length).toBeLessThan(72);
  });

  it('wait for an onCase that returns a promise, handing each record in order', SLOW, async () => {
    counter += 1;
    const path = writeInto(dir, `bundle-${counter}.cdbundle`, pack(withLines(Array.from({ length: 200 }, (_, i) => caseLine(100 + i)))));
    const seen: number[] = [];
    let busy = false;
    const report = await readBundle(path, {
      trust: [],
      requireSignature: false,
      caseLines: { workers: 2, minBytes: 0, batchBytes: 1024, awaitWorkers: true },
      onCase: async (_record, line) => {
        expect(busy).toBe(false);
        busy = true;
        await new Promise((resolve) => setImmediate(resolve));
        seen.push(line);
        busy = false;
      },
    });
    expect(report.valid).toBe(true);
    expect(seen).toEqual(Array.from({ length: 203 }, (_, i) => i + 1));
  });
});

describe('how many workers', () => {
  it('takes one per core but the reading thread\'s, at most four, fewer on busy cores: none on one core or when the cores are oversubscribed', () => {
    const cases: [number, number, number][] = [[2, 0, 1], [2, 2.4, 1], [2, 2.6, 0], [2, 10, 0], [1, 0, 0], [4, 0, 3], [8, 0, 4], [8, 5, 4], [8, 7, 2], [8, 9.6, 0]];
    expect(cases.map(([cores, load]) => workersForIdleCores(cores, load))).toEqual(cases.map(([, , workers]) => workers));
  });
});

describe('when the workers fail', () => {
  const script = (name: string, code: string): string => {
    const path = join(dir, name);
    writeFileSync(path, code);
    return path;
  };
  const READY = "require('node:worker_threads').parentPort.postMessage('council-desk-case-lines-ready');\n";
  const zip = () => pack(withLines(mixedLines()));

  it('checks every line on the reading thread when no worker can start, with the same report', SLOW, async () => {
    counter += 1;
    const path = writeInto(dir, `bundle-${counter}.cdbundle`, zip());
    const here = await read(path, { workers: 0 });
    for (const bad of [script('throws.cjs', "throw new Error('cannot load');"), join(dir, 'no-such-worker.cjs'), script('exits.cjs', 'process.exit(4);')]) {
      const there = await read(path, { workers: 2, minBytes: 0, awaitWorkers: true, script: bad });
      expect(there.how).toMatchObject({ workers: 0, linesInWorkers: 0 });
      expect(there.how!.fallback).toMatch(/worker thread/);
      expect(there.report).toEqual(here.report);
    }
    await expect.poll(liveCaseLineWorkers).toBe(0);
  });

  it.each([
    ['throws on a batch', "require('node:worker_threads').parentPort.on('message', () => { throw new Error('kaput'); });", /case-line worker thread failed: kaput/],
    ['answers with an error', "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: 'no verdicts' }));", /could not check a batch of lines: no verdicts/],
    ['exits', "require('node:worker_threads').parentPort.on('message', () => process.exit(3));", /stopped unexpectedly \(exit code 3\)/],
  ])('rejects with a clear error when a worker %s once started', SLOW, async (name, code, message) => {
    counter += 1;
    const path = writeInto(dir, `bundle-${counter}.cdbundle`, zip());
    const bad = script(`${name.replace(/\W/g, '-')}.cjs`, READY + code);
    await expect(read(path, { workers: 1, minBytes: 0, awaitWorkers: true, script: bad })).rejects.toThrow(message);
    await expect.poll(liveCaseLineWorkers).toBe(0);
  });

  it('ends the workers on an abort, which rejects as AbortError', SLOW, async () => {
    counter += 1;
    const path = writeInto(dir, `bundle-${counter}.cdbundle`, pack(withLines(Array.from({ length: 400 }, (_, i) => caseLine(100 + i)))));
    const controller = new AbortController();
    const reading = readBundle(path, {
      trust: [],
      requireSignature: false,
      signal: controller.signal,
      caseLines: { workers: 2, minBytes: 0, batchBytes: 1024, awaitWorkers: true },
      onCase: (_record, line) => {
        if (line === 50) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(liveCaseLineWorkers).toBe(0);
  });

  it('keeps an idle pool warm for the next read of the process, and starts no second one', SLOW, async () => {
    counter += 1;
    const path = writeInto(dir, `bundle-${counter}.cdbundle`, pack(withLines(Array.from({ length: 200 }, (_, i) => caseLine(100 + i)))));
    const here = await read(path, { workers: 0 });
    const way: CaseLineOptions = { workers: 2, minBytes: 0, batchBytes: 2048, awaitWorkers: true };
    const before = startedCaseLineWorkers();
    for (let i = 0; i < 3; i += 1) {
      const there = await read(path, way);
      expect(there.how).toMatchObject({ workers: 2 });
      expect(there.how!.linesInWorkers).toBeGreaterThan(0);
      expect(there.report).toEqual(here.report);
      // the same two workers each time: kept, not ended and started again
      expect(liveCaseLineWorkers()).toBe(2);
      expect(startedCaseLineWorkers() - before).toBe(2);
    }
    // another number of workers: the warm pool is ended, the new one kept
    await read(path, { ...way, workers: 1 });
    await expect.poll(liveCaseLineWorkers).toBe(1);
    endWarmCaseLineWorkers();
    await expect.poll(liveCaseLineWorkers).toBe(0);
  });

  it('lets the process exit while a pool waits warm', SLOW, async () => {
    counter += 1;
    const path = writeInto(dir, `bundle-${counter}.cdbundle`, pack(withLines(Array.from({ length: 200 }, (_, i) => caseLine(100 + i)))));
    const source = join(dir, `exit-${counter}.ts`);
    const child = join(dir, `exit-${counter}.cjs`);
    const folder = join(__dirname, '../../electron/services/bundle-reader');
    const script = join(folder, 'case-line-worker-source.cjs');
    writeFileSync(source, `import { readBundle } from ${JSON.stringify(join(folder, 'index.ts'))};
readBundle(${JSON.stringify(path)}, { trust: [], requireSignature: false, caseLines: { workers: 1, minBytes: 0, awaitWorkers: true, script: ${JSON.stringify(script)}, onChecked: (h) => console.log(JSON.stringify(h)) } })
  .then((r) => console.log(r.valid ? 'read' : 'invalid'));
`);
    await build({ entryPoints: [source], outfile: child, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    const started = Date.now();
    const out = execFileSync(process.execPath, [child], { encoding: 'utf8', timeout: 60_000 });
    expect(out).toContain('"linesInWorkers"');
    expect(out.trim().endsWith('read')).toBe(true);
    // it did not wait out the warm pool's minute
    expect(Date.now() - started).toBeLessThan(50_000);
  });
});
