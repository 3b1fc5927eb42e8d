/**
 * The key a backup is sealed under, from its passphrase: scrypt(passphrase, salt, N, r, p) gives
 * 64 bytes, the first 32 the AES-256-GCM key of the segments, the last 32 the key of keyCheck, a
 * 16-byte HMAC-SHA256 of a fixed text kept in the file's header (backup-format.ts). keyCheck tells
 * a wrong passphrase (it does not match) from a damaged file (it matches and a segment fails); it
 * tells an attacker no more than the first segment's tag would.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptParams } from './backup-format';

/** 64 MiB and about 0.2 s here: twice the usual 2^15, still quick enough to set or to restore with. */
export const DEFAULT_SCRYPT_COST = { N: 2 ** 16, r: 8, p: 1 } as const;

export type ScryptCost = Pick<ScryptParams, 'N' | 'r' | 'p'>;

export interface BackupKey {
  kdf: ScryptParams;
  aesKey: Buffer;
  checkKey: Buffer;
  /** base64 of the 16-byte key check (the header's keyCheck). */
  keyCheck: string;
}

const KEY_CHECK_TEXT = 'council-desk backup key check';

/** Fresh scrypt parameters: a new 16-byte salt. */
export function newKdf(cost: ScryptCost = DEFAULT_SCRYPT_COST): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function keyCheckOf(checkKey: Buffer): string {
  return createHmac('sha256', checkKey).update(KEY_CHECK_TEXT, 'utf8').digest().subarray(0, 16).toString('base64');
}

/** The key from its two halves (as kept by backup-passphrase.ts). */
export function backupKeyOf(kdf: ScryptParams, bytes: Uint8Array): BackupKey {
  if (bytes.length !== 64) throw new Error('a backup key is 64 bytes');
  const all = Buffer.from(bytes);
  const checkKey = all.subarray(32);
  return { kdf, aesKey: all.subarray(0, 32), checkKey, keyCheck: keyCheckOf(checkKey) };
}

export function deriveBackupKey(passphrase: string, kdf: ScryptParams): Promise<BackupKey> {
  const maxmem = 128 * kdf.N * kdf.r * kdf.p * 2 + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, bytes) => {
      if (error) reject(error);
      else resolve(backupKeyOf(kdf, bytes));
    });
  });
}

/** Whether the key is the one the header's keyCheck was made with. */
export function keyCheckMatches(key: BackupKey, keyCheck: string): boolean {
  const a = Buffer.from(key.keyCheck, 'base64');
  const b = Buffer.from(keyCheck, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}
