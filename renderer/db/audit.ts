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

/**
 * What the next entry chains to and whom it names: the last entry's hash and the operator. Read
 * inside the write's own read-write transaction (IndexedDB lets no other writer of the audit table
 * in until it commits), a writer can read it together with its other reads and hand it to
 * appendAudit, as long as no entry is appended in between (it would be the last one then).
 */
export interface AuditHead {
  actor: string | null;
  prevHash: string | null;
  /** The last entry's sequence; 0 while the log is empty. */
  sequence: number;
}

export async function readAuditHead(db: CouncilDb): Promise<AuditHead> {
  const [operator, last] = await Promise.all([db.settings.get('operator'), db.audit.orderBy('sequence').last()]);
  return { actor: operatorOf(operator?.value), prevHash: last ? last.hash : null, sequence: last ? last.sequence : 0 };
}

/** `head`: read in this transaction by readAuditHead, with no entry appended since; else read here. */
export async function appendAudit(db: CouncilDb, input: AuditInput, head?: AuditHead): Promise<AuditRow> {
  const { actor, prevHash, sequence: last } = head ?? (await readAuditHead(db));
  const body: Omit<AuditRow, 'sequence' | 'hash'> = {
    at: input.at ?? new Date().toISOString(),
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    actor,
    detail: input.detail,
    prevHash,
  };
  // The next number after the last entry's, named here rather than left to the table's key
  // generator, which never goes back: after a restore over a longer log it would leave a gap.
  const entry = { ...body, hash: auditEntryHash(body), sequence: last + 1 };
  await db.audit.add(entry);
  return entry;
}

/** The sequence of the first entry that breaks the chain, or null (the whole check: audit-check.ts). */
export async function firstBrokenAuditEntry(db: CouncilDb): Promise<number | null> {
  const check = await checkAuditLog(db);
  return check.intact ? null : check.brokenAt;
}
