/**
 * One audit-log entry as stored (renderer/db/rows.ts AuditRow) and as exported, one a line, to
 * `audit-<meetingId or date>.ndjson` (FORMATS.md, "Audit log export"). Exactly these keys: a key
 * more would be left out of the hash by one reader and not by another.
 */
import { z } from 'zod';

export const AUDIT_HASH = /^[0-9a-f]{64}$/;

const hashHex = z.string().regex(AUDIT_HASH, 'must be 64 lowercase hexadecimal digits (SHA-256)');

export const auditEntrySchema = z.strictObject({
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  at: z.string().min(1),
  entity: z.string().min(1),
  entityId: z.string(),
  action: z.string().min(1),
  actor: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: hashHex.nullable(),
  hash: hashHex,
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What the hash is taken over: the entry without `sequence` and `hash`. */
export type AuditEntryBody = Omit<AuditEntry, 'sequence' | 'hash'>;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const isHash = (value: unknown): value is string => typeof value === 'string' && AUDIT_HASH.test(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The schema's test, written out: a check of 100,000 entries spends a third of its time in zod
 * otherwise. auditEntrySchema stays the definition (and gives the error's path and words); a test
 * holds the two to the same answers.
 */
export function isAuditEntry(value: unknown): value is AuditEntry {
  if (!isPlainRecord(value) || Object.keys(value).length !== AUDIT_ENTRY_KEYS.length) return false;
  const { sequence, at, entity, entityId, action, actor, detail, prevHash, hash } = value;
  return (
    Number.isSafeInteger(sequence) &&
    (sequence as number) >= 1 &&
    isText(at) &&
    isText(entity) &&
    typeof entityId === 'string' &&
    isText(action) &&
    (actor === null || typeof actor === 'string') &&
    isPlainRecord(detail) &&
    (prevHash === null || isHash(prevHash)) &&
    isHash(hash)
  );
}

/** The keys of an exported line, in the order FORMATS.md writes them. */
export const AUDIT_ENTRY_KEYS = ['sequence', 'at', 'entity', 'entityId', 'action', 'actor', 'detail', 'prevHash', 'hash'] as const satisfies readonly (keyof AuditEntry)[];
