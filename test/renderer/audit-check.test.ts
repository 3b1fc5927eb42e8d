/**
 * The audit log's check finds the entry where the chain breaks and says how, for every way of
 * tampering with the rows directly through Dexie: content altered, a hash altered, an entry
 * removed, two entries' contents swapped, a row that is not an entry.
 */
import { describe, expect, it } from 'vitest';
import { auditEntryHash } from '../../renderer/db/audit';
import { checkAuditLog, readAuditLines } from '../../renderer/db/audit-check';
import type { CouncilDb } from '../../renderer/db/schema';
import { seedAuditLog } from './support/audit-entries';
import { freshDbEachTest } from './support/fresh-db';

let db: CouncilDb;
freshDbEachTest((fresh) => {
  db = fresh;
});

const row = async (sequence: number) => (await db.audit.get(sequence))!;

describe('checkAuditLog', () => {
  it('finds an intact chain intact, across chunks, and names its head', async () => {
    await seedAuditLog(db, 25);
    const last = await row(25);
    expect(await checkAuditLog(db, { chunk: 4 })).toEqual({ intact: true, entries: 25, head: last.hash });
  });

  it('finds an empty log intact, with no head', async () => {
    expect(await checkAuditLog(db)).toEqual({ intact: true, entries: 0, head: null });
  });

  it("finds an entry whose detail was altered, with the stored and the recomputed hash", async () => {
    await seedAuditLog(db, 8);
    const stored = (await row(5)).hash;
    await db.audit.update(5, { detail: { note: 'entry 5, changed afterwards' } });
    const recomputed = (({ sequence: _s, hash: _h, ...body }) => auditEntryHash(body))(await row(5));
    expect(recomputed).not.toBe(stored);
    expect(await checkAuditLog(db, { chunk: 3 })).toEqual({ intact: false, entries: 8, what: 'hash', brokenAt: 5, stored, recomputed });
  });

  it('finds an altered entry whose hash was recomputed too, at the link of the entry after it', async () => {
    await seedAuditLog(db, 8);
    const original = await row(4);
    const { sequence: _s, hash: _h, ...body } = { ...original, action: 'approve' };
    const forged = auditEntryHash(body);
    await db.audit.update(4, { action: 'approve', hash: forged });
    expect(await checkAuditLog(db)).toEqual({ intact: false, entries: 8, what: 'link', brokenAt: 5, prevHash: original.hash, expected: forged });
  });

  it('finds a hash altered', async () => {
    await seedAuditLog(db, 6);
    const recomputed = (await row(2)).hash;
    await db.audit.update(2, { hash: 'f'.repeat(64) });
    expect(await checkAuditLog(db)).toMatchObject({ intact: false, entries: 6, what: 'hash', brokenAt: 2, stored: 'f'.repeat(64), recomputed });
  });

  it('finds an entry removed, by the sequence number missing', async () => {
    await seedAuditLog(db, 10);
    await db.audit.delete(7);
    expect(await checkAuditLog(db, { chunk: 3 })).toEqual({ intact: false, entries: 9, what: 'sequence-gap', brokenAt: 7, next: 8 });
  });

  it('finds the first entry removed, and several in a row', async () => {
    await seedAuditLog(db, 10);
    await db.audit.delete(1);
    expect(await checkAuditLog(db)).toMatchObject({ what: 'sequence-gap', brokenAt: 1, next: 2 });
    await db.audit.bulkDelete([1, 2, 3, 4]);
    expect(await checkAuditLog(db)).toMatchObject({ what: 'sequence-gap', brokenAt: 1, next: 5, entries: 6 });
  });

  it('finds an entry removed and the rest renumbered, at the link', async () => {
    await seedAuditLog(db, 6);
    const rows = await db.audit.orderBy('sequence').toArray();
    const removed = rows[3]!;
    await db.transaction('rw', db.audit, async () => {
      await db.audit.clear();
      await db.audit.bulkAdd(rows.filter((r) => r !== removed).map((r, i) => ({ ...r, sequence: i + 1 })));
    });
    expect(await checkAuditLog(db)).toEqual({ intact: false, entries: 5, what: 'link', brokenAt: 4, prevHash: removed.hash, expected: rows[2]!.hash });
  });

  it("finds two entries' contents swapped, and which entry the moved one belongs after", async () => {
    await seedAuditLog(db, 9);
    const [third, sixth] = [await row(3), await row(6)];
    await db.transaction('rw', db.audit, async () => {
      await db.audit.put({ ...sixth, sequence: 3 });
      await db.audit.put({ ...third, sequence: 6 });
    });
    expect(await checkAuditLog(db, { chunk: 2 })).toEqual({
      intact: false,
      entries: 9,
      what: 'order',
      brokenAt: 3,
      follows: 5,
      prevHash: sixth.prevHash,
      expected: (await row(2)).hash,
    });
  });

  it('finds neighbours swapped', async () => {
    await seedAuditLog(db, 4);
    const [first, second] = [await row(1), await row(2)];
    await db.audit.bulkPut([{ ...second, sequence: 1 }, { ...first, sequence: 2 }]);
    expect(await checkAuditLog(db)).toMatchObject({ what: 'order', brokenAt: 1, follows: 2, prevHash: first.hash, expected: null });
  });

  it('finds a row that is not an entry, naming the key', async () => {
    await seedAuditLog(db, 5);
    await db.audit.update(3, { actor: 42 as unknown as string });
    expect(await checkAuditLog(db)).toMatchObject({ intact: false, entries: 5, what: 'malformed', brokenAt: 3, path: 'actor' });
    await db.audit.update(3, { actor: null, extra: 'x' } as never);
    expect(await checkAuditLog(db)).toMatchObject({ what: 'malformed', brokenAt: 3 });
  });
});

describe('readAuditLines', () => {
  it("gives every entry, oldest first, one a line with FORMATS.md's keys in order", async () => {
    await seedAuditLog(db, 5);
    const { lines, entries } = await readAuditLines(db, { chunk: 2 });
    expect(entries).toBe(5);
    const split = lines.split('\n');
    expect(split).toHaveLength(6);
    expect(split[5]).toBe('');
    const first = await row(1);
    expect(split[0]).toBe(
      `{"sequence":1,"at":"${first.at}","entity":"case","entityId":"1015-000001","action":"review","actor":null,"detail":{"note":"entry 1"},"prevHash":null,"hash":"${first.hash}"}`,
    );
    expect(split.slice(0, 5).map((l) => JSON.parse(l).sequence)).toEqual([1, 2, 3, 4, 5]);
  });
});
