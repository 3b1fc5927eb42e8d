/**
 * Evidence read by the fast path (evidence-scan.ts: stored and deflated scans and photos hashed
 * straight from the read-ahead pieces) gives the report the ordinary way gives, whole: for sound
 * bundles, and for every way an evidence entry can be broken, in the same order and words.
 */
import { createCipheriv } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BundleReport } from '../../shared/bundle-report';
import type { EvidenceOptions, ReadBundleOptions } from '../../electron/services/bundle-reader';
import { PIECE_BYTES } from '../../electron/services/bundle-reader/evidence-read-ahead';
import { editCase, pack, sha256, tinyParts, type BundleParts, type PackOptions } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { jpegOf, pngOf } from './fixtures/image-headers';
import type { RawEntry } from './fixtures/raw-zip';

const dir = bundleFolder();
const CASE = 'evidence/1015-000003';

/** Bytes that do not compress, seeded by `seed`. */
function noise(length: number, seed: number): Buffer {
  return createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16)).update(Buffer.alloc(length));
}

/** A scanned page as a PDF: a text head (which zlib codes with Huffman codes), a body that does not compress. */
function scan(size: number, seed: number): Buffer {
  const head = Buffer.from(`%PDF-1.5\n${'1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'.repeat(20)}4 0 obj\n<< /Length ${size} >>\nstream\n`);
  return Buffer.concat([head, noise(size, seed), Buffer.from('\nendstream\nendobj\n%%EOF\n')]);
}

function photo(size: number, seed: number): Buffer {
  return Buffer.concat([jpegOf(4000, 3000), noise(size, seed), Buffer.from([0xff, 0xd9])]);
}

/** Case 3 with scans and photos, stored and deflated, small and larger than a read-ahead piece. */
function evidenceParts(): { parts: BundleParts; stored: string[] } {
  const parts = tinyParts();
  const files: [string, Buffer, string][] = [
    [`${CASE}/a-small.pdf`, scan(150_000, 1), 'application/pdf'],
    [`${CASE}/b-large.pdf`, scan(PIECE_BYTES * 2 + 12_345, 2), 'application/pdf'],
    [`${CASE}/c-stored.jpg`, photo(PIECE_BYTES + 999, 3), 'image/jpeg'],
    [`${CASE}/d-small.jpg`, photo(80_000, 4), 'image/jpeg'],
    [`${CASE}/e-photo.png`, Buffer.concat([pngOf(1200, 900), noise(60_000, 5)]), 'image/png'],
    [`${CASE}/f-stored.pdf`, scan(40_000, 6), 'application/pdf'],
  ];
  editCase(parts, 3, (r) => (r.documents = files.map(([file, , mediaType]) => ({ kind: 'other', title: file, file, mediaType }))));
  for (const [file, bytes] of files) parts.files.set(file, bytes);
  // no case points to it: hashed only
  parts.files.set(`${CASE}/g-unreferenced.bin`, noise(300_000, 7));
  return { parts, stored: [`${CASE}/c-stored.jpg`, `${CASE}/f-stored.pdf`] };
}

function packed(parts: BundleParts, stored: string[], entryOptions: Record<string, Omit<RawEntry, 'name' | 'data'>> = {}, opts: PackOptions = {}): Uint8Array {
  return pack(parts, { ...opts, entryOptions: { ...Object.fromEntries(stored.map((name) => [name, { method: 0 }])), ...entryOptions } });
}

/** The three ways: the fast path hashing on a worker thread, on this one, and the ordinary way. */
const WAYS: EvidenceOptions[] = [{ hashWorker: true }, { hashWorker: false }, { fastPath: false }];

/** Read every way: the reports must be the same, whole. */
async function both(zip: Uint8Array, options: Partial<ReadBundleOptions> = {}): Promise<BundleReport> {
  const [first, ...others] = await Promise.all(WAYS.map((evidence) => readZip(dir, zip, { ...options, evidence })));
  for (const other of others) expect(other).toEqual(first);
  return first!;
}

/** A deflated entry written as given: `packed` for its data, the CRC-32 and size of `content`. */
function rawDeflate(packedBytes: Uint8Array, content: Uint8Array): Omit<RawEntry, 'name' | 'data'> & { data: Uint8Array } {
  const fields = { method: 8, crc: crc32(content), size: content.length };
  return { data: packedBytes, method: 0, local: fields, central: fields };
}

describe('evidence read straight from the file (the fast path)', () => {
  it('validates stored and deflated scans and photos, small and large, as the ordinary way does', async () => {
    const { parts, stored } = evidenceParts();
    const report = await both(packed(parts, stored));
    expect(errorTexts(report)).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('gives the same report when the files are not in the ZIP in the order they are read', async () => {
    const { parts, stored } = evidenceParts();
    const reordered: BundleParts = { manifest: parts.manifest, files: new Map([...parts.files].reverse()) };
    expect((await both(packed(reordered, stored))).valid).toBe(true);
  });
});

/** Each way an evidence entry can be broken, as a change to the packed bundle. */
function broken(): [string, (p: ReturnType<typeof evidenceParts>) => Uint8Array, string][] {
  const big = `${CASE}/b-large.pdf`;
  const small = `${CASE}/a-small.pdf`;
  const storedJpg = `${CASE}/c-stored.jpg`;
  /** The large scan deflated by hand (a Huffman head, stored blocks after it), with `edit` applied to its packed bytes. */
  const bent = (p: ReturnType<typeof evidenceParts>, name: string, edit: (bytes: Buffer, storedFrom: number) => Buffer) => {
    const content = Buffer.from(p.parts.files.get(name)!);
    const head = deflateRawSync(content.subarray(0, 1000), { finishFlush: constants.Z_SYNC_FLUSH });
    const body = deflateRawSync(content.subarray(1000), { level: 0 });
    const entry = rawDeflate(edit(Buffer.concat([head, body]), head.length), content);
    const { data, ...options } = entry;
    const parts: BundleParts = { manifest: p.parts.manifest, files: new Map(p.parts.files) };
    parts.files.set(name, data);
    // listed with the content's hash, not the packed bytes'
    return packed(parts, p.stored, { [name]: options }, { relist: false });
  };
  const listed = (p: ReturnType<typeof evidenceParts>) => {
    p.parts.manifest.files = Object.fromEntries([...p.parts.files].map(([name, bytes]) => [name, sha256(bytes)]));
    return p;
  };
  return [
    ['a CRC-32 that does not match (deflated)', (p) => packed(p.parts, p.stored, { [big]: { local: { crc: 1 }, central: { crc: 1 } } }), 'ENTRY_CRC_MISMATCH'],
    ['a CRC-32 that does not match (stored)', (p) => packed(p.parts, p.stored, { [storedJpg]: { method: 0, local: { crc: 7 }, central: { crc: 7 } } }), 'ENTRY_CRC_MISMATCH'],
    ['a declared size larger than the content', (p) => packed(p.parts, p.stored, { [small]: { declaredSize: 150_000 + 2000 } }), 'ENTRY_CUT_SHORT'],
    ['a declared size smaller than the content', (p) => packed(p.parts, p.stored, { [big]: { declaredSize: 3_000_000 } }), 'LIMIT_BEYOND_DECLARED'],
    ['a stored block whose lengths disagree', (p) => bent(listed(p), big, (b, at) => (b[storedBlocks(b, at)[3]! + 3]! ^= 0x10, b)), 'ENTRY_DATA_DAMAGED'],
    ['a block of type 3 in the middle', (p) => bent(listed(p), big, (b, at) => (b[storedBlocks(b, at)[5]!]! |= 0x06, b)), 'ENTRY_DATA_DAMAGED'],
    ['deflate data cut short', (p) => bent(listed(p), big, (b) => b.subarray(0, b.length - 70_000)), 'ENTRY_DATA_DAMAGED'],
    // zlib stops at the final block and never looks at them: no problem either way
    ['bytes after the deflate data ends', (p) => bent(listed(p), big, (b) => Buffer.concat([b, Buffer.from([1, 2, 3])])), ''],
    ['a byte changed in a stored block (the CRC-32 catches it)', (p) => bent(listed(p), big, (b, at) => (b[at + 100_000]! ^= 0x01, b)), 'ENTRY_CRC_MISMATCH'],
    ['a listed hash that is not the file\'s', (p) => {
      p.parts.manifest.files = Object.fromEntries([...p.parts.files].map(([name, bytes]) => [name, name === big ? '0'.repeat(64) : sha256(bytes)]));
      return packed(p.parts, p.stored, {}, { relist: false });
    }, 'HASH_MISMATCH'],
  ];
}

/** Where each stored block of a stream of stored blocks from `from` on starts. */
function storedBlocks(bytes: Buffer, from: number): number[] {
  const starts: number[] = [];
  for (let at = from; at < bytes.length; at += 5 + bytes.readUInt16LE(at + 1)) starts.push(at);
  return starts;
}

describe('broken evidence entries, the fast path against the ordinary way', () => {
  it.each(broken())('%s: the same problems, in the same order and words', async (_what, make, code) => {
    const report = await both(make(evidenceParts()));
    expect(report.errors.map((e) => e.code)).toEqual(code === '' ? [] : [code]);
  });

  it('stops checking files at the same one when the error cap is reached', async () => {
    const { parts, stored } = evidenceParts();
    parts.manifest.files = Object.fromEntries([...parts.files].map(([name, bytes]) => [name, name.startsWith(CASE) ? 'f'.repeat(64) : sha256(bytes)]));
    const report = await both(packed(parts, stored, {}, { relist: false }), { limits: { maxErrors: 3 } });
    expect(report.errors.map((e) => e.code)).toEqual(['HASH_MISMATCH', 'HASH_MISMATCH', 'HASH_MISMATCH']);
    expect(report.filesNotChecked).toBeGreaterThan(0);
  });

  it('rejects with AbortError when aborted as the evidence is read, as the ordinary way does', async () => {
    const { parts, stored } = evidenceParts();
    const zip = packed(parts, stored);
    for (const evidence of WAYS) {
      const controller = new AbortController();
      // after the last case, before the evidence
      const onCase = (_record: unknown, line: number) => void (line === 3 && setImmediate(() => controller.abort()));
      await expect(readZip(dir, zip, { signal: controller.signal, evidence, onCase })).rejects.toMatchObject({ name: 'AbortError' });
    }
  });
});
