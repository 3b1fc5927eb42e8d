/**
 * The audit log's chain (FORMATS.md, "Audit log export"): each entry's `hash` is the SHA-256 of
 * its RFC 8785 JSON without `sequence` and `hash`, and its `prevHash` is the previous entry's
 * `hash` (null for the first); sequences run 1, 2, 3, ... without a gap. One walker checks it,
 * entry by entry, oldest first, so a check streams: the renderer feeds it from Dexie in chunks
 * (hashing with @noble/hashes), the main process from an export's lines (hashing with
 * node:crypto), each passing its own hash function.
 */
import { canonicalJson } from './canonical-json';
import { formatJsonPath } from './json-path';
import { auditEntrySchema, AUDIT_ENTRY_KEYS, isAuditEntry, type AuditEntry, type AuditEntryBody } from './schemas/audit-entry';
import { sha256Hex } from './sha256';

/**
 * What breaks the chain, at the entry `brokenAt` (a sequence number):
 * - malformed: the entry is not an entry (a key missing, more, or of the wrong type), at `path`;
 * - sequence-gap: entries brokenAt .. next-1 are missing (removed): the entry after brokenAt-1 is `next`;
 * - sequence-order: entry brokenAt comes after entry `previous`, whose number is not smaller;
 * - hash: the entry's content does not give its stored hash (the content or the hash was altered);
 * - link: its prevHash is not the hash of the entry before it (`expected`: that entry's hash);
 * - order: as link, but its prevHash is the hash of entry `follows`, elsewhere in the log: entries
 *   were moved (only a reader that can look the hash up, the renderer's check, tells this apart).
 */
export type AuditBreak =
  | { what: 'malformed'; brokenAt: number; path: string; message: string }
  | { what: 'sequence-gap'; brokenAt: number; next: number }
  | { what: 'sequence-order'; brokenAt: number; previous: number }
  | { what: 'hash'; brokenAt: number; stored: string; recomputed: string }
  | { what: 'link'; brokenAt: number; prevHash: string | null; expected: string | null }
  | { what: 'order'; brokenAt: number; follows: number; prevHash: string; expected: string | null };

export type AuditBreakKind = AuditBreak['what'];

/** The hash of an entry: SHA-256 (lowercase hex) of its RFC 8785 JSON, without `sequence` and `hash`. */
export function auditEntryHash(body: AuditEntryBody): string {
  return sha256Hex(canonicalJson(body));
}

/**
 * One line of an export: the entry's JSON with its keys in FORMATS.md's order, no newline. A key
 * no entry has (a stored row tampered with) goes after them, not away: the reader then refuses it.
 */
export function auditExportLine(entry: AuditEntry): string {
  const ordered: Record<string, unknown> = {};
  for (const key of AUDIT_ENTRY_KEYS) ordered[key] = entry[key];
  return JSON.stringify(Object.assign(ordered, entry));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where and why `value` is no entry, in zod's words. */
function malformed(value: unknown, expected: number): AuditBreak {
  const sequence = isRecord(value) && Number.isSafeInteger(value.sequence) && (value.sequence as number) >= 1 ? (value.sequence as number) : expected;
  const parsed = auditEntrySchema.safeParse(value);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return { what: 'malformed', brokenAt: sequence, path: issue ? formatJsonPath(issue.path) : '', message: issue?.message ?? 'is not an audit entry' };
}

/** Checks a chain one entry at a time, oldest first; it stops at the first break. */
export class AuditChainWalker {
  private last: { sequence: number; hash: string } | null = null;
  private count = 0;
  private broken: AuditBreak | null = null;

  constructor(private readonly hashOf: (body: AuditEntryBody) => string = auditEntryHash) {}

  /** Entries that continued the chain so far. */
  get entries(): number {
    return this.count;
  }

  /** The hash of the last entry that continued the chain; null before the first. */
  get head(): string | null {
    return this.last?.hash ?? null;
  }

  /** Null when `value` continues the chain, else what breaks it (then, and after, always that). */
  step(value: unknown): AuditBreak | null {
    if (this.broken) return this.broken;
    this.broken = this.check(value);
    if (this.broken === null) {
      const { sequence, hash } = value as AuditEntry;
      this.last = { sequence, hash };
      this.count += 1;
    }
    return this.broken;
  }

  private check(value: unknown): AuditBreak | null {
    const expected = (this.last?.sequence ?? 0) + 1;
    if (!isAuditEntry(value)) return malformed(value, expected);
    // The value itself: hashed exactly as it was stored or sent.
    const { sequence, hash, ...body } = value;
    if (sequence > expected) return { what: 'sequence-gap', brokenAt: expected, next: sequence };
    if (sequence < expected) return { what: 'sequence-order', brokenAt: sequence, previous: expected - 1 };
    let recomputed: string;
    try {
      recomputed = this.hashOf(body);
    } catch (e) {
      // Only a value JSON cannot hold (a cycle, nesting too deep for the canonical form) gets here.
      return { what: 'malformed', brokenAt: sequence, path: 'detail', message: (e as Error).message };
    }
    if (recomputed !== hash) return { what: 'hash', brokenAt: sequence, stored: hash, recomputed };
    const previousHash = this.last?.hash ?? null;
    if (body.prevHash !== previousHash) return { what: 'link', brokenAt: sequence, prevHash: body.prevHash, expected: previousHash };
    return null;
  }
}
