/**
 * Zip-bomb limits and cancelling. The bombs are made on the fly (fixtures/zip-bomb.ts), ~1.6 MB
 * on disk for 1.5 GiB of zeros; each must be refused quickly, in bounded memory.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle, type ReadBundleOptions } from '../../electron/services/bundle-reader';
import { InflateBudget, resolveLimits, shortfallProblem } from '../../electron/services/bundle-reader/limits';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { pack, sha256, tinyParts } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { bytesOf, tinyBundleContent } from './fixtures/tiny-bundle';
import { writeBombZip, type ZeroBomb } from './fixtures/zip-bomb';

const dir = bundleFolder('council-desk-bomb-');
const MiB = 1024 * 1024;

/** A manifest listing the bomb as cases.ndjson (its hash never matters: reading stops first). */
function bombBundle(name: string, bomb: Omit<ZeroBomb, 'name'>): string {
  const parts = tinyParts();
  const manifest = { ...parts.manifest, caseCount: 1, files: { 'cases.ndjson': sha256(bytesOf('never')) } };
  const path = join(dir, name);
  writeBombZip(path, [{ name: 'manifest.json', data: bytesOf(JSON.stringify(manifest)) }], { ...bomb, name: 'cases.ndjson' });
  return path;
}

/** Reads while sampling the resident memory; returns the report, the time taken and the peak growth. */
async function measured(path: string, options: Partial<ReadBundleOptions> = {}) {
  global.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = performance.now();
  try {
    const report = await readBundle(path, { trust: [], requireSignature: false, fileName: 'bomb.cdbundle', ...options });
    peak = Math.max(peak, process.memoryUsage.rss());
    return { report, ms: performance.now() - started, growthMb: (peak - before) / MiB };
  } finally {
    clearInterval(timer);
  }
}

describe('zip bombs', () => {
  it('refuses 1.5 GiB of zeros from its declared size, at once', async () => {
    const path = bombBundle('honest.cdbundle', { inflatedMiB: 1536 });
    const { report, ms, growthMb } = await measured(path);
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual([
      { kind: 'limits', file: 'cases.ndjson', line: null, path: '', message: 'says it unpacks to 1.5 GiB, more than the 256 MiB one file of a bundle may hold', code: 'LIMIT_ENTRY_SIZE_DECLARED', params: { sizeBytes: 1536 * MiB, maxBytes: 256 * MiB } },
    ]);
    expect(ms).toBeLessThan(3000);
    expect(growthMb).toBeLessThan(150);
  });

  it('refuses 1.5 GiB of zeros whose directory says 1 KiB, as soon as it inflates past that', async () => {
    const path = bombBundle('liar.cdbundle', { inflatedMiB: 1536, declaredSize: 1024 });
    const { report, ms, growthMb } = await measured(path);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ kind: 'limits', file: 'cases.ndjson' });
    expect(errorTexts(report)).toEqual(['cases.ndjson: unpacks to more than the 1 KiB the bundle\'s table of contents says: a sign of a "zip bomb" (or a damaged file)']);
    expect(ms).toBeLessThan(3000);
    expect(growthMb).toBeLessThan(150);
  });

  it('reads a lie just under the limits streaming, in bounded memory, and refuses it', async () => {
    // Declares 150 MiB (a ratio of about 100 to its 1.6 MB: under the guard), inflates to 1.5 GiB.
    const path = bombBundle('big-liar.cdbundle', { inflatedMiB: 1536, declaredSize: 150 * MiB });
    const { report, ms, growthMb } = await measured(path);
    expect(report.errors[0]).toMatchObject({ kind: 'limits', file: 'cases.ndjson' });
    expect(errorTexts(report)[0]).toContain('unpacks to more than the 150 MiB the bundle\'s table of contents says');
    // 150 MiB of zeros were inflated, hashed and scanned for line ends: all streaming.
    expect(growthMb).toBeLessThan(150);
    expect(ms).toBeLessThan(20_000);
  });

  it('refuses an entry whose declared sizes show a suspicious compression ratio', async () => {
    const path = bombBundle('ratio.cdbundle', { inflatedMiB: 8 });
    const { report } = await measured(path);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ kind: 'limits', file: 'cases.ndjson' });
    expect(report.errors[0]!.message).toMatch(/^unpacks to more than 200 times its packed size of 8\.1 KiB: a "zip bomb"/);
  });

  it('refuses a bundle whose entries add up to more than the total limit', async () => {
    const report = await readZip(dir, buildBundleZip(tinyBundleContent()).zip, { limits: { maxTotalBytes: 500 } });
    expect(report.errors).toEqual([{ kind: 'limits', file: 'batch7.cdbundle', line: null, path: '', message: 'says it unpacks to more than 500 bytes in all, more than a bundle may hold', code: 'LIMIT_TOTAL_DECLARED', params: { maxBytes: 500 } }]);
  });

  it('refuses more cases than a bundle may hold: from the manifest, and counted when the manifest says fewer', async () => {
    const declared = await readZip(dir, pack(tinyParts()), { limits: { maxCases: 1 } });
    expect(declared.errors).toHaveLength(1);
    expect(declared.errors[0]).toMatchObject({ kind: 'limits', file: 'manifest.json', line: null, path: 'caseCount', code: 'LIMIT_CASES_DECLARED', params: { max: 1 } });
    expect(declared.errors[0]!.message).toMatch(/^says the bundle holds \d+ cases, more than the 1 one bundle may hold/);

    const parts = tinyParts();
    parts.manifest.caseCount = 1;
    const counted: number[] = [];
    const report = await readZip(dir, pack(parts, { recount: false }), { limits: { maxCases: 1 }, onCase: (_c, line) => void counted.push(line) });
    expect(report.errors).toEqual([expect.objectContaining({ kind: 'limits', file: 'cases.ndjson', line: 2, path: '', code: 'LIMIT_CASES' })]);
    expect(counted).toEqual([1]);
  });

  it('refuses a manifest larger than 16 MiB', async () => {
    const parts = tinyParts();
    parts.manifest.title = 'x'.repeat(17 * MiB);
    const report = await readZip(dir, pack(parts), { limits: { maxCompressionRatio: 1e9 } });
    expect(report.errors).toEqual([{ kind: 'limits', file: 'manifest.json', line: null, path: '', message: 'unpacks to more than 16 MiB, more than one file of a bundle may hold', code: 'LIMIT_ENTRY_SIZE', params: { maxBytes: 16 * MiB } }]);
  });
});

describe('counting inflated bytes', () => {
  it('stops at the entry limit, the ratio guard and the total limit, on the bytes actually counted', () => {
    const budget = new InflateBudget(resolveLimits({ maxEntryBytes: 3 * MiB, maxTotalBytes: 5 * MiB, maxCompressionRatio: 10 }));
    const declared = (compressedSize: number) => ({ compressedSize, uncompressedSize: 3 * MiB });
    const a = budget.entry('a.pdf', declared(1 * MiB));
    expect(a.add(2 * MiB)).toBeNull();
    expect(a.add(2 * MiB)?.message).toBe('unpacks to more than 3 MiB, more than one file of a bundle may hold');

    const b = budget.entry('b.txt', declared(100 * 1024));
    expect(b.add(512 * 1024)).toBeNull(); // under 1 MiB: ratio not judged yet
    expect(b.add(600 * 1024)?.message).toBe('unpacks to more than 10 times its packed size of 100 KiB: a "zip bomb" that would fill the disk or the memory');

    expect(budget.totalBytes).toBe(4 * MiB + 1112 * 1024);
    const c = budget.entry('c.csv', declared(10 * MiB));
    expect(c.add(1 * MiB)).toEqual({ file: null, message: 'unpacks to more than 5 MiB in all, more than a bundle may hold', code: 'LIMIT_TOTAL', params: { maxBytes: 5 * MiB } });
  });

  it('stops at the first byte beyond the declared size, and knows a short entry', () => {
    const budget = new InflateBudget(resolveLimits());
    const d = budget.entry('d.csv', { compressedSize: 100, uncompressedSize: 1000 });
    expect(d.add(600)).toBeNull();
    expect(shortfallProblem(d, 1000)).toEqual({
      code: 'ENTRY_CUT_SHORT',
      params: { actualBytes: 600, declaredBytes: 1000 },
      message: "is cut short: it unpacks to 600 bytes, less than the 1,000 bytes the bundle's table of contents says",
    });
    expect(d.add(401)?.message).toBe('unpacks to more than the 1,000 bytes the bundle\'s table of contents says: a sign of a "zip bomb" (or a damaged file)');
  });

  it('refuses limits that are not positive numbers', () => {
    expect(() => resolveLimits({ maxEntries: 0 })).toThrow('bundle limit maxEntries must be a positive number, got 0');
  });
});

describe('cancelling', () => {
  const openFds = () => readdirSync('/proc/self/fd').length;

  it('rejects with AbortError in the middle of the cases, and closes the file', async () => {
    const path = join(dir, 'abort.cdbundle');
    writeFileSync(path, buildBundleZip(tinyBundleContent()).zip);
    const fdsBefore = openFds();
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = readBundle(path, {
      trust: [],
      requireSignature: false,
      signal: controller.signal,
      onCase: async (record) => {
        seen.push(record.caseId);
        if (seen.length === 2) controller.abort();
      },
      onEvidencePiece: () => void seen.push('evidence'),
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['1015-000001', '1015-000002']);
    await new Promise((r) => setTimeout(r, 50));
    expect(openFds()).toBeLessThanOrEqual(fdsBefore);
  });

  it('rejects at once when already aborted, and while streaming a large entry', async () => {
    const path = bombBundle('abort-bomb.cdbundle', { inflatedMiB: 1536, declaredSize: 200 * MiB });
    const aborted = new AbortController();
    aborted.abort();
    await expect(readBundle(path, { trust: [], requireSignature: false, signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    await expect(readBundle(path, { trust: [], requireSignature: false, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('passes on an error thrown by a callback', async () => {
    const path = join(dir, 'callback.cdbundle');
    writeFileSync(path, buildBundleZip(tinyBundleContent()).zip);
    await expect(
      readBundle(path, {
        trust: [],
        requireSignature: false,
        onCase: () => {
          throw new Error('the database is full');
        },
      }),
    ).rejects.toThrow('the database is full');
  });
});
