/**
 * SHA-256 as lowercase hex, synchronous and the same in Node and Chromium (@noble/hashes).
 * Synchronous on purpose: the audit chain hashes each entry inside a Dexie transaction, which
 * must not await anything but Dexie (crypto.subtle would let the transaction commit early).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}
