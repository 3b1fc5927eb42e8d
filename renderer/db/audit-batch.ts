/**
 * Many audit entries at once (a bulk vote writes one per vote: 10,000 and more), with exactly the
 * chain appendAudit builds one entry at a time: the same body, the same hash (auditEntryHash), each
 * entry's prevHash the hash of the one before. appendAudit reads the operator and the last entry
 * for every entry; here they are read once, the chain is built in memory and written with one
 * bulkAdd.
 *
 * Call it inside the caller's read-write transaction (with audit and settings in its scope), so the
 * change and its entries commit together and no other writer can slip an entry in between the read
 * of the last entry and the write: without a transaction it refuses, loudly.
 */
import Dexie from 'dexie';
import { auditEntryHash, type AuditInput } from './audit';
import type { AuditRow } from './rows';
import type { CouncilDb } from './schema';
import { operatorOf } from './settings';

export async function appendAuditBatch(db: CouncilDb, inputs: readonly AuditInput[]): Promise<AuditRow[]> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite') throw new Error('appendAuditBatch runs inside a read-write transaction (with audit and settings in its scope)');
  if (inputs.length === 0) return [];
  const operator = await db.settings.get('operator');
  const last = await db.audit.orderBy('sequence').last();
  const actor = operatorOf(operator?.value);
  const now = new Date().toISOString();
  let prevHash = last ? last.hash : null;
  const first = last ? last.sequence + 1 : 1;
  const entries: AuditRow[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i += 1) {
    const input = inputs[i]!;
    // The same keys in the same order as appendAudit's body: the canonical JSON sorts them anyway.
    const body: Omit<AuditRow, 'sequence' | 'hash'> = {
      at: input.at ?? now,
      entity: input.entity,
      entityId: input.entityId,
      action: input.action,
      actor,
      detail: input.detail,
      prevHash,
    };
    const hash = auditEntryHash(body);
    entries[i] = { ...body, hash, sequence: first + i };
    prevHash = hash;
  }
  // The numbers after the last entry's, as appendAudit names them (not the key generator's).
  await db.audit.bulkAdd(entries);
  return entries;
}
