import { describe, expect, it } from 'vitest';
import { openCouncilDb, schemaVersions, type CouncilDb } from '../../renderer/db/schema';
import { rollbackBundle } from '../../renderer/bundles/import/bundle-rollback';
import { writeChunk } from '../../renderer/bundles/import/chunk-writer';
import { startLocalImport } from '../../renderer/bundles/import/import-start';
import { bootCouncil } from '../../renderer/app/boot';
import { DEFAULT_SECURITY_SETTINGS } from '../../shared/schemas/security-settings';
import { inUse } from './support/fake-bridge';
import { useCouncilStore } from '../../renderer/common/council-store';
import { caseBundle, caseSpec, expectSummariesInStep, imported, registrationNo, week, type CaseSpec } from './support/case-bundle';
import { dbSnapshot } from './support/db-snapshot';
import { asVersion1, deleteEarlierDbsAfterEach, openedNow, storedAtVersion, version1Rows } from './support/earlier-versions';
import { freshDbEachTest } from './support/fresh-db';

let db: CouncilDb;
freshDbEachTest((fresh) => (db = fresh));
deleteEarlierDbsAfterEach();

const SHARED_REG = registrationNo('440810007');

const spec = (caseId: string, n: number, extra: Partial<CaseSpec> = {}) => caseSpec(caseId, n, { claimedLoss: 450_000, ...extra });

// Best week 7 x 60,000 = 420,000, outage 7 x 20,000 = 140,000: assessed 280,000 < claim 450,000, so T1.
const FIRST = () => caseBundle('B-ONE', [spec('ONE-T1', 1, { dailySales: [...week('2022-10-01', 60_000), ...week('2022-10-15', 20_000)] }), spec('ONE-DUP', 2, { registrationNo: SHARED_REG })]);
const SECOND = () => caseBundle('B-TWO', [spec('TWO-DUP', 3, { registrationNo: SHARED_REG }), spec('TWO-T2', 4)]);
/** Re-issues ONE-T1 (which has no duplicates) with a smaller claim. */
const REVISING = () => caseBundle('B-REVISING', [spec('ONE-T1', 1, { claimedLoss: 300_000 }), spec('REV-NEW', 8)]);

/** What the rest of the code reads: the case rows, their earlier revisions and the summaries. */
const caseTables = async (of: CouncilDb) => ({ cases: await of.cases.toArray(), caseHistory: await of.caseHistory.toArray(), caseSummaries: await of.caseSummaries.toArray() });

describe('the schema upgrade of cases stored by earlier versions', () => {
  it('assesses the cases version 1 stored as the import does, finds their duplicates and writes their summaries, once', async () => {
    await imported(db, FIRST());
    await imported(db, SECOND());
    const name = await storedAtVersion(1, await version1Rows(db));
    const v1 = openCouncilDb(name, schemaVersions.slice(0, 1));
    expect(v1.tables.map((t) => t.name)).not.toContain('caseSummaries');
    expect(await v1.table('cases').get('ONE-T1')).toMatchObject({ suggestion: null, flags: [] });
    expect(await v1.table('cases').get('ONE-T1')).not.toHaveProperty('duplicates');
    v1.close();

    const old = await openedNow(name);

    expect(await old.cases.get('ONE-T1')).toMatchObject({ assessedLoss: 280_000, suggestedTier: 'T1', suggestion: { tier: 'T1', award: 30_000, amount: 280_000, basis: 'assessed' } });
    expect(await old.cases.get('TWO-T2')).toMatchObject({ assessedLoss: null, suggestedTier: 'T2', suggestion: { tier: 'T2', award: 50_000, amount: 450_000, basis: 'claimed' } });
    expect((await old.cases.get('ONE-DUP'))?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['TWO-DUP'] }]);
    expect((await old.cases.get('TWO-DUP'))?.flags).toContain('DUPLICATE_REGISTRATION_NO');
    expect(await old.cases.toArray()).toEqual(await db.cases.toArray());
    expect(await old.caseSummaries.toArray()).toEqual(await db.caseSummaries.toArray());
    await expectSummariesInStep(old);

    const after = await dbSnapshot(old);
    old.close();
    expect(await dbSnapshot(await openedNow(name))).toEqual(after);
  });

  it('leaves the rows of a database the import wrote at version 2 as they were', async () => {
    await imported(db, FIRST());
    await imported(db, SECOND());
    await imported(db, REVISING());
    const [bundles, documents, cases, caseHistory] = await Promise.all([db.bundles.toArray(), db.documents.toArray(), db.cases.toArray(), db.caseHistory.toArray()]);
    expect(caseHistory.map((h) => h.caseId)).toEqual(['ONE-T1']);

    const old = await openedNow(await storedAtVersion(2, { bundles, documents, cases, caseHistory }));

    expect(await caseTables(old)).toEqual(await caseTables(db));
  });

  it('assesses the earlier revisions version 1 stored, which the start-up backfill of version 2 left as they were', async () => {
    await imported(db, FIRST());
    await imported(db, REVISING());
    const [bundles, documents, cases, caseHistory] = await Promise.all([db.bundles.toArray(), db.documents.toArray(), db.cases.toArray(), db.caseHistory.toArray()]);

    const old = await openedNow(await storedAtVersion(2, { bundles, documents, cases, caseHistory: caseHistory.map(asVersion1) }));

    expect(await old.caseHistory.get(['ONE-T1', 1])).toMatchObject({ suggestedTier: 'T1', suggestion: { tier: 'T1', award: 30_000 }, duplicates: [], supersededBy: 'B-REVISING' });
    expect(await caseTables(old)).toEqual(await caseTables(db));
  });

  it('counts, before start-up rolls an interrupted import back, the cases as the rollback leaves them', async () => {
    await imported(db, FIRST());
    await imported(db, SECOND());
    // An import cut off after its first chunk: it re-issues TWO-DUP with another registration number
    // and brings CUT-DUP, which shares ONE-DUP's.
    const cut = caseBundle('B-CUT', [spec('TWO-DUP', 9), spec('CUT-DUP', 5, { registrationNo: SHARED_REG }), spec('CUT-MORE', 6)]);
    const start = await startLocalImport(db, cut.summary, '2023-03-11T09:00:00+09:00');
    if (!start.go) throw new Error('expected the import to start');
    await writeChunk(db, start.ctx, cut.cases.slice(0, 2), []);
    const old = openCouncilDb(await storedAtVersion(1, await version1Rows(db)));

    const witness = { witnessAudit: async () => null, getWitness: async () => ({ entries: [], tornTail: false, skippedLines: [] }) };
    await bootCouncil(old, { getSecuritySettings: async () => inUse(DEFAULT_SECURITY_SETTINGS), ...witness });

    expect(useCouncilStore.getState()).toMatchObject({ status: 'ready', caseCount: 4 });
    expect(await old.bundles.get('B-CUT')).toBeUndefined();
    expect(await old.cases.get('TWO-DUP')).toMatchObject({ bundleId: 'B-TWO', revision: 1, registrationNo: SHARED_REG, suggestedTier: 'T2' });
    expect((await old.cases.get('ONE-DUP'))?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['TWO-DUP'] }]);
    expect((await old.cases.get('TWO-DUP'))?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['ONE-DUP'] }]);
    await expectSummariesInStep(old);
    await rollbackBundle(db, 'B-CUT');
    expect(await caseTables(old)).toEqual(await caseTables(db));
    old.close();
  });

  it('refuses to open, naming them, a case whose bundle is not stored (the first by id)', async () => {
    await imported(db, FIRST());
    const rows = await version1Rows(db);
    const name = await storedAtVersion(1, { ...rows, bundles: [] });

    await expect(openedNow(name)).rejects.toThrow(/Case ONE-DUP belongs to the bundle B-ONE, which is not stored/);
  });
});
