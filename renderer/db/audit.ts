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
import { auditEntryHash } from '../../shared/audit-chain';
import { checkAuditLog } from './audit-check';
import type { AuditRow } from './rows';
import type { CouncilDb } from './schema';
import { operatorOf } from './settings';

export type AuditInput = Pick<AuditRow, 'entity' | 'entityId' | 'action' | 'detail'> & { at?: string };

export { auditEntryHash };

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

/** The sequence of the first entry that breaks the chain, or null (the whole check: audit-check.ts). */
export async function firstBrokenAuditEntry(db: CouncilDb): Promise<number | null> {
  const check = await checkAuditLog(db);
  return check.intact ? null : check.brokenAt;
}
