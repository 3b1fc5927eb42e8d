import { afterEach, describe, expect, it } from 'vitest';
import { checkSchemaSteps, openCouncilDb, schemaVersions, type SchemaStep } from '../../renderer/db/schema';
import { freshDbName } from './support/render-app';
import type Dexie from 'dexie';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const member = { memberId: 'm1', name: '정한결', affiliation: '소상공인연합회', role: 'chair' as const, active: true, conflicts: [] };

describe('council database schema', () => {
  it('has every table the meeting needs, with its primary key', async () => {
    const db = openCouncilDb(freshDbName());
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(7);
    const keys = Object.fromEntries(db.tables.map((t) => [t.name, t.schema.primKey.keyPath]));
    expect(keys).toEqual({
      bundles: 'bundleId',
      cases: 'caseId',
      caseHistory: ['caseId', 'revision'],
      documents: ['bundleId', 'file'],
      members: 'memberId',
      meetings: 'meetingId',
      recusals: ['meetingId', 'caseId', 'memberId'],
      proposals: ['meetingId', 'caseId', 'no'],
      votes: ['meetingId', 'caseId', 'proposalNo', 'memberId'],
      decisions: ['caseId', 'revision'],
      audit: 'sequence',
      exports: ['meetingId', 'sequence'],
      settings: 'key',
      caseSummaries: 'caseId',
    });
    expect(db.audit.schema.primKey.auto).toBe(true);
    const flags = db.cases.schema.indexes.find((i) => i.name === 'flags');
    expect(flags?.multi).toBe(true);
    expect(db.votes.schema.indexes.map((i) => i.name)).toContain('[meetingId+caseId+proposalNo]');
  });

  it('upgrades a version 3 database: members gain active and conflicts, votes and decisions get their new keys', async () => {
    const name = freshDbName();
    const v3 = openCouncilDb(name, schemaVersions.slice(0, 3));
    await v3.open();
    await v3.table('members').put({ memberId: 'm9', name: '옛위원', affiliation: '참여연대', role: 'member' });
    v3.close();
    const db = openCouncilDb(name);
    opened.push(db);
    expect(await db.members.get('m9')).toMatchObject({ memberId: 'm9', active: true, conflicts: [] });
    expect(db.decisions.schema.primKey.keyPath).toEqual(['caseId', 'revision']);
    expect(db.votes.schema.primKey.keyPath).toEqual(['meetingId', 'caseId', 'proposalNo', 'memberId']);
  });

  it('upgrades a version 5 database: recusal rows gain withdrawal null', async () => {
    const name = freshDbName();
    const v5 = openCouncilDb(name, schemaVersions.slice(0, 5));
    await v5.open();
    expect(v5.verno).toBe(5);
    const stored = { meetingId: '2023-03-02', caseId: '1015-000001', memberId: 'm4', status: 'recused', reason: '거래 관계', conflictId: null, confirmedBy: 's1', at: '2023-03-02T14:03:00+09:00' };
    await v5.table('recusals').bulkPut([stored, { ...stored, memberId: 'm2', status: 'dismissed', conflictId: 'm2-c1' }]);
    v5.close();
    const db = openCouncilDb(name);
    opened.push(db);
    const rows = await db.recusals.where('[meetingId+caseId]').equals(['2023-03-02', '1015-000001']).sortBy('memberId');
    expect(rows).toEqual([
      { ...stored, memberId: 'm2', status: 'dismissed', conflictId: 'm2-c1', withdrawal: null },
      { ...stored, withdrawal: null },
    ]);
  });

  it('upgrades a version 6 database: export rows keep their file and gain no decisions, written, no path', async () => {
    const name = freshDbName();
    const v6 = openCouncilDb(name, schemaVersions.slice(0, 6));
    await v6.open();
    const stored = { meetingId: '2023-03-02', sequence: 1, fileName: 'decisions-2023-03-02-0001.dsse.json', payloadSha256: 'c'.repeat(64), writtenAt: '2023-03-02T17:00:00+09:00' };
    await v6.table('exports').put(stored);
    v6.close();
    const db = openCouncilDb(name);
    opened.push(db);
    expect(await db.exports.get(['2023-03-02', 1])).toEqual({ ...stored, decisions: [], state: 'written', path: null, createdAt: stored.writtenAt });
    expect(await db.exports.where('state').equals('written').count()).toBe(1);
  });

  it('keeps and migrates the data when a later version step is appended', async () => {
    const name = freshDbName();
    const v1 = openCouncilDb(name);
    await v1.members.bulkPut([member, { memberId: 's1', name: '윤하늘', affiliation: '협의체 사무국', role: 'secretary', active: true, conflicts: [] }]);
    await v1.settings.put({ key: 'language', value: 'en' });
    v1.close();

    // The next version: members get a display name "name (affiliation)"; a new index on it and a new table.
    const next = schemaVersions[schemaVersions.length - 1]!.version + 1;
    const v2Step: SchemaStep = {
      version: next,
      stores: { members: '&memberId, role, displayName', notes: '++id, caseId' },
      upgrade: async (tx) => {
        await tx
          .table('members')
          .toCollection()
          .modify((row: { name: string; affiliation: string; displayName?: string }) => {
            row.displayName = `${row.name} (${row.affiliation})`;
          });
      },
    };
    const v2 = openCouncilDb(name, [...schemaVersions, v2Step]);
    opened.push(v2);
    await v2.open();
    expect(v2.verno).toBe(next);

    const members = await v2.members.orderBy('memberId').toArray();
    expect(members.map((m) => (m as typeof m & { displayName: string }).displayName)).toEqual(['정한결 (소상공인연합회)', '윤하늘 (협의체 사무국)']);
    expect(await v2.members.where('displayName').equals('정한결 (소상공인연합회)').count()).toBe(1);
    expect(await v2.settings.get('language')).toEqual({ key: 'language', value: 'en' });
    expect(await v2.table('notes').count()).toBe(0);
  });

  it('refuses version steps that are not in increasing order', () => {
    expect(() => checkSchemaSteps([])).toThrow(/at least one/);
    expect(() => checkSchemaSteps([{ version: 2, stores: {} }, { version: 2, stores: {} }])).toThrow(/must come after/);
    expect(() => checkSchemaSteps([{ version: 1.5, stores: {} }])).toThrow(/whole number/);
    expect(() => checkSchemaSteps(schemaVersions)).not.toThrow();
  });
});
