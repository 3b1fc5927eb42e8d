/**
 * Issue 9, per-entry cost: a bundle of at most 10 MB can list about 50,000 tiny files, and each
 * used to cost the reader almost a millisecond (a stream, a pipeline, an async iterator). Read in
 * a child process (wall time and peak memory, generous bounds on a shared machine) and in this
 * one (cases and pieces handed on). Small entries are read whole (entry-chunks.ts, entryBytes),
 * large ones streamed: both must find the same problems with the same words, and abort alike.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidencePiece } from '../../shared/bundle-import';
import { readBundle } from '../../electron/services/bundle-reader';
import { pack, tinyParts } from './fixtures/bundle-parts';
import type { RawEntry } from './fixtures/raw-zip';
import { cliChild } from './fixtures/cli-child';
import { bundleFolder, readZip } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';
import { writeTinyEntriesBundle } from './fixtures/tiny-entries';

const dir = bundleFolder('council-desk-tiny-entries-');
const MiB = 1024 * 1024;

describe('50,000 tiny listed files', () => {
  it('validates 50,000 unreferenced one-byte files (a 7 MB bundle) in seconds, with a warning each', { timeout: 180_000 }, async () => {
    const bundle = writeTinyEntriesBundle(join(dir, 'unreferenced.cdbundle'), 50_000, false);
    expect(bundle.bytes).toBeLessThan(10e6);
    const run = await cliChild(['validate', bundle.path, '--json']);
    rmSync(bundle.path, { force: true });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ valid: true, caseCount: 3, errors: [], errorCount: 0, filesNotChecked: 0 });
    // the unsigned warning, then 999 of the 50,001 unreferenced files (the cap), in sorted order
    expect(out.warnings).toHaveLength(1000);
    expect(out.warnings[1]).toEqual({ file: 'evidence/1015-000003/t000000.txt', line: null, path: '', kind: 'evidence', message: 'is listed in the manifest, but no case points to it; it will not be imported' });
    expect(out.warnings[999].file).toBe('evidence/1015-000003/t000998.txt');
    expect(run.seconds).toBeLessThan(30);
    expect(run.peakMb).toBeLessThan(300);
  });

  it('validates 50,000 one-byte files that 500 cases point to, handing each on as one piece', { timeout: 180_000 }, async () => {
    const bundle = writeTinyEntriesBundle(join(dir, 'referenced.cdbundle'), 50_000, true);
    expect(bundle.bytes).toBeLessThan(10e6);
    const pieces: EvidencePiece[] = [];
    let cases = 0;
    const started = performance.now();
    const report = await readBundle(bundle.path, { trust: [], requireSignature: false, onCase: () => void (cases += 1), onEvidencePiece: (piece) => void pieces.push(piece) });
    const seconds = (performance.now() - started) / 1000;
    rmSync(bundle.path, { force: true });
    expect(report).toMatchObject({ valid: true, caseCount: 503, errors: [], errorCount: 0 });
    expect(report.warnings.map((w) => w.code)).toEqual(['UNSIGNED', 'EVIDENCE_UNREFERENCED']);
    expect(cases).toBe(503);
    // the tiny bundle's three referenced files and the 50,000, each one piece of its own
    expect(pieces).toHaveLength(50_003);
    expect(pieces.every((p) => p.last)).toBe(true);
    const tiny = pieces.filter((p) => p.file.startsWith('evidence/1015-9'));
    expect(tiny).toHaveLength(50_000);
    expect(tiny.every((p) => p.bytes.length === 1 && p.bytes[0] === 0x78 && p.bytes.byteLength === p.bytes.buffer.byteLength)).toBe(true);
    expect(tiny[0]!.file).toBe('evidence/1015-900000/t000.txt');
    expect(tiny.at(-1)!.file).toBe('evidence/1015-900499/t099.txt');
    expect(seconds).toBeLessThan(30);
  });

  it('stops at an abort among the tiny files', async () => {
    const bundle = writeTinyEntriesBundle(join(dir, 'abort.cdbundle'), 2_000, true);
    const controller = new AbortController();
    let pieces = 0;
    const reading = readBundle(bundle.path, {
      trust: [],
      requireSignature: false,
      signal: controller.signal,
      onEvidencePiece: () => {
        pieces += 1;
        if (pieces === 10) controller.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(pieces).toBe(10);
  });
});

const SMALL = 'evidence/1015-000003/small.txt';
const LARGE = 'evidence/1015-000003/large.txt';
// hex text packs to about half: 1.5 MiB declared is streamed, a ratio far under the guard
const largeBytes = bytesOf(randomBytes(0.75 * MiB).toString('hex'));
const smallBytes = bytesOf(randomBytes(500).toString('hex'));

/** The tiny bundle with one more listed file, its entry bent by `bend`, and the bytes changed by `damage`. */
async function readWith(name: string, data: Uint8Array, bend: Omit<RawEntry, 'name' | 'data'>, damage?: (zip: Uint8Array, dataAt: number) => void) {
  const parts = tinyParts();
  parts.files.set(name, data);
  const zip = pack(parts, { entryOptions: { [name]: bend } });
  // the first copy of the name is the local header's, and its packed data follows it
  const dataAt = Buffer.from(zip).indexOf(Buffer.from(name)) + name.length;
  damage?.(zip, dataAt);
  return readZip(dir, zip);
}

describe('the same checks, read whole or streamed', () => {
  const files: [string, string, Uint8Array][] = [
    ['read whole', SMALL, smallBytes],
    ['streamed', LARGE, largeBytes],
  ];
  describe.each(files)('a file %s', (_how, name, data) => {
    it('reads it when it is sound', async () => {
      const report = await readWith(name, data, {});
      expect(report.valid).toBe(true);
      expect(report.warnings.map((w) => [w.code, w.file])).toContainEqual(['EVIDENCE_UNREFERENCED', name]);
    });

    it('refuses it past its declared size, at once', async () => {
      const report = await readWith(name, data, { declaredSize: data.length - 10 });
      expect(report.errors).toEqual([
        {
          kind: 'limits',
          file: name,
          line: null,
          path: '',
          code: 'LIMIT_BEYOND_DECLARED',
          params: { declaredBytes: data.length - 10 },
          message: expect.stringMatching(/^unpacks to more than the .* the bundle's table of contents says/),
        },
      ]);
    });

    it('refuses it short of its declared size', async () => {
      const report = await readWith(name, data, { declaredSize: data.length + 10 });
      expect(report.errors).toMatchObject([{ kind: 'zip', file: name, code: 'ENTRY_CUT_SHORT', params: { actualBytes: data.length, declaredBytes: data.length + 10 } }]);
    });

    it('refuses it when its CRC-32 is not the one recorded', async () => {
      const report = await readWith(name, data, { local: { crc: 0x1234 }, central: { crc: 0x1234 } });
      expect(report.errors).toMatchObject([{ kind: 'zip', file: name, code: 'ENTRY_CRC_MISMATCH' }]);
    });

    it('refuses damaged packed data', async () => {
      const report = await readWith(name, data, {}, (zip, at) => zip.fill(0xff, at, at + 40));
      expect(report.errors).toMatchObject([{ kind: 'zip', file: name, code: 'ENTRY_DATA_DAMAGED', params: { detail: 'invalid block type' } }]);
    });
  });

  it('refuses a small entry whose directory says 1 KiB and that unpacks to 64 MiB', async () => {
    // 64 MiB of zeros deflates to about 64 KB: under the block, so it is read whole, inflated to 1 KiB + 1 at most
    const zeros = Buffer.alloc(64 * MiB);
    const report = await readWith(SMALL, zeros, { declaredSize: 1024 });
    expect(report.errors).toMatchObject([{ kind: 'limits', file: SMALL, code: 'LIMIT_BEYOND_DECLARED', params: { declaredBytes: 1024 } }]);
  });
});
