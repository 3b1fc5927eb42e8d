/** Many audit entries at once: the very chain appendAudit writes one entry at a time. */
import { describe, expect, it } from 'vitest';
import { appendAudit, firstBrokenAuditEntry, type AuditInput } from '../../renderer/db/audit';
import { appendAuditBatch } from '../../renderer/db/audit-batch';
import type { CouncilDb } from '../../renderer/db/schema';
import { freshDbEachTest } from './support/fresh-db';

let db: CouncilDb;
let other: CouncilDb;
freshDbEachTest((d) => (db = d));
freshDbEachTest((d) => (other = d));

function inputs(n: number): AuditInput[] {
  return Array.from({ length: n }, (_, i) => ({
    at: `2023-03-02T14:${String(10 + (i % 50)).padStart(2, '0')}:00+09:00`,
    entity: 'vote',
    entityId: `M1/1015-${String(i).padStart(6, '0')}/1/m2`,
    action: 'record',
    detail: { meetingId: 'M1', caseId: `1015-${String(i).padStart(6, '0')}`, proposalNo: 1, memberId: 'm2', vote: i % 3 === 0 ? 'reject' : 'approve', bulk: true },
  }));
}

async function seed(target: CouncilDb): Promise<void> {
  await target.transaction('rw', [target.audit, target.settings], async () => {
    await target.settings.put({ key: 'operator', value: 's1' });
    await appendAudit(target, { at: '2023-03-02T09:00:00+09:00', entity: 'meeting', entityId: 'M1', action: 'open', detail: {} });
  });
}

describe('appendAuditBatch', () => {
  it('writes the same entries, hashes and sequences as one appendAudit call per entry', async () => {
    await seed(db);
    await seed(other);
    const batch = inputs(25);
    const written = await db.transaction('rw', [db.audit, db.settings], () => appendAuditBatch(db, batch));
    await other.transaction('rw', [other.audit, other.settings], async () => {
      for (const input of batch) await appendAudit(other, input);
    });
    const one = await db.audit.orderBy('sequence').toArray();
    const many = await other.audit.orderBy('sequence').toArray();
    expect(one).toHaveLength(26);
    expect(one).toEqual(many);
    expect(written).toEqual(one.slice(1));
    expect(written[0]!.prevHash).toBe(one[0]!.hash);
    expect(new Set(one.map((e) => e.actor))).toEqual(new Set(['s1']));
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('starts a chain with prevHash null on an empty log, and appendAudit continues it', async () => {
    await db.settings.put({ key: 'operator', value: 's1' });
    await db.transaction('rw', [db.audit, db.settings], () => appendAuditBatch(db, inputs(3)));
    await db.transaction('rw', [db.audit, db.settings], () => appendAudit(db, { entity: 'meeting', entityId: 'M1', action: 'close', detail: {} }));
    const rows = await db.audit.orderBy('sequence').toArray();
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prevHash).toBeNull();
    expect(rows[3]!.prevHash).toBe(rows[2]!.hash);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('writes nothing when the transaction fails after it, and refuses to run outside a transaction', async () => {
    await seed(db);
    await expect(
      db.transaction('rw', [db.audit, db.settings], async () => {
        await appendAuditBatch(db, inputs(5));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.audit.count()).toBe(1);
    await expect(appendAuditBatch(db, inputs(2))).rejects.toThrow(/inside a read-write transaction/);
    expect(await db.audit.count()).toBe(1);
  });

  it('names the operator of the moment and fills in the time when none is given', async () => {
    await db.settings.put({ key: 'operator', value: 'm1' });
    const [entry] = await db.transaction('rw', [db.audit, db.settings], () => appendAuditBatch(db, [{ entity: 'vote', entityId: 'x', action: 'record', detail: {} }]));
    expect(entry!.actor).toBe('m1');
    expect(Number.isNaN(Date.parse(entry!.at))).toBe(false);
    expect(await db.transaction('rw', [db.audit, db.settings], () => appendAuditBatch(db, []))).toEqual([]);
  });
});
