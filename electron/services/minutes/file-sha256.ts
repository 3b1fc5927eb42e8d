/**
 * The SHA-256 of a file as it is on the disk, read in pieces (a minutes PDF of a large meeting is
 * tens of megabytes): what an attestation lists, and what its verification compares. A regular
 * file only, opened without blocking, so a FIFO in its place cannot stall the reader.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

const PIECE_BYTES = 1024 * 1024;

export type FileSha256 = { sha256: string } | { missing: true } | { unreadable: string };

export async function fileSha256(path: string): Promise<FileSha256> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true } : { unreadable: (e as Error).message };
  }
  try {
    if (!(await handle.stat()).isFile()) return { unreadable: 'it is not a regular file' };
    const hash = createHash('sha256');
    const piece = Buffer.alloc(PIECE_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(piece, 0, PIECE_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(piece.subarray(0, bytesRead));
    }
    return { sha256: hash.digest('hex') };
  } catch (e) {
    return { unreadable: (e as Error).message };
  } finally {
    await handle.close();
  }
}
