/**
 * The evidence fast path's deflate reader (deflate-scan.ts, huffman-block.ts) against zlib: what
 * it puts out is zlib's output byte for byte, and where it is not sure (damaged, cut, trailing or
 * too compressible data) it says so (null) rather than guess.
 */
import { createCipheriv } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Turns } from '../../electron/services/bundle-reader/abort';
import { BlockFileReader } from '../../electron/services/bundle-reader/block-file-reader';
import { scanDeflated, scanStored, ScanScratch } from '../../electron/services/bundle-reader/deflate-scan';
import { EvidenceReadAhead, PIECE_BYTES } from '../../electron/services/bundle-reader/evidence-read-ahead';
import { bundleFolder } from './fixtures/read-helpers';

const dir = bundleFolder('council-desk-deflate-scan-');
let files = 0;

/** A seeded generator (mulberry32), so every run checks the same streams. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes that do not compress (a scan's or a photo's body): an AES-CTR key stream, seeded. */
function noise(length: number, random: () => number): Buffer {
  const key = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) key[i] = Math.floor(random() * 256);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length));
}

/** Text that does. */
function text(length: number, random: () => number): Buffer {
  const words = ['obj', 'endobj', 'stream', '/Length', '0 0 R', '%PDF-1.5', 'page', ' ', '\n'];
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const w = words[Math.floor(random() * words.length)]!;
    parts.push(w);
    size += w.length;
  }
  return Buffer.from(parts.join('')).subarray(0, length);
}

/**
 * The fast path's output for `packed` stored in a file after `before` other bytes (so pieces do
 * not start at 0), or null. Its declared size is `declared`.
 */
async function scan(packed: Uint8Array, declared: number, opts: { stored?: boolean; before?: number; huffmanBytes?: number } = {}): Promise<Buffer | null> {
  const before = opts.before ?? 1234;
  const path = join(dir, `scan-${(files += 1)}.bin`);
  writeFileSync(path, Buffer.concat([Buffer.alloc(before, 0x50), packed, Buffer.alloc(64, 0x4b)]));
  const fd = openSync(path, 'r');
  const ahead = new EvidenceReadAhead(new BlockFileReader(fd, before + packed.length + 64), [{ start: before, end: before + packed.length }]);
  const parts: Buffer[] = [];
  try {
    const target = { index: 0, start: before, end: before + packed.length, maxOutput: declared, huffmanBytes: opts.huffmanBytes ?? 2 ** 30, signal: undefined, turns: new Turns(), scratch: new ScanScratch(), hasher: null };
    // the views are good only during the call: copied at once
    const sink = (bytes: Buffer) => parts.push(Buffer.from(bytes));
    const n = opts.stored ? await scanStored(ahead, target, sink) : await scanDeflated(ahead, target, sink);
    if (n === null) return null;
    const out = Buffer.concat(parts);
    expect(out.length).toBe(n);
    return out;
  } finally {
    await ahead.close();
    closeSync(fd);
  }
}

/** Two outputs the same, byte for byte (compared whole: a diff of megabytes helps nobody). */
function expectSame(got: Buffer | null, expected: Buffer | null): void {
  expect(got === null ? null : { length: got.length, same: expected !== null && got.equals(expected) }).toEqual(expected === null ? null : { length: expected.length, same: true });
}

/** What zlib makes of the bytes, or null when it refuses them. */
function zlibOf(packed: Uint8Array): Buffer | null {
  try {
    return inflateRawSync(packed);
  } catch {
    return null;
  }
}

/** A stream of stored blocks (level 0) after a Huffman-coded head, each part ending on a byte: a scan as a ZIP program packs it, made by hand so each part's place is known. */
function headThenStored(head: Buffer, body: Buffer): { packed: Buffer; storedFrom: number } {
  const first = deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
  return { packed: Buffer.concat([first, deflateRawSync(body, { level: 0 })]), storedFrom: first.length };
}

describe('the fast path reads deflate as zlib does', () => {
  it('reads a scan as zlib packs it at level 6: a Huffman block for its head, then stored blocks', async () => {
    const random = seeded(1);
    const content = Buffer.concat([Buffer.from('%PDF-1.5\n'), text(3000, random), noise(3 * PIECE_BYTES + 777, random), Buffer.from('\n%%EOF\n')]);
    const packed = deflateRawSync(content);
    expect((packed[0]! >> 1) & 3).toBe(2);
    expectSame(await scan(packed, content.length), content);
  });

  it('reads Huffman blocks between stored ones whose distances reach back into the stored bytes, across pieces', async () => {
    const random = seeded(2);
    const head = text(5000, random);
    const first = deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    const before = 1234;
    // the stored part ends just after a piece's share: the history of the next Huffman block spans two pieces
    let bodyLength = PIECE_BYTES - first.length + 10_000;
    let stored = deflateRawSync(noise(bodyLength, random), { level: 0, finishFlush: constants.Z_SYNC_FLUSH });
    bodyLength -= first.length + stored.length - (PIECE_BYTES + 10_000);
    const body = noise(bodyLength, random);
    stored = deflateRawSync(body, { level: 0, finishFlush: constants.Z_SYNC_FLUSH });
    expect(first.length + stored.length - PIECE_BYTES).toBeGreaterThan(0);
    expect(first.length + stored.length - PIECE_BYTES).toBeLessThan(20_000);
    // the tail repeats the body's last 20 KB, so its matches reach 20-30 KB back, across the piece boundary
    const tail = Buffer.concat([body.subarray(body.length - 20_000), text(3000, random)]);
    const last = deflateRawSync(tail, { dictionary: Buffer.concat([head, body]).subarray(-32768) });
    const packed = Buffer.concat([first, stored, last]);
    const content = Buffer.concat([head, body, tail]);
    expectSame(zlibOf(packed), content);
    expectSame(await scan(packed, content.length, { before }), content);
  });

  it('reads every strategy and level of zlib, and more Huffman coding when allowed', async () => {
    const random = seeded(3);
    const strategies = [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED];
    for (let run = 0; run < 30; run++) {
      const content = Buffer.concat([text(Math.floor(random() * 100_000), random), noise(Math.floor(random() * 300_000), random), text(Math.floor(random() * 30_000), random)]);
      const packed = deflateRawSync(content, { level: [0, 1, 6, 9][run % 4]!, strategy: strategies[run % 5]!, memLevel: 1 + (run % 9) });
      expectSame(await scan(packed, content.length), content);
    }
  });

  it('gives up on more Huffman coding than its allowance, and on more output than declared', async () => {
    const random = seeded(4);
    const content = text(200_000, random);
    const packed = deflateRawSync(content);
    expect(await scan(packed, content.length, { huffmanBytes: 50_000 })).toBeNull();
    const scanned = headThenStored(text(1000, random), noise(300_000, random));
    const whole = zlibOf(scanned.packed)!;
    expect(await scan(scanned.packed, whole.length - 1)).toBeNull();
    expectSame(await scan(scanned.packed, whole.length), whole);
  });

  it('gives up on a damaged stored block, an invalid block type, a cut stream and bytes after the end', async () => {
    const random = seeded(5);
    const { packed, storedFrom } = headThenStored(text(3000, random), noise(200_000, random));
    const content = zlibOf(packed)!;
    const lengths = Buffer.from(packed);
    lengths[storedFrom + 3]! ^= 0x01; // NLEN no longer LEN's complement
    const type = Buffer.from(packed);
    type[storedFrom]! |= 0x06; // BTYPE 3
    const cases = [lengths, type, packed.subarray(0, packed.length - 100), packed.subarray(0, storedFrom + 2), Buffer.concat([packed, Buffer.from([0, 0])])];
    for (const bad of cases) expect(await scan(bad, content.length)).toBeNull();
  });

  it('puts out what zlib puts out, or nothing, for streams damaged at random', async () => {
    const random = seeded(6);
    let read = 0;
    for (let run = 0; run < 60; run++) {
      const content = Buffer.concat([text(Math.floor(random() * 20_000), random), noise(Math.floor(random() * 150_000), random)]);
      const packed = Buffer.from(deflateRawSync(content, { level: run % 2 === 0 ? 6 : 1 }));
      for (let k = 0; k < 1 + (run % 3); k++) packed[Math.floor(random() * packed.length)]! ^= 1 << Math.floor(random() * 8);
      const expected = zlibOf(packed);
      const got = await scan(packed, expected?.length ?? content.length);
      if (got === null) continue;
      expectSame(got, expected);
      read += 1;
    }
    // most flips land in stored bytes, which only the CRC-32 and the hash catch: read as zlib reads them
    expect(read).toBeGreaterThan(10);
  });

  it('reads a stored entry as it is, across pieces', async () => {
    const random = seeded(7);
    const content = noise(2 * PIECE_BYTES + 5, random);
    expectSame(await scan(content, content.length, { stored: true }), content);
    expect(await scan(content, content.length - 1, { stored: true })).toBeNull();
  });
});
