/**
 * The audit log's witness (README, "Audit log"): the chain lives in the renderer's IndexedDB, so
 * a profile rewritten as a whole (every entry recomputed) would still check. The main process
 * keeps an append-only file of its own in the user-data folder, `audit-witness.ndjson`, one
 * `{"sequence":N,"hash":"<64 hex>","at":"<ISO>"}` a line: the hash it was sent for that entry
 * and when. A chain that no longer holds a witnessed hash was rewritten (or cut).
 */
import { z } from 'zod';
import { AUDIT_HASH } from './schemas/audit-entry';
import { isoDateTime } from './schemas/amounts';

/** An audit entry as the witness knows it: its sequence and hash. */
export interface WitnessHead {
  sequence: number;
  hash: string;
}

/** One line of the witness file: an entry's sequence and hash, and when main witnessed it. */
export interface WitnessEntry extends WitnessHead {
  at: string;
}

/**
 * The witness begun again by a restore (restoreFinish, shared/contract/backup.ts): main wrote a new
 * witness file holding the audit chain of the backup it had checked, and kept the one before beside
 * it, `audit-witness-before-restore-<yyyymmdd-hhmmss>.ndjson` (UTC). Kept by main in
 * `audit-witness-restore.json` until the next restore.
 */
export interface WitnessRestart {
  /** The restore it was made for (restoreOpen's restoreId): the page's marker names it too. */
  restoreId: string;
  /** The backup restored: its file name, and when it was made (its manifest's createdAt). */
  backup: string;
  backupCreatedAt: string;
  /** When main began the new witness. */
  at: string;
  /** The witness file before, kept in the user-data folder under this name; null when there was none. */
  previous: string | null;
  /** The entries the new witness began with: the backup's audit chain, 1 to this. */
  entries: number;
}

/** What getWitness answers: every witnessed entry, oldest first, and what was skipped reading them. */
export interface AuditWitness {
  entries: WitnessEntry[];
  /** The file's last line was cut short (a crash mid-append): it was skipped, the file left as it is. */
  tornTail: boolean;
  /** Lines (1-based) before the last that hold no witness line, or one not after the line before it: skipped. */
  skippedLines: number[];
  /** Present when a restore began this witness (its first entries are the backup's chain). */
  restart?: WitnessRestart;
}

/** The most entries one witnessAudit call carries: the renderer sends a longer run in calls of this many. */
export const WITNESS_MAX_ENTRIES = 10_000;

const sequence = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const hash = z.string().regex(AUDIT_HASH, 'must be 64 lowercase hexadecimal digits (SHA-256)');

export const witnessHeadSchema = z.strictObject({ sequence, hash });

/** A line of the witness file, as main reads it back. */
export const witnessEntrySchema = z.strictObject({ sequence, hash, at: isoDateTime });

/** main's record of the last restart (audit-witness-restore.json), as it reads it back. */
export const witnessRestartSchema = z.strictObject({
  restoreId: z.string().regex(/^[0-9a-f-]{36}$/),
  backup: z.string().min(1).max(255),
  backupCreatedAt: isoDateTime,
  at: isoDateTime,
  previous: z.string().regex(/^audit-witness-before-restore-[0-9]{8}-[0-9]{6}(-[0-9]+)?\.ndjson$/).nullable(),
  entries: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
}) satisfies z.ZodType<WitnessRestart>;

/** witnessAudit's argument: entries in rising sequence order. */
export const witnessAuditArgSchema = z.strictObject({
  entries: z
    .array(witnessHeadSchema)
    .max(WITNESS_MAX_ENTRIES)
    .refine((list) => list.every((e, i) => i === 0 || e.sequence > list[i - 1]!.sequence), { error: 'must be in rising sequence order, each sequence once' }),
});
