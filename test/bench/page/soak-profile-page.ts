/**
 * What a database of the soak holds, read in one transaction, for comparing the live database with
 * the backup restored beside it (test/bench/soak-restore-check.ts): rows per table, a SHA-256 of
 * each table's rows in key order (each row as JSON with its keys sorted; Blobs by size and type),
 * every decision row, the audit entry at the backup's head, those after it, and the audit chain
 * checked by the app's own check. The audit digest covers the entries up to the head alone: after
 * it the live log has the backup's own entry and the restored one the restore's.
 */
import { checkAuditLog } from '../../../renderer/db/audit-check';
import type { AuditRow } from '../../../renderer/db/rows';
import type { CouncilDb } from '../../../renderer/db/schema';

export interface AuditLine {
  sequence: number;
  hash: string;
  prevHash: string | null;
  entity: string;
  entityId: string;
  action: string;
}

export interface SoakProfile {
  counts: Record<string, number>;
  /** SHA-256 (hex) of each table's rows; the audit table's up to the head only. */
  digests: Record<string, string>;
  /** Each decision row as sorted JSON, by `<caseId>@<revision>`. */
  decisions: Record<string, string>;
  /** The entry at the sequence asked for (the backup's head); null when there is none. */
  auditAt: AuditLine | null;
  /** The entries after it, in order. */
  auditTail: AuditLine[];
  audit: { intact: boolean; entries: number; brokenAt: number | null };
  ms: number;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** JSON with every object's keys sorted and undefined left out, as a JSON round trip leaves it. */
export function canonical(value: unknown): string {
  if (value instanceof Blob) return `{"$blob":${value.size},"type":${JSON.stringify(value.type)}}`;
  if (value instanceof Date) return `{"$date":${JSON.stringify(value.toISOString())}}`;
  if (value instanceof ArrayBuffer) return `{"$bytes":"${hex(new Uint8Array(value))}"}`;
  if (ArrayBuffer.isView(value)) return `{"$bytes":"${hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))}"}`;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

async function sha256(lines: string[]): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines.join('\n')))));
}

const lineOf = (a: AuditRow): AuditLine => ({ sequence: a.sequence, hash: a.hash, prevHash: a.prevHash, entity: a.entity, entityId: a.entityId, action: a.action });

/** `db` as it stands; `auditUpTo`: the backup's head sequence (0 for none). */
export async function readSoakProfile(db: CouncilDb, auditUpTo: number): Promise<SoakProfile> {
  const started = performance.now();
  const rows = await db.transaction('r', db.tables, async () => {
    const all: Record<string, unknown[]> = {};
    for (const table of db.tables) all[table.name] = await table.toArray();
    return all;
  });
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const [name, list] of Object.entries(rows)) {
    counts[name] = list.length;
    const held = name === 'audit' ? (list as AuditRow[]).filter((a) => a.sequence <= auditUpTo) : list;
    digests[name] = await sha256(held.map(canonical));
  }
  const decisions = Object.fromEntries((rows.decisions as { caseId: string; revision: number }[]).map((d) => [`${d.caseId}@${d.revision}`, canonical(d)]));
  const audit = rows.audit as AuditRow[];
  const at = audit.find((a) => a.sequence === auditUpTo);
  const check = await checkAuditLog(db);
  return {
    counts,
    digests,
    decisions,
    auditAt: at ? lineOf(at) : null,
    auditTail: audit.filter((a) => a.sequence > auditUpTo).sort((a, b) => a.sequence - b.sequence).map(lineOf),
    audit: { intact: check.intact, entries: check.entries, brokenAt: check.intact ? null : check.brokenAt },
    ms: performance.now() - started,
  };
}
