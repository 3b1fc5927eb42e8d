/**
 * A Blob read in pieces, each hashed as it goes (SHA-256, incremental): the backup streams rows.json
 * and each evidence file this way. The page stays usable: a piece is read with an await, and hashed
 * a mebibyte at a time with a pause for the page in between, so no step holds the main thread long.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The most bytes one backupAppend carries from the page (the contract allows more; less keeps memory and each call small). */
export const BACKUP_PIECE_BYTES = 8 * 1024 * 1024;

/** Bytes hashed between two pauses for the page. */
const HASH_STEP_BYTES = 1024 * 1024;

/** Lets the page handle input and paint before the next step. */
export function pauseForPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export type Hasher = ReturnType<typeof sha256.create>;

export function newHasher(): Hasher {
  return sha256.create();
}

/** Adds `bytes` to the hash a step at a time, pausing for the page between steps. */
export async function hashInSteps(hasher: Hasher, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength; at += HASH_STEP_BYTES) {
    if (at > 0) await pauseForPage();
    hasher.update(bytes.subarray(at, at + HASH_STEP_BYTES));
  }
}

export function hexDigest(hasher: Hasher): string {
  return bytesToHex(hasher.digest());
}

/** The blob's bytes in pieces of at most `pieceBytes`, in order; an empty blob gives one empty piece. */
export async function* blobPieces(blob: Blob, pieceBytes: number = BACKUP_PIECE_BYTES): AsyncGenerator<{ bytes: Uint8Array; last: boolean }> {
  if (blob.size === 0) {
    yield { bytes: new Uint8Array(0), last: true };
    return;
  }
  for (let at = 0; at < blob.size; at += pieceBytes) {
    const end = Math.min(blob.size, at + pieceBytes);
    yield { bytes: new Uint8Array(await blob.slice(at, end).arrayBuffer()), last: end === blob.size };
  }
}

/** SHA-256 (hex) of a blob's bytes, read and hashed in pieces; `onBytes` hears each piece's size. */
export async function sha256OfBlob(blob: Blob, onBytes?: (bytes: number) => void): Promise<string> {
  const hasher = newHasher();
  for await (const { bytes } of blobPieces(blob)) {
    await hashInSteps(hasher, bytes);
    onBytes?.(bytes.byteLength);
  }
  return hexDigest(hasher);
}
