/**
 * One backup being written: the page's pieces go through the ZIP (backup-zip-stream.ts) and the
 * segment sealer (backup-format.ts) straight into `.<name>.partial` in each target folder, so
 * nothing more than a segment and the piece at hand is held. Each entry is hashed as it streams and
 * held to the manifest's SHA-256 and size when it ends; finish() wants every entry of the manifest,
 * fsyncs, and gives each partial file its name without replacing any file (a hard link, or a rename
 * where the file system has none). Anything that fails, and abort(), leaves no file behind.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupKind, BackupManifest } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import { linkFileAtomic } from '../atomic-create';
import { syncDirectory } from '../atomic-write';
import { encodeHeader, newHeader, SegmentSealer } from './backup-format';
import type { BackupKey } from './backup-key';
import { partialName } from './backup-pending';
import { BackupZipStream } from './backup-zip-stream';

export const MANIFEST_ENTRY = 'manifest.json';
export const ROWS_ENTRY = 'rows.json';

export interface BackupWriteOptions {
  key: BackupKey;
  kind: BackupKind;
  manifest: BackupManifest;
  /** The file's name (backup-files.ts) and the folders it goes to, the sync folder's backup/ first. */
  name: string;
  folders: readonly string[];
  createdAt: Date;
}

interface Target {
  partial: string;
  final: string;
  handle: FileHandle | null;
  named: boolean;
}

interface Entry {
  sha256: string;
  bytes: number;
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

function writeFailure(e: unknown, where: string): CouncilError {
  if (e instanceof CouncilError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'it may not be written by this user' : (e as Error)?.message ?? String(e);
  return new CouncilError('BACKUP_WRITE_FAILED', `The backup could not be written to ${where}: ${why}. Nothing of it was kept.`);
}

export class BackupWrite {
  private readonly targets: Target[];
  private readonly zip: BackupZipStream;
  private readonly sealer: SegmentSealer;
  private readonly expected = new Map<string, Entry>();
  private readonly done = new Set<string>();
  private current: { name: string; hash: Hash; received: number } | null = null;
  private readonly headerBytes: Buffer;
  private readonly fileHash = createHash('sha256');
  private fileBytes = 0;
  /** The entries' bytes received so far. */
  received = 0;

  private constructor(private readonly o: BackupWriteOptions) {
    this.targets = o.folders.map((folder) => ({ partial: join(folder, partialName(o.name)), final: join(folder, o.name), handle: null, named: false }));
    this.zip = new BackupZipStream(o.createdAt);
    const header = newHeader(o.key.kdf, o.key.keyCheck, o.kind, o.createdAt.toISOString());
    this.headerBytes = encodeHeader(header);
    this.sealer = new SegmentSealer(o.key.aesKey, this.headerBytes, header);
    this.expected.set(ROWS_ENTRY, o.manifest.rows);
    for (const e of o.manifest.evidence) this.expected.set(`evidence/${e.sha256}`, e);
  }

  get name(): string {
    return this.o.name;
  }

  get partials(): string[] {
    return this.targets.map((t) => t.partial);
  }

  /** Makes the partial files, with the header and manifest.json in them. */
  static async begin(o: BackupWriteOptions, manifestJson: Uint8Array): Promise<BackupWrite> {
    const w = new BackupWrite(o);
    try {
      for (const t of w.targets) t.handle = await open(t.partial, 'wx', 0o600);
      await w.write(w.headerBytes);
      w.zip.begin(MANIFEST_ENTRY, true);
      await w.zip.push(manifestJson, true);
      await w.flush();
    } catch (e) {
      await w.abort();
      throw writeFailure(e, w.targets.map((t) => t.partial).join(' and '));
    }
    return w;
  }

  /** One piece of an entry; the entries' bytes received so far. Any refusal ends the backup (abort). */
  async append(entry: string, bytes: Uint8Array, last: boolean): Promise<number> {
    try {
      const current = this.currentFor(entry);
      const expected = this.expected.get(entry)!;
      if (current.received + bytes.length > expected.bytes) {
        throw new CouncilError('BACKUP_INCOMPLETE', `${entry} came with more than the ${expected.bytes} bytes the manifest says. Nothing of this backup was kept.`);
      }
      current.hash.update(bytes);
      current.received += bytes.length;
      this.received += bytes.length;
      await this.pushEntry(bytes, last);
      if (last) {
        this.current = null;
        this.done.add(entry);
        const sha256 = current.hash.digest('hex');
        if (current.received !== expected.bytes || sha256 !== expected.sha256) {
          throw new CouncilError(
            'BACKUP_INCOMPLETE',
            `${entry} came as ${current.received} bytes with SHA-256 ${sha256}; the manifest says ${expected.bytes} bytes with SHA-256 ${expected.sha256}. Nothing of this backup was kept.`,
          );
        }
      }
      return this.received;
    } catch (e) {
      await this.abort();
      throw writeFailure(e, this.targets.map((t) => t.partial).join(' and '));
    }
  }

  private currentFor(entry: string): { name: string; hash: Hash; received: number } {
    if (this.current) {
      if (this.current.name !== entry) throw new CouncilError('BACKUP_INCOMPLETE', `${this.current.name} did not end before ${entry} began. Nothing of this backup was kept.`);
      return this.current;
    }
    if (!this.expected.has(entry)) throw new CouncilError('BACKUP_INCOMPLETE', `${entry} is not in the backup's manifest. Nothing of this backup was kept.`);
    if (this.done.has(entry)) throw new CouncilError('BACKUP_INCOMPLETE', `${entry} came twice. Nothing of this backup was kept.`);
    this.zip.begin(entry, entry === ROWS_ENTRY);
    this.current = { name: entry, hash: createHash('sha256'), received: 0 };
    return this.current;
  }

  /** The piece into the ZIP, and what the ZIP made of it onto the files. */
  private async pushEntry(bytes: Uint8Array, last: boolean): Promise<void> {
    await this.zip.push(bytes, last);
    await this.flush();
  }

  /** The ZIP's bytes made so far, sealed as segments fill, onto every partial file. */
  private async flush(): Promise<void> {
    for (const piece of this.zip.take()) {
      for (const segment of this.sealer.push(piece)) await this.write(segment);
    }
  }

  private async write(bytes: Uint8Array): Promise<void> {
    this.fileHash.update(bytes);
    this.fileBytes += bytes.length;
    await Promise.all(this.targets.map((t) => writeAll(t.handle!, bytes)));
  }

  /** Ends the backup: every entry of the manifest came; the files made whole and named. */
  async finish(): Promise<{ paths: string[]; bytes: number; sha256: string }> {
    try {
      if (this.current) throw new CouncilError('BACKUP_INCOMPLETE', `${this.current.name} did not end. Nothing of this backup was kept.`);
      const missing = [...this.expected.keys()].find((name) => !this.done.has(name));
      if (missing !== undefined) throw new CouncilError('BACKUP_INCOMPLETE', `${missing} did not come, as the manifest says it would. Nothing of this backup was kept.`);
      this.zip.end();
      await this.flush();
      await this.write(this.sealer.end());
      for (const t of this.targets) {
        await t.handle!.sync();
        await t.handle!.close();
        t.handle = null;
      }
      for (const t of this.targets) await this.giveName(t);
      for (const t of this.targets) await rm(t.partial, { force: true });
    } catch (e) {
      await this.abort();
      throw writeFailure(e, this.targets.map((t) => t.final).join(' and '));
    }
    return { paths: this.targets.map((t) => t.final), bytes: this.fileBytes, sha256: this.fileHash.digest('hex') };
  }

  /** The partial file gets its name: never over a file that is there. */
  private async giveName(t: Target): Promise<void> {
    const linked = await linkFileAtomic(t.partial, t.final);
    if (linked === false) throw new CouncilError('BACKUP_WRITE_FAILED', `${t.final} is there already. Nothing of this backup was kept.`);
    if (linked === null) {
      const taken = await stat(t.final).then(
        () => true,
        () => false,
      );
      if (taken) throw new CouncilError('BACKUP_WRITE_FAILED', `${t.final} is there already. Nothing of this backup was kept.`);
      await rename(t.partial, t.final);
      await syncDirectory(dirname(t.final));
    }
    t.named = true;
  }

  /** Drops the backup: its files closed and removed, those named already too. */
  async abort(): Promise<void> {
    for (const t of this.targets) {
      await t.handle?.close().catch(() => undefined);
      t.handle = null;
      await rm(t.partial, { force: true }).catch(() => undefined);
      if (t.named) await rm(t.final, { force: true }).catch(() => undefined);
      t.named = false;
    }
  }
}
