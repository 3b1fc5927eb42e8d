import { describe, expect, it } from 'vitest';
import type { CouncilDb } from '../../renderer/db/schema';
import { failingAt } from './support/bundle-fixture';
import { dbSnapshot } from './support/db-snapshot';
import { caseBundle, expectSummariesInStep, fingerprint, imported, importFixture, registrationNo, utf8, week, type CaseSpec } from './support/case-bundle';
import { freshDbEachTest } from './support/fresh-db';

let db: CouncilDb;

freshDbEachTest((fresh) => (db = fresh));

const ALL_KINDS = ['small-business-certificate', 'sales-loss-proof', 'service-use-proof', 'bank-account'].map((kind) => ({ name: `${kind}.txt`, kind, bytes: utf8(`${kind} of a cafe`) }));

/**
 * The 1015 incident: outage Saturday 2022-10-15 to Friday 2022-10-21, baseline September and
 * October, weeks from Saturday (2022-09-03 and 2022-09-10 are Saturdays). Tiers T1 1..300,000
 * (30,000), T2 300,001..500,000 (50,000), T3 from 500,001 (case by case).
 */
const SPECS: CaseSpec[] = [
  // Best week 7 x 100,000 = 700,000; outage 7 x 80,000 = 560,000; assessed 140,000 < claim 250,000.
  {
    caseId: 'T1-CASE',
    registrationNo: registrationNo('101810001'),
    bankAccountFingerprint: fingerprint(1),
    claimedLoss: 250_000,
    dailySales: [...week('2022-09-03', 100_000), ...week('2022-10-15', 80_000)],
    evidence: ALL_KINDS,
  },
  // Weeks 700,000 and 840,000 (the best); outage 7 x 70,000 = 490,000; assessed 350,000 > claim 340,000.
  {
    caseId: 'T2-CASE',
    registrationNo: registrationNo('101810002'),
    bankAccountFingerprint: fingerprint(2),
    claimedLoss: 340_000,
    dailySales: [...week('2022-09-03', 100_000), ...week('2022-09-10', 120_000), ...week('2022-10-15', 70_000)],
    evidence: [{ name: 'pos.txt', kind: 'sales-loss-proof', bytes: utf8('pos of T2') }],
  },
  // No sales at all: no assessed loss, the claim 800,000 is the suggestion, decided case by case.
  { caseId: 'T3-CASE', registrationNo: registrationNo('101810003'), bankAccountFingerprint: fingerprint(3), claimedLoss: 800_000 },
  // Best week 350,000, outage 350,000: assessed 0 < claim 100,000, below the first tier.
  {
    caseId: 'NO-TIER',
    registrationNo: registrationNo('101810004'),
    bankAccountFingerprint: fingerprint(4),
    claimedLoss: 100_000,
    dailySales: [...week('2022-09-17', 50_000), ...week('2022-10-15', 50_000)],
    evidence: ALL_KINDS.map((e) => ({ ...e, bytes: utf8(`${e.kind} of a florist`) })),
  },
];

describe('the import assesses every case', () => {
  it('stores the assessed loss, the suggestion and the engine flags, worked out by hand', async () => {
    await imported(db, caseBundle('B-ASSESS', SPECS));

    const [t1, t2, t3, none] = await db.cases.bulkGet(SPECS.map((s) => s.caseId));
    expect(t1).toMatchObject({ assessedLoss: 140_000, suggestedTier: 'T1', suggestion: { tier: 'T1', award: 30_000, amount: 140_000, basis: 'assessed' } });
    expect(t1?.flags).toEqual(['CLAIM_EXCEEDS_ASSESSED']);
    expect(t2).toMatchObject({ assessedLoss: 350_000, suggestedTier: 'T2', suggestion: { tier: 'T2', award: 50_000, amount: 340_000, basis: 'claimed' } });
    expect(t2?.flags).toEqual(['MISSING_DOCUMENTS']);
    expect(t3).toMatchObject({ assessedLoss: null, suggestedTier: 'T3', suggestion: { tier: 'T3', award: null, amount: 800_000, basis: 'claimed' } });
    expect(t3?.flags).toEqual(['MISSING_DOCUMENTS', 'NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK']);
    expect(none).toMatchObject({ assessedLoss: 0, suggestedTier: null, suggestion: { tier: null, award: null, amount: 0, basis: 'assessed' } });
    expect(none?.flags).toEqual(['CLAIM_EXCEEDS_ASSESSED']);
    for (const row of [t1, t2, t3, none]) expect(row?.duplicates).toEqual([]);

    expect(await db.cases.where('suggestedTier').equals('T1').primaryKeys()).toEqual(['T1-CASE']);
    expect(await db.cases.where('flags').equals('MISSING_DOCUMENTS').primaryKeys()).toEqual(['T2-CASE', 'T3-CASE']);
  });

  it('writes a summary row with each case row, and keeps it so through a revision and a rollback', async () => {
    await imported(db, caseBundle('B-FIRST', SPECS));
    await expectSummariesInStep(db);
    expect(await db.caseSummaries.get('T3-CASE')).toMatchObject({ bundleId: 'B-FIRST', revision: 1, suggestedTier: 'T3', award: null, claimedLoss: 800_000 });
    expect(await db.caseSummaries.get('T1-CASE')).toMatchObject({ award: 30_000, assessedLoss: 140_000, flags: ['CLAIM_EXCEEDS_ASSESSED'] });

    // T3-CASE comes back with a week of sales and a smaller claim: now T2.
    const revision: CaseSpec = { ...SPECS[2]!, claimedLoss: 450_000, dailySales: week('2022-09-24', 90_000) };
    const later = caseBundle('B-REVISION', [revision, { ...SPECS[0]!, caseId: 'NEW-CASE', registrationNo: registrationNo('101810005'), bankAccountFingerprint: fingerprint(5), evidence: [] }]);
    await imported(db, later);
    await expectSummariesInStep(db);
    expect(await db.caseSummaries.get('T3-CASE')).toMatchObject({ bundleId: 'B-REVISION', revision: 2, claimedLoss: 450_000, assessedLoss: 630_000, suggestedTier: 'T2', award: 50_000 });
    expect(await db.caseSummaries.count()).toBe(5);

    // A third bundle re-issues it again, then fails its last check: everything is as before it.
    const before = await dbSnapshot(db);
    const failing = caseBundle('B-FAILING', [{ ...revision, claimedLoss: 10_000 }, { ...SPECS[1]!, caseId: 'OTHER' }]);
    const error = { kind: 'case' as const, file: 'cases.ndjson', line: 2, path: 'claimedLoss', code: 'SCHEMA', params: { detail: 'must be a whole number' }, message: 'must be a whole number' };
    await expect(importFixture(db, failing, { chunks: failingAt(failing, 2, [error]) })).resolves.toMatchObject({ kind: 'invalid' });
    expect(await dbSnapshot(db)).toEqual(before);
    await expectSummariesInStep(db);
  });

  it('gives a rolled-back revision its summary back', async () => {
    await imported(db, caseBundle('B-FIRST', SPECS));
    const before = await db.caseSummaries.get('T2-CASE');
    const revising = caseBundle('B-REVISING', [{ ...SPECS[1]!, claimedLoss: 1_000_000 }, SPECS[3]!]);
    const error = { kind: 'hash' as const, file: 'evidence/NO-TIER/bank-account.txt', line: null, path: '', code: 'HASH_MISMATCH', params: {}, message: 'SHA-256 differs from the manifest.' };
    // The first chunk (the revision of T2-CASE) is written before the check fails.
    const outcome = await importFixture(db, revising, { chunks: failingAt(revising, 1, [error]) });

    expect(outcome).toMatchObject({ kind: 'invalid' });
    expect(await db.caseSummaries.get('T2-CASE')).toEqual(before);
    expect(await db.caseSummaries.where('bundleId').equals('B-REVISING').count()).toBe(0);
    await expectSummariesInStep(db);
  });
});
