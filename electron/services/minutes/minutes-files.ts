/**
 * Writing a meeting's minutes files (the PDF and DOCX in each language, the payment list as CSV and
 * XLSX, and the attestation) into `<sync>/minutes/` and the folder the secretary chose (FORMATS.md,
 * "Sync folder"): each created atomically and never over a different file (atomic-create.ts), then
 * read back. A chosen sync folder that is not there (a USB stick pulled) is never made again here;
 * the default one, in the home folder, is.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { LISTED_FILE_NAME } from '../../../shared/minutes/file-names';
import { CouncilError } from '../../../shared/result';
import { SYNC_SUBFOLDERS } from '../../../shared/sync-folder/folders';
import { createFileAtomic } from '../atomic-create';
import { cleanStaleTemps, isDirectory, mkdirIn } from '../notary/outbox';
import { fileSha256 } from './file-sha256';

/** One file main made, under its plain name. */
export interface MinutesFile {
  name: string;
  bytes: Uint8Array;
}

export interface WrittenMinutesFile {
  name: string;
  /** SHA-256 (hex) of the bytes, as read back from each of `paths`. */
  sha256: string;
  /** Where it is, one path a target folder, in the targets' order. */
  paths: string[];
}

export interface MinutesTargetOptions {
  /** Whether a missing sync folder may be made (the default one, in the home folder). */
  createSync: boolean;
  /** The folder the secretary chose: absolute, and there. */
  chosen?: string;
}

/** The folders minutes go into: `<sync>/minutes/` (made in a sync folder that is there), then the chosen folder; one folder once. */
export async function minutesTargets(syncFolder: string, opts: MinutesTargetOptions): Promise<string[]> {
  if (opts.createSync) await mkdir(syncFolder, { recursive: true });
  if (!(await isDirectory(syncFolder))) {
    throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${syncFolder} is not there (a USB stick pulled, or a network share down?), so no minutes were written.`);
  }
  const minutes = join(syncFolder, SYNC_SUBFOLDERS.minutes);
  await mkdirIn(minutes);
  const targets = [resolve(minutes)];
  if (opts.chosen !== undefined) {
    if (!isAbsolute(opts.chosen)) throw new CouncilError('FOLDER_NOT_ABSOLUTE', `The folder for the minutes must be a full path, not ${opts.chosen}.`);
    if (!(await isDirectory(opts.chosen))) throw new CouncilError('FOLDER_NOT_FOUND', `The folder ${opts.chosen} chosen for the minutes is not there.`);
    if (!targets.includes(resolve(opts.chosen))) targets.push(resolve(opts.chosen));
  }
  return targets;
}

/** The bytes at `path`; null when there is no file. */
async function bytesAt(path: string): Promise<Buffer | null> {
  return readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

function taken(path: string): CouncilError {
  return new CouncilError(
    'MINUTES_WRITE_FAILED',
    `${path} already holds a different file; it was not overwritten, and no minutes were written. Move it away (into the sync folder's backup/, say) to write the minutes again.`,
  );
}

/**
 * Writes each file into each target folder (made already: minutesTargets), a file already there
 * with the same bytes kept as it is; returns their SHA-256 as read back. Before anything is
 * written, every name is checked: one holding a different file stops it all (MINUTES_WRITE_FAILED).
 */
export async function writeMinutesFiles(targets: readonly string[], files: readonly MinutesFile[]): Promise<WrittenMinutesFile[]> {
  const names = new Set<string>();
  for (const f of files) {
    if (!LISTED_FILE_NAME.test(f.name) || names.has(f.name)) throw new CouncilError('MINUTES_REFUSED', `The minutes file name ${JSON.stringify(f.name)} is not a plain file name given once; nothing was written.`);
    names.add(f.name);
  }
  const plan = files.map((f) => ({ ...f, sha256: createHash('sha256').update(f.bytes).digest('hex'), paths: targets.map((t) => join(t, f.name)) }));
  for (const target of targets) await cleanStaleTemps(target, (name) => names.has(name));
  for (const f of plan) {
    for (const path of f.paths) {
      const there = await bytesAt(path);
      if (there !== null && !there.equals(f.bytes)) throw taken(path);
    }
  }
  for (const f of plan) {
    for (const path of f.paths) {
      const created = await createFileAtomic(path, f.bytes);
      if (!created && !(await bytesAt(path))?.equals(f.bytes)) throw taken(path); // another writer's, made meanwhile
      await readBack(path, f.sha256, created);
    }
  }
  return plan.map(({ name, sha256, paths }) => ({ name, sha256, paths }));
}

/** The file as read from the disk must hash as the bytes written; one this call made that does not is removed. */
export async function readBack(path: string, sha256: string, created: boolean): Promise<void> {
  const back = await fileSha256(path);
  if ('sha256' in back && back.sha256 === sha256) return;
  if (created) await rm(path, { force: true });
  const why = 'sha256' in back ? `its SHA-256 is ${back.sha256}, not ${sha256}` : 'missing' in back ? 'it is not there' : `it cannot be read (${back.unreadable})`;
  throw new CouncilError('MINUTES_WRITE_FAILED', `${path} did not read back as written: ${why}.${created ? ' It was removed.' : ''}`);
}
