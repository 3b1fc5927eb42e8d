/**
 * The witness begun again after a restore (shared/audit-witness.ts, WitnessRestart): the backup's
 * audit chain, as main checked it, becomes the new `audit-witness.ndjson`, and the file before is
 * kept beside it as `audit-witness-before-restore-<yyyymmdd-hhmmss>.ndjson` (UTC; -2, -3, … when
 * taken), never removed. In steps that a crash at any point leaves either undone or finished by
 * the next start (recoverRestart):
 *   1. the new witness is written whole as `.audit-witness-<restoreId>.partial`, fsync'd;
 *   2. the record `audit-witness-restore.json` (atomic) names the restore and the name kept aside;
 *   3. the old file is linked under that name (copied and fsync'd where links are not made);
 *   4. the partial file is renamed over `audit-witness.ndjson`, and the folder fsync'd.
 * A partial file whose restore the record names is whole (step 1 ends before step 2): the next
 * start does steps 3 and 4. Any other partial file is a step 1 cut short: removed.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { witnessRestartSchema, type WitnessRestart } from '../../../shared/audit-witness';
import { CouncilError } from '../../../shared/result';
import { syncDirectory, writeFileAtomic } from '../atomic-write';

export const RESTART_RECORD = 'audit-witness-restore.json';
/** Bytes of one entry in a chain file: its SHA-256, raw; entry n is at (n - 1) * 32. */
export const CHAIN_HASH_BYTES = 32;

const PARTIAL = /^\.audit-witness-([0-9a-f-]{36})\.partial$/;
const partialName = (restoreId: string) => `.audit-witness-${restoreId}.partial`;

/** What a restore hands the witness: its chain, as a file of raw hashes (restore-check.ts writes it). */
export interface RestartInput {
  restoreId: string;
  backup: string;
  backupCreatedAt: string;
  chainFile: string;
  entries: number;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

function stampOf(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

/** The name the witness before is kept under: the time's, or the next free one. */
async function asideName(dir: string, at: Date): Promise<string> {
  const base = `audit-witness-before-restore-${stampOf(at)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.ndjson` : `${base}-${n}.ndjson`;
    if (!(await exists(join(dir, name)))) return name;
  }
}

/** The last restart's record; null when none was made (or it cannot be read: it is only ever replaced whole). */
export async function readRestart(witnessPath: string): Promise<WitnessRestart | null> {
  let text: string;
  try {
    text = await readFile(join(dirname(witnessPath), RESTART_RECORD), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = witnessRestartSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The chain file's hashes as witness lines, fsync'd, into a new file at `partial`. */
async function writeNewWitness(partial: string, input: RestartInput, at: string): Promise<void> {
  const chain = await open(input.chainFile, 'r');
  const out = await open(partial, 'wx', 0o644);
  try {
    const buffer = Buffer.alloc(CHAIN_HASH_BYTES * 2048);
    let sequence = 0;
    for (;;) {
      const { bytesRead } = await chain.read(buffer, 0, buffer.length, sequence * CHAIN_HASH_BYTES);
      if (bytesRead === 0) break;
      if (bytesRead % CHAIN_HASH_BYTES !== 0) throw new Error(`the chain file ${input.chainFile} ends inside an entry`);
      let lines = '';
      for (let at0 = 0; at0 < bytesRead; at0 += CHAIN_HASH_BYTES) {
        sequence += 1;
        lines += `${JSON.stringify({ sequence, hash: buffer.subarray(at0, at0 + CHAIN_HASH_BYTES).toString('hex'), at })}\n`;
      }
      await out.writeFile(lines, 'utf8');
    }
    if (sequence !== input.entries) throw new Error(`the chain file ${input.chainFile} holds ${sequence} entries, not ${input.entries}`);
    await out.sync();
  } finally {
    await out.close();
    await chain.close();
  }
}

/** Keeps the witness file under `aside` (a link, else a copy made durable): the one at `witnessPath` stays as it is. */
async function keepAside(witnessPath: string, aside: string): Promise<void> {
  if (await exists(aside)) return; // kept already (by the run a crash cut short)
  try {
    await link(witnessPath, aside);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EEXIST') return;
    // A file system without hard links: a copy, fsync'd, never over another file.
    await copyFile(witnessPath, aside, constants.COPYFILE_EXCL);
    const copy = await open(aside, 'r');
    try {
      await copy.sync();
    } finally {
      await copy.close();
    }
  }
}

/** Steps 3 and 4 for the restart `record` names. */
async function complete(witnessPath: string, record: WitnessRestart): Promise<void> {
  const dir = dirname(witnessPath);
  if (record.previous !== null) await keepAside(witnessPath, join(dir, record.previous));
  await rename(join(dir, partialName(record.restoreId)), witnessPath);
  await syncDirectory(dir);
}

/** At first use: finishes a restart a crash cut short after its record, and removes any partial file left before one. */
export async function recoverRestart(witnessPath: string): Promise<void> {
  const dir = dirname(witnessPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  const partials = names.filter((n) => PARTIAL.test(n));
  if (partials.length === 0) return;
  const record = await readRestart(witnessPath);
  for (const name of partials) {
    if (record !== null && name === partialName(record.restoreId)) await complete(witnessPath, record);
    else await rm(join(dir, name), { force: true });
  }
}

/**
 * Begins the witness again with the restored backup's chain (steps 1 to 4); answers the record.
 * A failure before the rename leaves the witness and the record as they were (WITNESS_WRITE_FAILED).
 */
export async function restartWitness(witnessPath: string, input: RestartInput, now: Date): Promise<WitnessRestart> {
  const dir = dirname(witnessPath);
  const recordPath = join(dir, RESTART_RECORD);
  const partial = join(dir, partialName(input.restoreId));
  const at = now.toISOString();
  let recordBefore: Buffer | null = null;
  let record: WitnessRestart | null = null;
  try {
    await mkdir(dir, { recursive: true });
    await rm(partial, { force: true });
    await writeNewWitness(partial, input, at);
    recordBefore = await readFile(recordPath).catch(() => null);
    const previous = (await exists(witnessPath)) ? await asideName(dir, now) : null;
    record = { restoreId: input.restoreId, backup: input.backup, backupCreatedAt: input.backupCreatedAt, at, previous, entries: input.entries };
    await writeFileAtomic(recordPath, new TextEncoder().encode(`${JSON.stringify(record)}\n`));
    await complete(witnessPath, record);
    return record;
  } catch (e) {
    // Not begun: no partial file for the next start to finish, the record as it was. A link made
    // under the kept name is removed only while the witness itself is still there.
    await rm(partial, { force: true }).catch(() => undefined);
    if (record !== null) {
      if (record.previous !== null && (await exists(witnessPath))) await rm(join(dir, record.previous), { force: true }).catch(() => undefined);
      await (recordBefore === null ? rm(recordPath, { force: true }) : writeFileAtomic(recordPath, recordBefore)).catch(() => undefined);
    }
    throw new CouncilError(
      'WITNESS_WRITE_FAILED',
      `The audit log's witness ${witnessPath} could not be begun again with the backup ${input.backup}'s audit chain (${(e as Error).message}); the witness is as it was.`,
    );
  }
}
