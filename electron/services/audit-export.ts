/**
 * exportAuditLog: the audit log, sent by the renderer, written into the sync folder as
 * `audit-<name>.ndjson` (FORMATS.md, "Audit log export"). The renderer also renders untrusted
 * evidence, so nothing it sends is taken on trust: every line is parsed strictly, every entry's
 * shape checked, its hash recomputed here (node:crypto over the canonicalize package's RFC 8785
 * JSON) and its link and sequence followed. A broken chain or a malformed line is refused with the
 * line named; what is written is this process's own serialisation of the entries it checked.
 *
 * The file is created atomically and never replaces another: when the name holds a different
 * file (an earlier export of a log that has grown since), the next free name is used,
 * `audit-<name>-2.ndjson`, `-3`, ...; when it holds the very same bytes, that file is the answer.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AUDIT_EXPORT_NAME, type AuditExportResult } from '../../shared/api';
import { AuditChainWalker, auditExportLine, type AuditBreak } from '../../shared/audit-chain';
import { canonicalJson } from '../../shared/canonical-json';
import { parseStrictJson } from '../../shared/json/strict-json';
import { CouncilError } from '../../shared/result';
import type { AuditEntry } from '../../shared/schemas/audit-entry';
import { createFileAtomic } from './atomic-create';

/** How many names (`audit-<name>.ndjson`, then -2 ... ) are tried before giving up. */
export const AUDIT_EXPORT_MAX_NAMES = 999;

/** An audit entry's hash by node:crypto (the chain's walker takes the hash function). */
export const nodeHash = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex');

/** The file name of the n-th try (1: the plain name). */
export function auditExportFileName(name: string, n: number): string {
  return n === 1 ? `audit-${name}.ndjson` : `audit-${name}-${n}.ndjson`;
}

/** What breaks the chain, in words (also the backup's restore check). */
export function brokenWords(broken: AuditBreak): string {
  switch (broken.what) {
    case 'malformed':
      return `entry ${broken.brokenAt} is not an audit entry: ${broken.path === '' ? 'the line' : broken.path} ${broken.message}`;
    case 'sequence-gap':
      return broken.brokenAt === 1
        ? `the log starts at entry ${broken.next}: entries 1 to ${broken.next - 1} are missing`
        : `entry ${broken.next} follows entry ${broken.brokenAt - 1}: ${broken.next - broken.brokenAt === 1 ? `entry ${broken.brokenAt} is` : `entries ${broken.brokenAt} to ${broken.next - 1} are`} missing`;
    case 'sequence-order':
      return `entry ${broken.brokenAt} comes after entry ${broken.previous}: the entries are out of order`;
    case 'hash':
      return `entry ${broken.brokenAt} does not give its stored hash ${broken.stored} (its content gives ${broken.recomputed}): the entry or its hash was altered`;
    case 'link':
      return broken.expected === null
        ? `entry ${broken.brokenAt} is the first, so its prevHash must be null, not ${broken.prevHash}`
        : `entry ${broken.brokenAt} names ${broken.prevHash ?? 'null'} as the previous entry's hash, but entry ${broken.brokenAt - 1}'s hash is ${broken.expected}`;
    case 'order':
      return `entry ${broken.brokenAt} belongs after entry ${broken.follows}: the entries are out of order`;
  }
}

/**
 * The entries of `lines` (one a line, oldest first; a last newline is optional), every one checked;
 * throws AUDIT_LOG_INVALID (a line that is no entry), AUDIT_CHAIN_BROKEN or AUDIT_LOG_EMPTY.
 */
export function checkAuditLines(lines: string): AuditEntry[] {
  const texts = lines.split('\n');
  if (texts.at(-1) === '') texts.pop();
  if (texts.length === 0) throw new CouncilError('AUDIT_LOG_EMPTY', 'The audit log has no entries yet: there is nothing to export.');
  const walker = new AuditChainWalker(nodeHash);
  const entries: AuditEntry[] = [];
  texts.forEach((text, index) => {
    const line = index + 1;
    const parsed = parseStrictJson(text);
    if (!parsed.ok) {
      const why =
        parsed.error === 'not-json'
          ? text.trim() === ''
            ? 'is empty'
            : `is not JSON (${parsed.detail})`
          : `holds the key "${parsed.duplicate.key}" twice (at ${parsed.duplicate.path})`;
      throw new CouncilError('AUDIT_LOG_INVALID', `Line ${line} of the audit log ${why}.`);
    }
    const broken = walker.step(parsed.value);
    if (broken) {
      const code = broken.what === 'malformed' ? 'AUDIT_LOG_INVALID' : 'AUDIT_CHAIN_BROKEN';
      throw new CouncilError(code, `Line ${line} of the audit log: ${brokenWords(broken)}. Nothing was written.`);
    }
    entries.push(parsed.value as AuditEntry);
  });
  return entries;
}

/** Whether `file` is taken, and if so whether by these very bytes. */
async function heldBy(file: string, bytes: Uint8Array): Promise<'free' | 'same' | 'other'> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)));
  if (info === null) return 'free';
  if (!info.isFile() || info.size !== bytes.length) return 'other';
  return Buffer.from(await readFile(file)).equals(bytes) ? 'same' : 'other';
}

/**
 * Writes the checked log into `syncFolder`. `createFolder`: a missing sync folder is made (the
 * default one); otherwise a missing one (a chosen folder whose drive is gone) is SYNC_FOLDER_MISSING.
 */
export async function exportAuditLog(
  syncFolder: string,
  { name, lines }: { name: string; lines: string },
  { createFolder = false }: { createFolder?: boolean } = {},
): Promise<AuditExportResult> {
  // The contract gate checks the name already; the service is also called directly (tests).
  if (!AUDIT_EXPORT_NAME.test(name)) throw new CouncilError('BAD_ARGUMENT', `"${name}" cannot name an audit-log export: 1 to 64 of A-Z a-z 0-9 - _ . only.`);
  const entries = checkAuditLines(lines);
  if (createFolder) {
    await mkdir(syncFolder, { recursive: true }).catch((e: Error) => {
      throw new CouncilError('AUDIT_EXPORT_FAILED', `The default sync folder ${syncFolder} could not be made: ${e.message}; nothing was written.`);
    });
  }
  const folder = await stat(syncFolder).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new CouncilError('SYNC_FOLDER_MISSING', `The sync folder ${syncFolder} cannot be found. Is the drive connected?`);
  }
  const bytes = new TextEncoder().encode(entries.map((e) => `${auditExportLine(e)}\n`).join(''));
  const answer = (file: string, existed: boolean): AuditExportResult => ({ path: file, entries: entries.length, head: entries.at(-1)!.hash, existed });
  for (let n = 1; n <= AUDIT_EXPORT_MAX_NAMES; n += 1) {
    const file = path.join(syncFolder, auditExportFileName(name, n));
    try {
      // Looked at first, so a taken name costs no write; the create still refuses a file that
      // appears in between, and then that file is looked at again.
      let held = await heldBy(file, bytes);
      if (held === 'free') {
        if (await createFileAtomic(file, bytes)) return answer(file, false);
        held = await heldBy(file, bytes);
      }
      if (held === 'same') return answer(file, true);
    } catch (e) {
      throw new CouncilError('AUDIT_EXPORT_FAILED', `The audit log could not be written to ${file}: ${(e as Error).message}`);
    }
  }
  throw new CouncilError(
    'AUDIT_EXPORT_NAMES_TAKEN',
    `${auditExportFileName(name, 1)} to ${auditExportFileName(name, AUDIT_EXPORT_MAX_NAMES)} in ${syncFolder} all hold other files; nothing was written. Move some away and export again.`,
  );
}
