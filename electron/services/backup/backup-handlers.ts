/**
 * The backup feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts):
 * the passphrase's key (backup-passphrase.ts), one backup written at a time (backup-write.ts) into
 * `<sync>/backup/` and the folder the user chose, the keeping rule applied after each
 * (backup-files.ts), and one restore open at a time (restore-session.ts), which once written and
 * checked by the page begins the audit log's witness again (restoreFinish). When the handlers are
 * made, what a crashed run left (partial files, a restore's decrypted files) is removed and the
 * remembered key is taken; every call waits for that first.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { BackupHandlers, BackupKind, BackupManifest, BackupStatus } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import { SYNC_SUBFOLDERS } from '../../../shared/sync-folder/folders';
import { isDefaultSyncFolder, type FeatureContext } from '../feature-context';
import { isDirectory, mkdirIn } from '../notary/outbox';
import { applyKeepingRule, backupFileName, listBackups } from './backup-files';
import type { ScryptCost } from './backup-key';
import { checkBackupFits } from './backup-limits';
import { BackupPassphrase } from './backup-passphrase';
import { BackupPending, partialName } from './backup-pending';
import { BackupWrite } from './backup-write';
import { RestoreSessions } from './restore-session';
import { WitnessFile, witnessFilePath } from '../witness/witness-file';

/** A backup with no call for this long is dropped when another begins (the page that wrote it was closed). */
export const BACKUP_IDLE_MS = 10 * 60 * 1000;

export interface BackupHandlerOptions {
  /** The clock: the file's name and time, and the idle check (tests pass fake dates). */
  now?: () => Date;
  /** scrypt's cost for a new passphrase (tests pass a cheap one). */
  scrypt?: ScryptCost;
  /** The audit log's witness file, the one the witness's calls use (api-handlers.ts); by default one of the user-data folder's. */
  witness?: WitnessFile;
}

interface Running {
  id: string;
  write: BackupWrite;
  backupFolder: string;
  lastCall: number;
  /** Its calls, one after the other. */
  queue: Promise<unknown>;
}

const fileExists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** A name no file in the folders has yet: the time's second, else the next free one. */
async function freeName(folders: readonly string[], at: Date, kind: BackupKind): Promise<{ name: string; createdAt: Date }> {
  const start = Math.floor(at.getTime() / 1000) * 1000;
  for (let s = 0; s < 600; s++) {
    const createdAt = new Date(start + s * 1000);
    const name = backupFileName(createdAt, kind);
    const taken = await Promise.all(folders.flatMap((f) => [fileExists(join(f, name)), fileExists(join(f, partialName(name)))]));
    if (!taken.includes(true)) return { name, createdAt };
  }
  throw new CouncilError('BACKUP_WRITE_FAILED', `No free name for a backup near ${at.toISOString()} in ${folders.join(' and ')}.`);
}

function checkEvidenceOnce(manifest: BackupManifest): void {
  const seen = new Set<string>();
  for (const e of manifest.evidence) {
    if (seen.has(e.sha256)) throw new CouncilError('BAD_ARGUMENT', `The backup's manifest lists evidence/${e.sha256} twice; each evidence file goes in once.`);
    seen.add(e.sha256);
  }
}

export function createBackupHandlers(ctx: FeatureContext, opts: BackupHandlerOptions = {}): BackupHandlers {
  const now = opts.now ?? (() => new Date());
  const passphrase = new BackupPassphrase(ctx.paths.userDataDir, ctx.secrets, opts.scrypt);
  const pending = new BackupPending(ctx.paths.userDataDir);
  const restores = new RestoreSessions(pending.restoreFolder, opts.witness ?? new WitnessFile(witnessFilePath(ctx.paths.userDataDir), opts.now));
  const backupFolderOf = (sync: string) => join(sync, SYNC_SUBFOLDERS.backup);
  const ready = (async () => {
    await passphrase.load();
    await pending.removeLeftovers(backupFolderOf(await ctx.syncFolder()));
  })().catch((e: unknown) => console.warn(`council-desk: what an earlier backup left could not all be removed: ${(e as Error).message}`));

  let running: Running | null = null;
  let beginning = false;

  const status = async (): Promise<BackupStatus> => {
    await ready;
    const folder = backupFolderOf(await ctx.syncFolder());
    const backups = await listBackups(folder).catch((e: Error) => {
      throw new CouncilError('SYNC_FOLDER_UNREADABLE', `The backup folder ${folder} could not be read: ${e.message}`);
    });
    return { ...passphrase.status(), folder, backups };
  };

  const session = (backupId: string): Running => {
    if (running?.id !== backupId) throw new CouncilError('BACKUP_UNKNOWN', 'This backup has ended or was cancelled: begin it again.');
    running.lastCall = now().getTime();
    return running;
  };

  /** Runs `call` after the backup's calls before it; a failure ends the backup (its write removed its files). */
  const inTurn = <T>(r: Running, call: () => Promise<T>): Promise<T> => {
    const result = r.queue.then(async () => {
      try {
        return await call();
      } catch (e) {
        if (running === r) running = null;
        await pending.clear();
        throw e;
      }
    });
    r.queue = result.catch(() => undefined);
    return result;
  };

  const drop = async (r: Running) => {
    if (running === r) running = null;
    await r.write.abort();
    await pending.clear();
  };

  /** The folders a backup goes to: `<sync>/backup/` (the default sync folder made when missing), then the one chosen. */
  const targetsOf = async (chosen: string | undefined): Promise<string[]> => {
    const sync = await ctx.syncFolder();
    if (isDefaultSyncFolder(sync, ctx.home)) await mkdir(sync, { recursive: true });
    if (!(await isDirectory(sync))) throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${sync} is not there (a USB stick pulled, or a network share down?), so no backup was written.`);
    const backupFolder = backupFolderOf(sync);
    await mkdirIn(backupFolder);
    const folders = [resolve(backupFolder)];
    if (chosen !== undefined) {
      if (!isAbsolute(chosen)) throw new CouncilError('FOLDER_NOT_ABSOLUTE', `The folder for the backup must be a full path, not ${chosen}.`);
      if (!(await isDirectory(chosen))) throw new CouncilError('FOLDER_NOT_FOUND', `The folder ${chosen} chosen for the backup is not there.`);
      if (!folders.includes(resolve(chosen))) folders.push(resolve(chosen));
    }
    return folders;
  };

  return {
    getBackupStatus: () => status(),

    async setBackupPassphrase({ passphrase: text, remember }) {
      await ready;
      await passphrase.set(text, remember === true);
      return status();
    },

    async forgetBackupPassphrase() {
      await ready;
      await passphrase.forget();
      return status();
    },

    async backupBegin({ kind, manifest, chooseFolder, folder }) {
      await ready;
      const key = passphrase.current();
      if (key === null) throw new CouncilError('BACKUP_PASSPHRASE_NOT_SET', 'No backup passphrase is set: set one in Settings → Backup first. No backup was written.');
      if (beginning || (running !== null && now().getTime() - running.lastCall < BACKUP_IDLE_MS)) {
        throw new CouncilError('BACKUP_RUNNING', 'Another backup is being written; this one can begin when it has ended.');
      }
      beginning = true;
      try {
        if (running !== null) await drop(running);
        const manifestJson = new TextEncoder().encode(`${JSON.stringify(manifest)}\n`);
        checkBackupFits(manifest, manifestJson.length);
        checkEvidenceOnce(manifest);
        const chosen = folder ?? (chooseFolder ? await ctx.dialogs.openFolder() : undefined);
        if (chosen === null) return null;
        const folders = await targetsOf(chosen);
        const { name, createdAt } = await freeName(folders, now(), kind);
        await pending.record(folders.map((f) => join(f, partialName(name))));
        let write: BackupWrite;
        try {
          write = await BackupWrite.begin({ key, kind, manifest, name, folders, createdAt }, manifestJson);
        } catch (e) {
          await pending.clear();
          throw e;
        }
        const id = randomUUID();
        running = { id, write, backupFolder: folders[0]!, lastCall: now().getTime(), queue: Promise.resolve() };
        return { backupId: id };
      } finally {
        beginning = false;
      }
    },

    async backupAppend({ backupId, entry, bytes, last }) {
      const r = session(backupId);
      return inTurn(r, async () => ({ bytesWritten: await r.write.append(entry, bytes, last) }));
    },

    async backupFinish({ backupId }) {
      const r = session(backupId);
      return inTurn(r, async () => {
        const written = await r.write.finish();
        running = null;
        await pending.clear();
        // The backup is written whatever happens here: an old one that cannot be removed now is removed after the next.
        const removed = await applyKeepingRule(r.backupFolder).catch((e: Error) => {
          console.warn(`council-desk: old automatic backups in ${r.backupFolder} could not be removed: ${e.message}`);
          return [] as string[];
        });
        return { name: r.write.name, ...written, removed };
      });
    },

    async backupCancel({ backupId }) {
      if (running?.id !== backupId) return;
      const r = running;
      await r.queue.catch(() => undefined);
      await drop(r);
    },

    async restoreOpen({ passphrase: text, path, dbVersion }) {
      await ready;
      const file = path ?? (await ctx.dialogs.openFile('backup'));
      if (file === null) return null;
      return restores.begin(file, text, dbVersion);
    },

    restoreNext: ({ restoreId }) => restores.next(restoreId),
    restoreFinish: ({ restoreId }) => restores.finish(restoreId),
    restoreClose: ({ restoreId }) => restores.close(restoreId),
  };
}
