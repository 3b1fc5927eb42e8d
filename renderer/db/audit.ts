/**
 * The audit log: every change is an entry that carries the hash of the entry before it, so a
 * removed or altered entry shows. Call appendAudit inside the read-write transaction that makes
 * the change (with the audit and settings tables in its scope), so the change and its entry commit
 * together.
 *
 * The actor of every entry is the operator (the member at this device's keyboard), read from the
 * settings table inside that same transaction: no caller names it, so none can forget it or name
 * someone else. A transaction without the settings table fails, loudly. With no roster (the user
 * chose "start empty") there is no operator yet, and entries say actor null until one is chosen.
 */
import { canonicalJson } from '../../shared/canonical-json';
import { sha256Hex } from '../../shared/sha256';
import type { AuditRow } from './rows';
import type { CouncilDb } from './schema';
import { operatorOf } from './settings';

export type AuditInput = Pick<AuditRow, 'entity' | 'entityId' | 'action' | 'detail'> & { at?: string };

/** The hash of an entry: SHA-256 of its RFC 8785 JSON, without `sequence` and `hash`. */
export function auditEntryHash(entry: Omit<AuditRow, 'sequence' | 'hash'>): string {
  return sha256Hex(canonicalJson(entry));
}

export async function appendAudit(db: CouncilDb, input: AuditInput): Promise<AuditRow> {
  const operator = await db.settings.get('operator');
  const last = await db.audit.orderBy('sequence').last();
  const body: Omit<AuditRow, 'sequence' | 'hash'> = {
    at: input.at ?? new Date().toISOString(),
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    actor: operatorOf(operator?.value),
    detail: input.detail,
    prevHash: last ? last.hash : null,
  };
  const entry = { ...body, hash: auditEntryHash(body) };
  const sequence = await db.audit.add(entry);
  return { ...entry, sequence };
}

/** Checks every entry's hash and link; returns the sequence of the first broken entry, or null. */
export async function firstBrokenAuditEntry(db: CouncilDb): Promise<number | null> {
  let prevHash: string | null = null;
  for (const row of await db.audit.orderBy('sequence').toArray()) {
    const { sequence, hash, ...body } = row;
    if (body.prevHash !== prevHash || auditEntryHash(body) !== hash) return sequence;
    prevHash = hash;
  }
  return null;
}
