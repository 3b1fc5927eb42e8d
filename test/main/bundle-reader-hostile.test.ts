/**
 * FORMATS.md: work and memory are bounded by the bytes read, not by what the bytes claim. Small
 * bundles that would make big work or big messages: hundreds of MiB of tiny lines (read by the
 * command line in a child process, its time and peak memory measured: generous bounds, on a shared
 * machine), lines built to make JSON.parse or the wording slow or huge, and a required signature
 * refused before any line is parsed.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../shared/schemas/case-record';
import { jsonShapeBreach } from '../../electron/services/bundle-reader/json-shape';
import { MAX_CASE_LINE_VALUES, MAX_JSON_DEPTH, SHAPE_CHECK_MIN_LINE_BYTES } from '../../electron/services/bundle-reader/limits';
import { readBundle } from '../../electron/services/bundle-reader';
import { casesOf, pack, sha256, tinyParts } from './fixtures/bundle-parts';
import { cliChild } from './fixtures/cli-child';
import { writeBlankLinesBundle, writeBraceLinesBundle, writeLinesBundle } from './fixtures/hostile-bundles';
import { assertCoded, bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-hostile-');
const MiB = 1024 * 1024;

/** The bundle at `path` while `use` runs, deleted after (they inflate to hundreds of MiB; the files are ~1.4 MB). */
async function withBundle<T>(path: string, use: () => Promise<T>): Promise<T> {
  try {
    return await use();
  } finally {
    rmSync(path, { force: true });
  }
}

describe('hundreds of MiB of tiny lines', () => {
  it('refuses 254 MiB of "{}" lines in a 1.4 MB bundle in seconds, counting the lines it did not check', { timeout: 180_000 }, async () => {
    const bundle = writeBraceLinesBundle(join(dir, 'braces.cdbundle'));
    expect(bundle.bytes).toBeLessThan(1.5 * MiB);
    const run = await withBundle(bundle.path, () => cliChild(['validate', bundle.path, '--json']));
    expect(run.status).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.errors).toHaveLength(1000);
    expect(out.errors[0]).toMatchObject({ file: 'cases.ndjson', line: 1, path: 'caseId', message: 'is missing' });
    // each "{}" line is worth 9 errors; checking stopped after the line that reached 1,000
    const checked = Math.ceil(1000 / 9);
    expect(out.errorCount).toBe(checked * 9);
    expect(out.linesNotChecked).toBe(bundle.lines - checked);
    expect(out.warnings.at(-1)).toEqual({
      file: 'cases.ndjson',
      line: null,
      path: '',
      kind: 'case',
      message: `holds ${(bundle.lines - checked).toLocaleString('en-US')} more lines (from line ${checked + 1} on) that were not checked: checking stops once 1,000 errors are found`,
    });
    expect(run.seconds).toBeLessThan(60);
    expect(run.peakMb).toBeLessThan(300);
  });

  it('reads 250 MiB of blank lines in seconds, with one warning for the run', { timeout: 180_000 }, async () => {
    const bundle = writeBlankLinesBundle(join(dir, 'blank.cdbundle'));
    expect(bundle.bytes).toBeLessThan(1.5 * MiB);
    const run = await withBundle(bundle.path, () => cliChild(['validate', bundle.path, '--json']));
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ valid: true, caseCount: 0, errors: [], linesNotChecked: 0 });
    expect(out.warnings.map((w: { message: string }) => w.message)).toEqual([
      'the bundle is not signed, so nobody vouches for where it comes from',
      'is empty and was skipped, and so are the 262,143,999 lines after it (to line 262,144,000)',
    ]);
    expect(run.status).toBe(0);
    expect(run.seconds).toBeLessThan(60);
    expect(run.peakMb).toBeLessThan(300);
  });

  it('refuses 250 lines of 1 MiB strings each, each with its one error, in bounded time and memory', { timeout: 180_000 }, async () => {
    const bundle = writeLinesBundle(join(dir, 'strings.cdbundle'), `"${'x'.repeat(MiB - 3)}"\n`, 250);
    const run = await withBundle(bundle.path, () => cliChild(['validate', bundle.path, '--json']));
    const out = JSON.parse(run.stdout);
    expect(out.errorCount).toBe(250 + 1); // one a line, and caseCount
    expect(out.errors[0]).toMatchObject({ line: 1, message: 'must be a group of fields ({...})' });
    expect(run.seconds).toBeLessThan(60);
    expect(run.peakMb).toBeLessThan(300);
  });
});

describe('short lines that JSON.parse finds slow', () => {
  it('refuses 254 MiB of lines just too short for the shape check, each nested as deep as it can be, in seconds', { timeout: 180_000 }, async () => {
    const depth = (SHAPE_CHECK_MIN_LINE_BYTES - 2) / 2;
    const bundle = writeLinesBundle(join(dir, 'short-deep.cdbundle'), `${'['.repeat(depth)}${']'.repeat(depth)}\n`, 254);
    const run = await withBundle(bundle.path, () => cliChild(['validate', bundle.path, '--json']));
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.errors).toHaveLength(1000);
    expect(out.errors[0]).toMatchObject({ line: 1, message: 'must be a group of fields ({...})' });
    expect(out.linesNotChecked).toBeGreaterThan(10_000);
    expect(run.seconds).toBeLessThan(60);
    expect(run.peakMb).toBeLessThan(300);
  });
});

describe('lines that would make big work or big messages', () => {
  /** cases.ndjson of the tiny bundle replaced by `text`; caseCount and hashes still right. */
  const readLines = (text: string) => {
    const parts = tinyParts();
    parts.files.set('cases.ndjson', bytesOf(text));
    return readZip(dir, pack(parts));
  };
  /** Every problem of the report is short, whatever the input quoted. */
  const expectShortProblems = (report: Awaited<ReturnType<typeof readZip>>, max = 2000) => {
    for (const p of [...report.errors, ...report.warnings]) expect(JSON.stringify(p).length).toBeLessThan(max);
  };

  it('refuses a line nested 500,000 deep without parsing it', async () => {
    const report = await readLines(`${'['.repeat(500_000)}${']'.repeat(500_000)}\n`);
    expect(errorTexts(report)[0]).toBe(`cases.ndjson line 1: nests lists or groups of fields more than ${MAX_JSON_DEPTH} deep; a case nests 3 deep, so this line was not read`);
  });

  it('refuses a line of 100,000 keys without parsing it', async () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"${i}":0`).join(',');
    const report = await readLines(`{${keys}}\n`);
    expect(errorTexts(report)[0]).toBe(`cases.ndjson line 1: holds more than ${MAX_CASE_LINE_VALUES.toLocaleString('en-US')} values; one case holds a few thousand at most, so this line was not read`);
    expectShortProblems(report);
  });

  it('cuts a long key in a path to a few hundred characters', async () => {
    const base = casesOf(tinyParts())[0]!;
    // random text: the ratio guard would refuse a key of one letter repeated
    const key = `k${randomBytes(300_000).toString('hex')}`;
    const report = await readLines(`${JSON.stringify({ ...base, [key]: 1 })}\n{"${randomBytes(200_000).toString('hex')}":1}\n`);
    const unknown = report.errors.find((p) => p.code === 'FIELD_UNKNOWN')!;
    expect(unknown.path).toBe(`["${key.slice(0, 200)}…and 599,801 more characters"]`);
    expect(report.errors.filter((p) => p.code === 'FIELD_UNKNOWN')).toHaveLength(2);
    expectShortProblems(report);
  });

  it('keeps a one-string line and a JSON parser\'s detail short', async () => {
    // random text: the ratio guard would refuse a line of one letter repeated
    const text = (chars: number) => randomBytes(chars / 2).toString('hex');
    const report = await readLines(`"${text(MiB - 10)}"\n{"a": ${text(500_000)}\n`);
    expect(errorTexts(report).slice(0, 2)).toEqual(['cases.ndjson line 1: must be a group of fields ({...})', expect.stringMatching(/^cases\.ndjson line 2: is not a readable case: the line is not valid JSON/)]);
    expectShortProblems(report);
  });

  it('cuts a long file name the manifest lists, and refuses a manifest nested too deep', async () => {
    const withLong = tinyParts();
    const name = `evidence/${'n'.repeat(1_000_000)}`;
    withLong.manifest.files = { ...Object.fromEntries([...withLong.files].map(([file, bytes]) => [file, sha256(bytes)])), [name]: 'a'.repeat(64) };
    const report = await readZip(dir, pack(withLong, { relist: false }));
    expect(report.errors.map((p) => p.code)).toContain('FILE_LISTED_MISSING');
    expectShortProblems(report);
    const deep = tinyParts();
    deep.manifest.title = JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`);
    const refused = await readZip(dir, pack(deep));
    expect(errorTexts(refused)).toEqual([`manifest.json: nests lists or groups of fields more than ${MAX_JSON_DEPTH} deep, so it was not read`]);
  });
});

describe('the look at a line\'s shape before JSON.parse', () => {
  const limits = { maxDepth: 3, maxValues: 5 };
  const breach = (text: string) => jsonShapeBreach(Buffer.from(text), limits);

  it('counts nesting and values outside strings only, escapes as JSON reads them', () => {
    expect(breach('[[[1]]]')).toBeNull();
    expect(breach('[[[[1]]]]')).toBe('depth');
    expect(breach('[1,2,3,4,5]')).toBeNull();
    expect(breach('[1,2,3,4,5,6]')).toBe('values');
    expect(breach('{"a":"[[[[,,,,,,{{{{"}')).toBeNull();
    expect(breach('{"a":"\\"[[[[,,,,,,"}')).toBeNull();
    expect(breach('{"a":"\\\\",,,,,,}')).toBe('values');
    expect(breach('{"a\\\\\\"":[[[[1]]]]}')).toBe('depth');
    expect(breach('"never ends [[[[[')).toBeNull();
  });

  it('lets through a case at every limit of the schema', () => {
    const base = casesOf(tinyParts())[0]!;
    const biggest = {
      ...base,
      services: Array.from({ length: 20 }, (_, i) => `service-${i}`),
      dailySales: Array.from({ length: 400 }, (_, i) => ({ date: new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10), amount: i })),
      documents: Array.from({ length: 100 }, (_, i) => ({ kind: 'sales-loss-proof', title: `doc ${i}`, file: `evidence/${base.caseId}/f${i}.csv`, mediaType: 'text/csv' })),
    };
    expect(caseRecordSchema.safeParse(biggest).success).toBe(true);
    expect(jsonShapeBreach(Buffer.from(JSON.stringify(biggest)), { maxDepth: MAX_JSON_DEPTH, maxValues: MAX_CASE_LINE_VALUES })).toBeNull();
    expect(jsonShapeBreach(Buffer.from(JSON.stringify(biggest)), { maxDepth: 3, maxValues: 2_000 })).toBeNull();
  });
});

describe('a required signature', () => {
  it('refuses an unsigned bundle before any case line is parsed, however many lines it holds', { timeout: 120_000 }, async () => {
    const bundle = writeBraceLinesBundle(join(dir, 'unsigned-braces.cdbundle'));
    const cases: number[] = [];
    const started = performance.now();
    const report = await withBundle(bundle.path, async () =>
      assertCoded(await readBundle(bundle.path, { trust: [], requireSignature: true, onCase: (_r, line) => void cases.push(line) })),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(cases).toEqual([]);
    // every "{}" line checked would be nine case errors: there are none, and no line was counted either
    expect(report.errors.map((p) => p.code)).toEqual(['UNSIGNED_REFUSED']);
    expect(report.linesNotChecked).toBe(0);
    expect(seconds).toBeLessThan(10);
  });
});
