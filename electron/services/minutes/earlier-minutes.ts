/**
 * Minutes made again (a meeting reopened and decided anew, or another language wanted): the PDF and
 * DOCX differ byte for byte from one making to the next, and no file is ever written over, so the
 * earlier minutes in a target folder move aside first, as a whole, into `earlier/<when>/` beside
 * them: the earlier attestation with every file it lists, and any other file of the new export's
 * names (one left by a run whose attestation was never signed). There the earlier set still
 * verifies (`council-desk verify` checks the files beside an attestation). Each move is a rename
 * in the same folder tree, so a file is either in its old place or in the new one.
 */
import { lstat, mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { LISTED_FILE_NAME } from '../../../shared/minutes/file-names';
import { CouncilError } from '../../../shared/result';
import { isDirectory } from '../notary/outbox';

export const EARLIER_FOLDER = 'earlier';

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
}

/** The names of `names` that are in `target` now. */
export async function namesPresent(target: string, names: readonly string[]): Promise<string[]> {
  const present: string[] = [];
  for (const name of names) if (await exists(join(target, name))) present.push(name);
  return present;
}

/** What an earlier attestation says of itself (its files and when it was signed), read without trusting it; nothing when it is not readable. */
async function earlierAttestation(path: string): Promise<{ files: string[]; createdAt: string | null }> {
  try {
    const envelope = JSON.parse(await readFile(path, 'utf8')) as { payload?: unknown };
    if (typeof envelope.payload !== 'string') return { files: [], createdAt: null };
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { files?: unknown; createdAt?: unknown };
    const files = payload.files !== null && typeof payload.files === 'object' ? Object.keys(payload.files).filter((n) => LISTED_FILE_NAME.test(n)) : [];
    return { files, createdAt: typeof payload.createdAt === 'string' ? payload.createdAt : null };
  } catch {
    return { files: [], createdAt: null };
  }
}

/** "2023-03-02T18:00:00+09:00" -> "2023-03-02T18-00-00+09-00": a folder name on every file system. */
function folderStamp(at: string): string {
  const stamp = at.replace(/[^0-9A-Za-z+.-]/g, (c) => (c === ':' ? '-' : '')).slice(0, 40);
  return LISTED_FILE_NAME.test(stamp) ? stamp : 'minutes';
}

/** `earlier/<stamp>/`, or `<stamp>-2`, `-3`…: a folder not there yet, made now. */
async function freshFolder(target: string, stamp: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const folder = join(target, EARLIER_FOLDER, n === 1 ? stamp : `${stamp}-${n}`);
    if (await isDirectory(folder)) continue;
    await mkdir(folder, { recursive: true });
    return folder;
  }
  throw new CouncilError('MINUTES_WRITE_FAILED', `${join(target, EARLIER_FOLDER)} holds too many folders named ${stamp}; nothing was moved.`);
}

/**
 * Moves the earlier minutes out of `target` (the attestation `attestationName`, what it lists, and
 * any of `names` there) into a new `earlier/<when it was signed>/`; answers that folder, or null
 * when there was nothing to move.
 */
export async function moveEarlierMinutes(target: string, attestationName: string, names: readonly string[], now: Date): Promise<string | null> {
  const earlier = (await exists(join(target, attestationName))) ? await earlierAttestation(join(target, attestationName)) : { files: [], createdAt: null };
  const present = await namesPresent(target, [...new Set([attestationName, ...names, ...earlier.files])]);
  if (present.length === 0) return null;
  const folder = await freshFolder(target, folderStamp(earlier.createdAt ?? now.toISOString()));
  for (const name of present) {
    await rename(join(target, name), join(folder, name)).catch((e: NodeJS.ErrnoException) => {
      throw new CouncilError('MINUTES_WRITE_FAILED', `${join(target, name)} could not be moved into ${folder} (${e.code ?? e.message}); no new minutes were written.`);
    });
  }
  return folder;
}
