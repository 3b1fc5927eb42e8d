/** The evidence hashing worker (evidence-hasher.ts): the digests of the views it is told of, in order, and a worker that fails. */
import { createCipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EvidenceHasher } from '../../electron/services/bundle-reader/evidence-hasher';

const sha256 = (parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

/** Bytes in a SharedArrayBuffer, as the read-ahead's pieces are. */
function sharedNoise(length: number, seed: number): Buffer {
  const bytes = Buffer.from(new SharedArrayBuffer(length));
  createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16)).update(Buffer.alloc(length)).copy(bytes);
  return bytes;
}

describe('the evidence hashing worker', () => {
  it('gives each file its SHA-256, in order, from shared views and copied bytes alike, and drops a file given up', async () => {
    const hasher = new EvidenceHasher();
    try {
      const piece = sharedNoise(3 * 1024 * 1024, 1);
      const files: Uint8Array[][] = [];
      const digests: Promise<string>[] = [];
      // many small files (more than a batch ends), then one told in many views across the piece, one with copied bytes among them
      for (let i = 0; i < 300; i++) files.push([piece.subarray(i * 100, i * 100 + 1 + (i % 97))]);
      files.push([piece.subarray(100_000, 1_500_000), Buffer.from('a Huffman block, decoded'), piece.subarray(1_500_000, 3 * 1024 * 1024)]);
      files.push([]);
      for (const [i, parts] of files.entries()) {
        if (i === 150) {
          // a file given up half way (read again the ordinary way): its bytes count for no digest
          hasher.update(piece.subarray(0, 5000));
          hasher.drop();
        }
        for (const part of parts) hasher.update(part);
        digests.push(hasher.end());
      }
      hasher.flush();
      expect(await Promise.all(digests)).toEqual(files.map(sha256));
      expect(hasher.isFree(piece.buffer)).toBe(true);
    } finally {
      await hasher.close();
    }
  });

  it('holds a buffer until the worker has hashed it, and has the reading wait while more than a few megabytes wait', async () => {
    const hasher = new EvidenceHasher();
    try {
      const pieces = [sharedNoise(4 * 1024 * 1024, 2), sharedNoise(4 * 1024 * 1024, 3)];
      for (const p of pieces) hasher.update(p);
      const digest = hasher.end();
      expect(hasher.isFree(pieces[1]!.buffer)).toBe(false);
      const room = hasher.backlog();
      expect(room).toBeInstanceOf(Promise);
      await room;
      expect(await digest).toBe(sha256(pieces));
      expect(hasher.isFree(pieces[0]!.buffer) && hasher.isFree(pieces[1]!.buffer)).toBe(true);
      expect(hasher.backlog()).toBeUndefined();
    } finally {
      await hasher.close();
    }
  });

  it('rejects the digests not yet given when the worker fails, saying so', async () => {
    const hasher = new EvidenceHasher("require('node:worker_threads').parentPort.on('message', () => { throw new Error('broken on purpose'); });");
    try {
      hasher.update(sharedNoise(1000, 4));
      const digest = hasher.end();
      hasher.flush();
      await expect(digest).rejects.toThrow('the evidence hashing worker failed: broken on purpose');
      // and what is asked after it
      await expect(hasher.end()).rejects.toThrow('the evidence hashing worker failed');
    } finally {
      await hasher.close();
    }
  });
});
