/**
 * A backup file opened with its passphrase: the header read and checked, the key made from the
 * passphrase with the header's scrypt parameters and held to its keyCheck, then every segment
 * opened in order (backup-format.ts) and its plaintext, the ZIP, written to `out`. The first
 * segment that does not check stops it, named by its number and bytes; `out` is then removed.
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { CouncilError } from '../../../shared/result';
import { BACKUP_MAGIC, decodeHeader, HeaderError, MAX_HEADER_BYTES, openSegment, TAG_BYTES, type BackupHeader } from './backup-format';
import { deriveBackupKey, keyCheckMatches } from './backup-key';

async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    const { bytesRead } = await handle.read(buffer, at, length - at, position + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return buffer.subarray(0, at);
}

async function openBackup(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' || code === 'EPERM' ? 'it may not be read by this user' : (e as Error).message;
    throw new CouncilError('BACKUP_UNREADABLE', `${file} could not be opened: ${why}.`);
  }
}

const damaged = (name: string, what: string) => new CouncilError('BACKUP_DAMAGED', `The backup ${name} is damaged: ${what}. Nothing was restored.`);

/** Decrypts `file` into `out` (made new); its header. */
export async function decryptBackup(file: string, passphrase: string, out: string): Promise<BackupHeader> {
  const name = basename(file);
  const handle = await openBackup(file);
  let output: FileHandle | null = null;
  try {
    const size = (await handle.stat()).size;
    let decoded: ReturnType<typeof decodeHeader>;
    try {
      decoded = decodeHeader(await readAt(handle, Math.min(size, BACKUP_MAGIC.length + MAX_HEADER_BYTES + 1), 0));
    } catch (e) {
      if (!(e instanceof HeaderError)) throw e;
      if (e.notBackup) throw new CouncilError('BACKUP_UNREADABLE', `${file} is not a Council Desk backup: ${e.message}.`);
      throw damaged(name, e.message);
    }
    const { header, headerBytes } = decoded;
    const key = await deriveBackupKey(passphrase, header.kdf);
    if (!keyCheckMatches(key, header.keyCheck)) throw new CouncilError('BACKUP_PASSPHRASE_WRONG', `The passphrase does not open the backup ${name}. Nothing was restored.`);

    const sealedBytes = header.segmentBytes + TAG_BYTES;
    const body = size - headerBytes.length;
    if (body <= TAG_BYTES) throw damaged(name, 'it holds no data after its header (it was cut short)');
    const count = Math.ceil(body / sealedBytes);
    const prefix = Buffer.from(header.noncePrefix, 'base64');
    output = await open(out, 'wx', 0o600);
    for (let i = 0; i < count; i++) {
      const position = headerBytes.length + i * sealedBytes;
      const last = i === count - 1;
      const sealed = await readAt(handle, Math.min(sealedBytes, size - position), position);
      const plain = openSegment(key.aesKey, headerBytes, prefix, i, sealed, last);
      if (plain === null) throw damaged(name, segmentFailure(key.aesKey, headerBytes, prefix, i, sealed, last, position));
      await output.writeFile(plain);
    }
    await output.close();
    output = null;
    return header;
  } catch (e) {
    await output?.close().catch(() => undefined);
    await rm(out, { force: true });
    throw e;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why segment `i` does not open: sealed as the last while more follows, the file cut after it, or changed. */
function segmentFailure(key: Buffer, headerBytes: Buffer, prefix: Buffer, i: number, sealed: Buffer, last: boolean, position: number): string {
  const where = `segment ${i} (bytes ${position} to ${position + sealed.length - 1})`;
  if (last && sealed.length > TAG_BYTES && openSegment(key, headerBytes, prefix, i, sealed, false) !== null) {
    return `the file ends after ${where}, which is not its last segment: it was cut short`;
  }
  if (!last && openSegment(key, headerBytes, prefix, i, sealed, true) !== null) {
    return `${where} is its last segment, but the file goes on after it`;
  }
  return `${where} does not check: bytes in it were changed, or segments were moved`;
}
