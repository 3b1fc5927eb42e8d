/**
 * A private key sealed with a passphrase, for a device without the system's secret store: the
 * passphrase gives a 256-bit key by scrypt (N=2^15, r=8, p=1, a random 16-byte salt for each
 * file), which encrypts with AES-256-GCM (a random 12-byte iv, the 16-byte tag checked on the way
 * back). A wrong passphrase and changed bytes look the same to GCM: both fail the tag.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { CouncilError } from '../../../shared/result';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
/** scrypt needs 128·N·r bytes (32 MiB here); Node's default ceiling is exactly that, so it is raised. */
const SCRYPT_MAXMEM = 2 * 128 * SCRYPT.N * SCRYPT.r;
const KEY_BYTES = 32;

const base64 = (bytes?: number) =>
  z.base64().refine((text) => bytes === undefined || Buffer.from(text, 'base64').length === bytes, { error: `must be ${bytes} bytes in base64` });

/** How the sealed key is written inside its key file (key-file.ts). The parameters are fixed: a file cannot ask for more work. */
export const passphraseSealSchema = z.strictObject({
  kdf: z.literal('scrypt'),
  N: z.literal(SCRYPT.N),
  r: z.literal(SCRYPT.r),
  p: z.literal(SCRYPT.p),
  salt: base64(16),
  cipher: z.literal('aes-256-gcm'),
  iv: base64(12),
  tag: base64(16),
  ciphertext: base64().refine((text) => text.length > 0, { error: 'must not be empty' }),
});
export type PassphraseSeal = z.infer<typeof passphraseSealSchema>;

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  const options: ScryptOptions = { ...SCRYPT, maxmem: SCRYPT_MAXMEM };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function sealWithPassphrase(plaintext: Uint8Array, passphrase: string): Promise<PassphraseSeal> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** The plaintext of a seal; CouncilError KEY_PASSPHRASE_WRONG when the tag does not check out. */
export async function openWithPassphrase(seal: PassphraseSeal, passphrase: string): Promise<Uint8Array> {
  const key = await deriveKey(passphrase, Buffer.from(seal.salt, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(seal.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(seal.tag, 'base64'));
  try {
    return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(seal.ciphertext, 'base64')), decipher.final()]));
  } catch {
    throw new CouncilError('KEY_PASSPHRASE_WRONG', 'The passphrase is wrong (or the key file was changed).');
  }
}
