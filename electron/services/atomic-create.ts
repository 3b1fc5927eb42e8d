/**
 * Creates a file that did not exist, atomically and without ever replacing one: the bytes go to a
 * temporary file in the same folder (a dot name, which sync engines and our readers ignore), are
 * fsynced, and then get their name by a hard link, which fails when the name is taken, so another
 * writer's file that appeared meanwhile is never overwritten (rename would replace it). File
 * systems without hard links (FAT and exFAT, the usual USB stick) fall back to look-then-rename,
 * where only a file appearing in that instant could be replaced.
 */
import { randomBytes } from 'node:crypto';
import { link as fsLink, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { syncDirectory } from './atomic-write';

/** The errors of link() on a file system that has no hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL']);

/** The points of a creation, in order: the temporary file made, its bytes written, fsynced and closed, named, the folder fsynced. */
export type CreateStep = 'created' | 'written' | 'synced' | 'named' | 'folder-synced';

export interface CreateOptions {
  mode?: number;
  /** Tests pass one that fails as FAT does, to reach the fallback. */
  link?: (existing: string, created: string) => Promise<void>;
  /** Awaited at each step (a crash test stops the process there); throwing before 'named' writes nothing. */
  onStep?: (step: CreateStep) => void | Promise<void>;
}

/** The temporary file's name beside `path`: a dot name holding the target's name and the writer's process id. */
function tempPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The target name and the writer's process id of a temporary file createFileAtomic names; null for any other name. */
export function parseTempName(name: string): { target: string; pid: number } | null {
  const m = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name);
  return m === null ? null : { target: m[1]!, pid: Number(m[2]) };
}

/** True when `path` was created with `bytes`; false, and nothing written, when the name is taken. */
export async function createFileAtomic(path: string, bytes: Uint8Array, opts: CreateOptions = {}): Promise<boolean> {
  const dir = dirname(path);
  const temp = tempPathOf(path);
  const step = opts.onStep ?? (() => undefined);
  const file = await open(temp, 'wx', opts.mode ?? 0o644);
  try {
    await step('created');
    await file.writeFile(bytes);
    await step('written');
    await file.sync();
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  await file.close();
  try {
    await step('synced');
    const created = await nameTemp(temp, path, opts.link ?? fsLink);
    if (created) {
      await step('named');
      await syncDirectory(dir);
      await step('folder-synced');
    }
    return created;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Gives a file already on the disk (written and fsynced) a second name, `path`, without ever
 * replacing a file there, then fsyncs the folder: the same guarantees as createFileAtomic with no
 * second copy of the bytes. True when linked; false when the name is taken; null when no hard link
 * can be made here (another file system, or one without hard links): write a copy instead.
 */
export async function linkFileAtomic(existing: string, path: string, opts: Pick<CreateOptions, 'link' | 'onStep'> = {}): Promise<boolean | null> {
  try {
    await (opts.link ?? fsLink)(existing, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (code === 'EXDEV' || NO_HARD_LINKS.has(code)) return null;
    throw e;
  }
  await opts.onStep?.('named');
  await syncDirectory(dirname(path));
  await opts.onStep?.('folder-synced');
  return true;
}

async function nameTemp(temp: string, path: string, link: NonNullable<CreateOptions['link']>): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw e;
  }
  const taken = await stat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
  if (taken) return false;
  await rename(temp, path);
  return true;
}
