/**
 * A backup opened for restoring: decrypted into `<userData>/backup-restore/<id>.zip` (so memory
 * holds a segment at a time, whatever the backup's size) and checked whole (restore-check.ts)
 * before it is answered; then handed to the page piece by piece: rows.json (inflated beside it as
 * `<id>.rows.json`) in pieces of at most 8 MiB, then each evidence file whole, in the manifest's
 * order, each hashed again as it is read. One restore is open at a time: opening another closes it.
 * Once the page has been given every piece and has written and checked them, finish begins the
 * audit log's witness again with the chain checked here (witness/witness-restart.ts): once for each
 * restore, and for no other. Its files are removed on close (and finish), and by the next start
 * after a crash (backup-pending.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RestoreOpened, RestorePiece, WitnessRestart } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { BackupZip } from './backup-zip-read';
import { decryptBackup } from './restore-decrypt';
import { checkBackupZip, type CheckedBackup } from './restore-check';
import type { WitnessFile } from '../witness/witness-file';

export const ROWS_PIECE_BYTES = 8 * 1024 * 1024;

interface OpenRestore {
  id: string;
  name: string;
  files: string[];
  rowsFile: string;
  rowsBytes: number;
  rowsAt: number;
  evidenceAt: number;
  checked: CheckedBackup;
}

export class RestoreSessions {
  private open: OpenRestore | null = null;
  /** Opens one after the other: the one opened last is the one open. */
  private opening: Promise<unknown> = Promise.resolve();
  /** The restore whose witness was begun again (finish), refused a second time. */
  private finished: string | null = null;

  constructor(
    private readonly folder: string,
    private readonly witness: WitnessFile,
  ) {}

  begin(file: string, passphrase: string, dbVersion: number): Promise<RestoreOpened> {
    const opened = this.opening.then(() => this.openNow(file, passphrase, dbVersion));
    this.opening = opened.catch(() => undefined);
    return opened;
  }

  private async openNow(file: string, passphrase: string, dbVersion: number): Promise<RestoreOpened> {
    await this.close(this.open?.id ?? '');
    await mkdir(this.folder, { recursive: true });
    const id = randomUUID();
    const zipFile = join(this.folder, `${id}.zip`);
    const rowsFile = join(this.folder, `${id}.rows.json`);
    const chainFile = join(this.folder, `${id}.chain`);
    const name = basename(file);
    const files = [zipFile, rowsFile, chainFile];
    try {
      await decryptBackup(file, passphrase, zipFile);
      const checked = await checkBackupZip(zipFile, { rows: rowsFile, chain: chainFile }, name, dbVersion);
      this.open = { id, name, files, rowsFile, rowsBytes: checked.manifest.rows.bytes, rowsAt: 0, evidenceAt: 0, checked };
      return { restoreId: id, name, manifest: checked.manifest };
    } catch (e) {
      for (const f of files) await rm(f, { force: true });
      throw e;
    }
  }

  private session(restoreId: string): OpenRestore {
    if (this.finished === restoreId) throw new CouncilError('BACKUP_UNKNOWN', "This restore is finished: the audit log's witness was begun again with its backup already.");
    if (this.open?.id !== restoreId) throw new CouncilError('BACKUP_UNKNOWN', 'This restore has ended, or another backup was opened since: open the backup again.');
    return this.open;
  }

  async next(restoreId: string): Promise<RestorePiece> {
    const r = this.session(restoreId);
    if (r.rowsAt < r.rowsBytes) return this.rowsPiece(r);
    const evidence = r.checked.manifest.evidence[r.evidenceAt];
    if (evidence === undefined) return { kind: 'done' };
    const bytes = await readEntry(r.checked.zip, `evidence/${evidence.sha256}`);
    if (createHash('sha256').update(bytes).digest('hex') !== evidence.sha256) {
      throw new CouncilError('BACKUP_DAMAGED', `evidence/${evidence.sha256} of the backup ${r.name} changed on this disk after it was checked. Restore the backup again.`);
    }
    r.evidenceAt += 1;
    return { kind: 'evidence', sha256: evidence.sha256, bytes };
  }

  private async rowsPiece(r: OpenRestore): Promise<RestorePiece> {
    const length = Math.min(ROWS_PIECE_BYTES, r.rowsBytes - r.rowsAt);
    const handle = await open(r.rowsFile, 'r');
    try {
      const bytes = new Uint8Array(length);
      let at = 0;
      while (at < length) {
        const { bytesRead } = await handle.read(bytes, at, length - at, r.rowsAt + at);
        if (bytesRead === 0) throw new CouncilError('BACKUP_DAMAGED', `rows.json of the backup ${r.name} was cut short on this disk after it was checked. Restore the backup again.`);
        at += bytesRead;
      }
      r.rowsAt += length;
      return { kind: 'rows', bytes, last: r.rowsAt === r.rowsBytes };
    } finally {
      await handle.close();
    }
  }

  /**
   * The page wrote every piece and checked what it wrote: the witness begins again with the
   * backup's audit chain as checked at open, the file before kept (witness-restart.ts). Only for
   * the restore open, once every piece was given; then the restore is closed.
   */
  async finish(restoreId: string): Promise<WitnessRestart> {
    const r = this.session(restoreId);
    const evidence = r.checked.manifest.evidence.length;
    if (r.rowsAt < r.rowsBytes || r.evidenceAt < evidence) {
      throw new CouncilError(
        'BACKUP_INCOMPLETE',
        `The backup ${r.name} was not read to its end (${r.rowsAt} of ${r.rowsBytes} bytes of rows.json, ${r.evidenceAt} of ${evidence} evidence files), so the audit log's witness was not begun again.`,
      );
    }
    const { manifest, chain } = r.checked;
    const restart = await this.witness.restart({ restoreId, backup: r.name, backupCreatedAt: manifest.createdAt, chainFile: chain.file, entries: chain.entries });
    this.finished = restoreId;
    await this.close(restoreId);
    return restart;
  }

  /** Ends the restore and removes its files; nothing when it is not the one open. */
  async close(restoreId: string): Promise<void> {
    const r = this.open;
    if (r === null || r.id !== restoreId) return;
    this.open = null;
    r.checked.zip.close();
    for (const file of r.files) await rm(file, { force: true });
  }
}

async function readEntry(zip: BackupZip, name: string): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const chunk of await zip.stream(zip.entries.get(name)!)) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}
