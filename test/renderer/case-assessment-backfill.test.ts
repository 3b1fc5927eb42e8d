import { afterEach, describe, expect, it } from 'vitest';
import { backfillCaseAssessments } from '../../renderer/db/case-assessment-backfill';
import { openCouncilDb, schemaVersions, type CouncilDb } from '../../renderer/db/schema';
import { writeChunk } from '../../renderer/bundles/import/chunk-writer';
import { startLocalImport } from '../../renderer/bundles/import/import-start';
import { bootCouncil } from '../../renderer/app/boot';
import { useCouncilStore } from '../../renderer/common/council-store';
import { DEFAULT_SECURITY_SETTINGS } from '../../shared/schemas/security-settings';
import { caseBundle, caseSpec, expectSummariesInStep, imported, registrationNo, week, type CaseSpec } from './support/case-bundle';
import { dbSnapshot } from './support/db-snapshot';
import { freshDbEachTest } from './support/fresh-db';
import { freshDbName } from './support/render-app';

let db: CouncilDb;
freshDbEachTest((fresh) => (db = fresh));

const upgraded: CouncilDb[] = [];
afterEach(async () => {
  for (const old of upgraded.splice(0)) {
    old.close();
    await old.delete();
  }
});

const SHARED_REG = registrationNo('440810007');

const spec = (caseId: string, n: number, extra: Partial<CaseSpec> = {}) => caseSpec(caseId, n, { claimedLoss: 450_000, ...extra });

// Best week 7 x 60,000 = 420,000, outage 7 x 20,000 = 140,000: assessed 280,000 < claim 450,000, so T1.
const FIRST = () => caseBundle('B-ONE', [spec('ONE-T1', 1, { dailySales: [...week('2022-10-01', 60_000), ...week('2022-10-15', 20_000)] }), spec('ONE-DUP', 2, { registrationNo: SHARED_REG })]);
const SECOND = () => caseBundle('B-TWO', [spec('TWO-DUP', 3, { registrationNo: SHARED_REG }), spec('TWO-T2', 4)]);

/**
 * The same bundles, documents and cases in a database made with schema version 1 (no summaries;
 * case rows as that version stored them, nothing computed), opened again at the current version.
 */
async function storedByVersion1(source: CouncilDb): Promise<CouncilDb> {
  const name = freshDbName();
  const v1 = openCouncilDb(name, schemaVersions.slice(0, 1));
  const [bundles, cases, documents] = await Promise.all([source.bundles.toArray(), source.cases.toArray(), source.documents.toArray()]);
  await v1.transaction('rw', [v1.bundles, v1.cases, v1.documents], async () => {
    await v1.bundles.bulkPut(bundles);
    await v1.documents.bulkPut(documents);
    await v1.cases.bulkPut(cases.map((row) => ({ ...row, assessedLoss: null, suggestedTier: null, suggestion: null, flags: [], duplicates: [] })));
  });
  v1.close();
  const old = openCouncilDb(name);
  upgraded.push(old);
  return old;
}

describe('the start-up backfill of cases stored before schema version 2', () => {
  it('assesses them as the import does, finds their duplicates and writes their summaries, once', async () => {
    await imported(db, FIRST());
    await imported(db, SECOND());
    const old = await storedByVersion1(db);
    expect(await old.caseSummaries.count()).toBe(0);
    expect((await old.cases.get('ONE-T1'))?.suggestion).toBeNull();

    const result = await backfillCaseAssessments(old);

    expect(result.assessed.sort()).toEqual(['ONE-DUP', 'ONE-T1', 'TWO-DUP', 'TWO-T2']);
    expect(result.updated).toBe(4);
    expect(await old.cases.get('ONE-T1')).toMatchObject({ assessedLoss: 280_000, suggestedTier: 'T1', suggestion: { tier: 'T1', award: 30_000, amount: 280_000, basis: 'assessed' } });
    expect(await old.cases.get('TWO-T2')).toMatchObject({ assessedLoss: null, suggestedTier: 'T2', suggestion: { tier: 'T2', award: 50_000, amount: 450_000, basis: 'claimed' } });
    expect((await old.cases.get('ONE-DUP'))?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['TWO-DUP'] }]);
    expect((await old.cases.get('TWO-DUP'))?.flags).toContain('DUPLICATE_REGISTRATION_NO');
    expect(await old.cases.toArray()).toEqual(await db.cases.toArray());
    expect(await old.caseSummaries.toArray()).toEqual(await db.caseSummaries.toArray());
    await expectSummariesInStep(old);

    const after = await dbSnapshot(old);
    await expect(backfillCaseAssessments(old)).resolves.toEqual({ assessed: [], updated: 0 });
    expect(await dbSnapshot(old)).toEqual(after);
  });

  it('changes nothing in a database the import wrote', async () => {
    await imported(db, FIRST());
    const before = await dbSnapshot(db);
    await expect(backfillCaseAssessments(db)).resolves.toEqual({ assessed: [], updated: 0 });
    expect(await dbSnapshot(db)).toEqual(before);
  });

  it('runs at start-up after the interrupted import is rolled back, whose cases then count for nothing', async () => {
    await imported(db, FIRST());
    // An import of a case sharing ONE-DUP's registration number, cut off after its first chunk.
    const cut = caseBundle('B-CUT', [spec('CUT-DUP', 5, { registrationNo: SHARED_REG }), spec('CUT-MORE', 6)]);
    const start = await startLocalImport(db, cut.summary, '2023-03-11T09:00:00+09:00');
    if (!start.go) throw new Error('expected the import to start');
    await writeChunk(db, start.ctx, cut.cases.slice(0, 1), []);
    const old = await storedByVersion1(db);

    await bootCouncil(old, { getSecuritySettings: async () => DEFAULT_SECURITY_SETTINGS });

    expect(useCouncilStore.getState()).toMatchObject({ status: 'ready', caseCount: 2 });
    expect(await old.bundles.get('B-CUT')).toBeUndefined();
    expect(await old.cases.get('ONE-DUP')).toMatchObject({ suggestedTier: 'T2', duplicates: [] });
    expect((await old.cases.get('ONE-DUP'))?.flags).not.toContain('DUPLICATE_REGISTRATION_NO');
    await expectSummariesInStep(old);
  });
});
