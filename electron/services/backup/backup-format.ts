/**
 * The bytes of a backup file (.cdbackup), and sealing and opening its segments:
 *
 *   CDBACKUP1\n                      the magic, 10 bytes
 *   {…}\n                            the header: one line of JSON (below), at most 16 KiB
 *   segment 0, segment 1, …          the ZIP inside (manifest.json, rows.json, evidence/<sha256>),
 *                                    cut into segments and each sealed with AES-256-GCM
 *
 * The header: {format: 1, kdf: {name: "scrypt", N, r, p, salt}, keyCheck, cipher:
 * "aes-256-gcm-segments", segmentBytes, noncePrefix, kind, createdAt}; salt, keyCheck and
 * noncePrefix in base64. The passphrase gives 64 bytes by scrypt(passphrase, salt, N, r, p): the
 * first 32 are the AES-256 key, the last 32 make keyCheck (backup-key.ts), which tells a wrong
 * passphrase from a damaged file.
 *
 * Each segment is `segmentBytes` (1 MiB) of the ZIP, the last one shorter or as long (never empty),
 * sealed as AES-256-GCM with the nonce noncePrefix (8 random bytes of this file) followed by the
 * segment's number (uint32, big-endian, from 0), and the additional data the header's bytes
 * (magic and newline included) followed by one byte: 1 for the last segment, 0 for every other.
 * A segment is its ciphertext (as long as its plaintext) followed by its 16-byte tag.
 *
 * So every changed byte fails a tag (of the header: every segment's); segments swapped or moved
 * fail (the number is in the nonce); a file cut at a segment's end fails (the segment before the
 * cut was sealed as not the last); segments of another file fail (another nonce prefix).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BACKUP_KINDS, type BackupKind } from '../../../shared/api';

export const BACKUP_MAGIC = 'CDBACKUP1\n';
export const SEGMENT_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
export const NONCE_PREFIX_BYTES = 8;
/** The longest header line a reader takes. */
export const MAX_HEADER_BYTES = 16 * 1024;

const base64 = (min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((s) => {
      const n = Buffer.from(s, 'base64').length;
      return n >= min && n <= max;
    }, `must be ${min === max ? min : `${min} to ${max}`} bytes in base64`);

/** The scrypt parameters a reader accepts: no header may make it spend more than 256 MiB or a few seconds. */
export const scryptParamsSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .refine((n) => n >= 2 ** 10 && n <= 2 ** 20 && (n & (n - 1)) === 0, 'must be a power of 2 from 2^10 to 2^20'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64(16, 64),
});

export type ScryptParams = z.infer<typeof scryptParamsSchema>;

export const backupHeaderSchema = z
  .strictObject({
    format: z.literal(1),
    kdf: scryptParamsSchema,
    keyCheck: base64(16, 16),
    cipher: z.literal('aes-256-gcm-segments'),
    segmentBytes: z.number().int().min(4096).max(16 * 1024 * 1024),
    noncePrefix: base64(NONCE_PREFIX_BYTES, NONCE_PREFIX_BYTES),
    kind: z.enum(BACKUP_KINDS),
    createdAt: z.iso.datetime(),
  })
  .refine((h) => 128 * h.kdf.N * h.kdf.r * h.kdf.p <= 256 * 1024 * 1024, { message: 'asks scrypt for more than 256 MiB', path: ['kdf'] });

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** A new file's header (a fresh nonce prefix). */
export function newHeader(kdf: ScryptParams, keyCheck: string, kind: BackupKind, createdAt: string, segmentBytes = SEGMENT_BYTES): BackupHeader {
  return { format: 1, kdf, keyCheck, cipher: 'aes-256-gcm-segments', segmentBytes, noncePrefix: randomBytes(NONCE_PREFIX_BYTES).toString('base64'), kind, createdAt };
}

/** The magic, the header's JSON and its newline: the file's first bytes, and every segment's additional data. */
export function encodeHeader(header: BackupHeader): Buffer {
  return Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`, 'utf8');
}

/** Why a file's first bytes are no backup header; `notBackup` when it does not even begin with the magic. */
export class HeaderError extends Error {
  constructor(
    message: string,
    readonly notBackup: boolean,
  ) {
    super(message);
  }
}

/** The header at the start of `start` (the file's first bytes, at least MAX_HEADER_BYTES + the magic when the file is that long). */
export function decodeHeader(start: Uint8Array): { header: BackupHeader; headerBytes: Buffer } {
  const bytes = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
  if (bytes.length < BACKUP_MAGIC.length || bytes.subarray(0, BACKUP_MAGIC.length).toString('latin1') !== BACKUP_MAGIC) {
    throw new HeaderError('it does not begin with "CDBACKUP1": it is no Council Desk backup', true);
  }
  const end = bytes.indexOf(0x0a, BACKUP_MAGIC.length);
  if (end === -1 || end - BACKUP_MAGIC.length > MAX_HEADER_BYTES) throw new HeaderError('its header line has no end', false);
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(BACKUP_MAGIC.length, end).toString('utf8'));
  } catch {
    throw new HeaderError('its header is not JSON', false);
  }
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HeaderError(`its header's ${issue.path.join('.') || 'value'} ${issue.message}`, false);
  }
  return { header: parsed.data, headerBytes: Buffer.from(bytes.subarray(0, end + 1)) };
}

function nonceOf(prefix: Buffer, index: number): Buffer {
  if (!Number.isSafeInteger(index) || index < 0 || index > 0xffff_ffff) throw new RangeError(`segment ${index} is beyond the nonce's counter`);
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  return nonce;
}

function aadOf(headerBytes: Buffer, last: boolean): Buffer {
  return Buffer.concat([headerBytes, Buffer.of(last ? 1 : 0)]);
}

/** Seals one segment: its ciphertext and tag. */
export function sealSegment(key: Buffer, headerBytes: Buffer, noncePrefix: Buffer, index: number, plain: Uint8Array, last: boolean): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(noncePrefix, index));
  cipher.setAAD(aadOf(headerBytes, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Opens one segment: its plaintext, or null when its tag does not check (changed, moved, cut, or sealed as another). */
export function openSegment(key: Buffer, headerBytes: Buffer, noncePrefix: Buffer, index: number, sealed: Uint8Array, last: boolean): Buffer | null {
  if (sealed.length <= TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(noncePrefix, index));
  decipher.setAAD(aadOf(headerBytes, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([plain, decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * The plaintext cut into segments as it comes: a full segment is sealed only once more bytes come
 * after it, so the last one, whole or short, is sealed as the last by end().
 */
export class SegmentSealer {
  private readonly pending: Buffer;
  private filled = 0;
  private index = 0;
  private readonly noncePrefix: Buffer;

  constructor(
    private readonly key: Buffer,
    private readonly headerBytes: Buffer,
    header: Pick<BackupHeader, 'noncePrefix' | 'segmentBytes'>,
  ) {
    this.pending = Buffer.alloc(header.segmentBytes);
    this.noncePrefix = Buffer.from(header.noncePrefix, 'base64');
  }

  /** The segments sealed by these bytes (none until a segment is full and more bytes follow it). */
  push(bytes: Uint8Array): Buffer[] {
    const sealed: Buffer[] = [];
    let at = 0;
    while (at < bytes.length) {
      if (this.filled === this.pending.length) sealed.push(this.seal(false));
      const n = Math.min(bytes.length - at, this.pending.length - this.filled);
      this.pending.set(bytes.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
    }
    return sealed;
  }

  /** The last segment. */
  end(): Buffer {
    if (this.filled === 0) throw new Error('a backup holds at least one byte');
    return this.seal(true);
  }

  private seal(last: boolean): Buffer {
    const out = sealSegment(this.key, this.headerBytes, this.noncePrefix, this.index, this.pending.subarray(0, this.filled), last);
    this.index += 1;
    this.filled = 0;
    return out;
  }
}
