/**
 * The audit log: its export into the sync folder, and main's append-only witness of its hashes (electron/services/witness/).
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import { witnessAuditArgSchema, type AuditWitness, type WitnessHead } from '../audit-witness';

/**
 * What names an audit-log export, `audit-<name>.ndjson`: a meeting's id or a date (FORMATS.md:
 * 1 to 64 of A-Z a-z 0-9 - _ .). Never a path: the folder is the main process's own setting.
 */
export const AUDIT_EXPORT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The most text an audit-log export may carry (100,000 entries take about 40 MB). */
export const AUDIT_EXPORT_MAX_CHARS = 100_000_000;

/** An audit-log export as written: where, how many entries, the last one's hash. */
export interface AuditExportResult {
  /** The file, absolute: `<sync folder>/audit-<name>.ndjson`, or `audit-<name>-2.ndjson`, ... when that name holds another file. */
  path: string;
  entries: number;
  /** The hash of the last entry (what a decision file's auditHead names). */
  head: string;
  /** True when the very same file was there already: nothing was written. */
  existed: boolean;
}

export interface AuditHandlers {
  /**
   * Writes the audit log into the sync folder in use (the chosen one, else the default, made if
   * missing; a chosen one that is gone: SYNC_FOLDER_MISSING), as `audit-<name>.ndjson`. `lines`: the log, one entry a line, oldest first (FORMATS.md). The main
   * process checks every entry's shape, hash and link itself and refuses a broken chain
   * (AUDIT_CHAIN_BROKEN) or a malformed line (AUDIT_LOG_INVALID), naming the line; it never
   * overwrites a different file (the next free name is taken).
   */
  exportAuditLog(arg: { name: string; lines: string }): Promise<AuditExportResult>;
  // ---- witness (electron/services/witness/): main's append-only copy of the audit chain's hashes ----
  /**
   * Appends to `<userData>/audit-witness.ndjson` (fsync'd) the entries above the last witnessed
   * sequence; one at or below it is ignored when its hash is the witnessed one and refused
   * (WITNESS_CONFLICT, nothing written) when not: the chain was rewritten. Answers the last
   * witnessed entry; null while none is. `entries: []` only asks for it.
   */
  witnessAudit(arg: { entries: WitnessHead[] }): Promise<WitnessHead | null>;
  /** Every witnessed entry, oldest first (a torn last line skipped and said so; the file never truncated). */
  getWitness(arg: undefined): Promise<AuditWitness>;
}

export const auditArgSchemas = {
  // A name, never a path; the lines are checked entry by entry by the handler (audit-export.ts).
  exportAuditLog: z.strictObject({ name: z.string().regex(AUDIT_EXPORT_NAME), lines: z.string().max(AUDIT_EXPORT_MAX_CHARS) }),
  // ---- witness ----
  witnessAudit: witnessAuditArgSchema,
  getWitness: z.undefined(),
} as const satisfies ArgSchemasOf<AuditHandlers>;
