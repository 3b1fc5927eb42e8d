/**
 * The bundle file's block reader (block-file-reader.ts): the headers pass asks for several local
 * headers at once (zip-directory.ts reads eight ahead); those inside a block already being read wait
 * for it rather than reading the same bytes again: a bundle of 6,000 small files took 200 ms
 * for its directory when each of them read its own block. The bytes each caller gets are the
 * file's, and a failed read fails each caller waiting on it.
 */
import { closeSync, mkdtempSync, openSync, read, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlockFileReader } from '../../electron/services/bundle-reader/block-file-reader';

const dir = mkdtempSync(path.join(tmpdir(), 'council-desk-block-reader-'));
const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
const file = path.join(dir, 'file.bin');
writeFileSync(file, bytes);
const open: number[] = [];
afterEach(() => {
  while (open.length > 0) closeSync(open.pop()!);
});

/** A reader of the file whose fs.read calls are counted (and may be made to fail). */
function counted(fail = false) {
  const fd = openSync(file, 'r');
  open.push(fd);
  const reads: { position: number; length: number }[] = [];
  const readAt = ((fd: number, buffer: Buffer, offset: number, length: number, position: number, done: (err: Error | null, n: number) => void) => {
    reads.push({ position, length });
    if (fail) return void setImmediate(() => done(new Error('EIO: the stick was pulled'), 0));
    read(fd, buffer, offset, length, position, done);
  }) as unknown as typeof read;
  return { reader: new BlockFileReader(fd, bytes.length, readAt), reads };
}

describe('the block reader', () => {
  it('reads a block once for the headers asked for together inside it, and gives each its own bytes', async () => {
    const { reader, reads } = counted();
    const asked = [0, 100, 9_000, 30_000, 60_000, 65_000].map((at) => ({ at, length: 30 }));
    const got = await Promise.all(asked.map(({ at, length }) => reader.bytesAt(at, length, 64 * 1024)));
    expect(reads).toEqual([{ position: 0, length: 64 * 1024 }]);
    got.forEach((b, i) => expect(b.equals(bytes.subarray(asked[i]!.at, asked[i]!.at + 30))).toBe(true));
  });

  it('reads again for a range beyond the block being read, and serves the rest from the blocks', async () => {
    const { reader, reads } = counted();
    const at = [10, 200_000, 200_010];
    const got = await Promise.all(at.map((p) => reader.bytesAt(p, 20, 64 * 1024)));
    expect(reads.map((r) => r.position)).toEqual([10, 200_000]);
    got.forEach((b, i) => expect(b.equals(bytes.subarray(at[i]!, at[i]! + 20))).toBe(true));
  });

  it('fails every caller waiting on a block whose read failed', async () => {
    const { reader } = counted(true);
    const results = await Promise.allSettled([reader.bytesAt(0, 30, 64 * 1024), reader.bytesAt(1_000, 30, 64 * 1024)]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'read'))).toEqual(['EIO: the stick was pulled', 'EIO: the stick was pulled']);
  });
});
