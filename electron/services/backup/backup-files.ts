/**
 * The backups in a folder by their names: `council-desk-backup-<yyyymmdd-hhmmss>-<kind>.cdbackup`
 * (UTC), listed newest first, and the keeping rule for the automatic ones (kinds other than
 * 'manual'): the newest 10 stay, and the newest of each calendar month (UTC); the rest are removed.
 * A manual backup, and any file of another name, is never removed.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_KINDS, type BackupFileInfo, type BackupKind } from '../../../shared/api';

export const BACKUP_EXTENSION = '.cdbackup';
/** How many automatic backups stay whatever their month. */
export const KEEP_NEWEST = 10;

const NAME = new RegExp(`^council-desk-backup-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})-(${BACKUP_KINDS.join('|')})\\.cdbackup$`);

/** The name of a backup made at `at` (to the second, UTC). */
export function backupFileName(at: Date, kind: BackupKind): string {
  const iso = at.toISOString();
  return `council-desk-backup-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${kind}${BACKUP_EXTENSION}`;
}

/** What a backup's name says: its kind and when it was made; null for any other name. */
export function parseBackupFileName(name: string): { kind: BackupKind; createdAt: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  if (Number.isNaN(Date.parse(createdAt)) || new Date(createdAt).toISOString() !== createdAt) return null;
  return { kind: m[7] as BackupKind, createdAt };
}

/** The backups in `folder`, newest first; none when the folder is not there. */
export async function listBackups(folder: string): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const found: BackupFileInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile()) found.push({ name, path, ...parsed, bytes: info.size });
  }
  return found.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

/** The automatic backups the keeping rule removes, of `backups` (any order). */
export function backupsToRemove(backups: readonly Pick<BackupFileInfo, 'name' | 'kind' | 'createdAt'>[]): string[] {
  const automatic = backups.filter((b) => b.kind !== 'manual').sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  const months = new Set<string>();
  const remove: string[] = [];
  automatic.forEach((b, i) => {
    const month = b.createdAt.slice(0, 7);
    const newestOfMonth = !months.has(month);
    months.add(month);
    if (i >= KEEP_NEWEST && !newestOfMonth) remove.push(b.name);
  });
  return remove;
}

/** Applies the keeping rule in `folder`; the names removed. */
export async function applyKeepingRule(folder: string): Promise<string[]> {
  const remove = backupsToRemove(await listBackups(folder));
  for (const name of remove) await rm(join(folder, name), { force: true });
  return remove;
}
