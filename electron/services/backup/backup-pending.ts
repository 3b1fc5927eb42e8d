/**
 * What a backup or a restore leaves on disk while it runs, and its removal when the app starts
 * again after a crash: a backup's `.<name>.partial` files (in <sync>/backup/ and in the folder the
 * user chose, which `<userData>/backup-pending.json` names while they exist) and a restore's
 * decrypted files in `<userData>/backup-restore/`.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../atomic-write';

export const PENDING_FILE = 'backup-pending.json';
export const RESTORE_FOLDER = 'backup-restore';

const PARTIAL = /^\.council-desk-backup-.+\.cdbackup\.partial$/;

export function partialName(name: string): string {
  return `.${name}.partial`;
}

export class BackupPending {
  private readonly file: string;

  constructor(private readonly userDataDir: string) {
    this.file = join(userDataDir, PENDING_FILE);
  }

  get restoreFolder(): string {
    return join(this.userDataDir, RESTORE_FOLDER);
  }

  /** Names the partial files about to be made, before they are. */
  async record(partials: readonly string[]): Promise<void> {
    await writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify({ partials })}\n`), { mode: 0o600 });
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /** Removes what an earlier run left: the partial files it named, those in `backupFolder`, and every restore's files. */
  async removeLeftovers(backupFolder: string): Promise<void> {
    let named: unknown = [];
    try {
      named = (JSON.parse(await readFile(this.file, 'utf8')) as { partials?: unknown }).partials;
    } catch {
      // none recorded, or a record cut short by the crash: the sync folder's own are still removed below
    }
    for (const path of Array.isArray(named) ? named : []) {
      if (typeof path === 'string' && PARTIAL.test(basename(path))) await rm(path, { force: true }).catch(() => undefined);
    }
    const names = await readdir(backupFolder).catch(() => [] as string[]);
    for (const name of names) if (PARTIAL.test(name)) await rm(join(backupFolder, name), { force: true }).catch(() => undefined);
    await rm(this.restoreFolder, { recursive: true, force: true });
    await this.clear();
  }
}
