import { beforeEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import { failingAt } from './support/bundle-fixture';
import { caseBundle, caseSpec as spec, expectSummariesInStep, fingerprint, imported, importFixture, registrationNo, utf8 } from './support/case-bundle';
import { freshDbEachTest } from './support/fresh-db';
import { formatRegistrationNo } from '../../shared/registration-number';

let db: CouncilDb;

freshDbEachTest((fresh) => (db = fresh));

const SHARED_REG = registrationNo('220810101');
const SHARED_BANK = fingerprint(0xba4c0);
const SHARED_BYTES = utf8('%PDF-1.4\n% one certificate scanned once, sent twice\n');

/** The earlier bundle: A-REG's number is written with hyphens, A-BANK and A-DOC are ordinary. */
const earlier = () =>
  caseBundle('B-EARLIER', [
    spec('A-REG', 1, { registrationNo: formatRegistrationNo(SHARED_REG) }),
    spec('A-BANK', 2, { bankAccountFingerprint: SHARED_BANK }),
    spec('A-DOC', 3, { evidence: [{ name: 'certificate.pdf', kind: 'small-business-certificate', bytes: SHARED_BYTES }] }),
    spec('A-ALONE', 4),
  ]);

/** The later bundle: one case sharing each key with one earlier case, and one sharing nothing. */
const later = () =>
  caseBundle('B-LATER', [
    spec('L-REG', 11, { registrationNo: SHARED_REG }),
    spec('L-BANK', 12, { bankAccountFingerprint: SHARED_BANK }),
    spec('L-DOC', 13, { evidence: [{ name: 'scan.pdf', kind: 'small-business-certificate', bytes: SHARED_BYTES.slice() }] }),
    spec('L-ALONE', 14),
  ]);

const flagsOf = async (ids: string[]) => Object.fromEntries((await db.cases.bulkGet(ids)).map((r, i) => [ids[i], r?.flags]));

/**
 * The same cases with and without many unrelated cases stored before them: the finish reads all
 * other cases when they are few, and looks them up through the indexes when they are many.
 */
describe.each([
  { others: 'no other cases', filler: 0 },
  { others: 'many unrelated cases', filler: 12 },
])('duplicate flags across bundles, with $others', ({ filler }) => {
  beforeEach(async () => {
    if (filler > 0) await imported(db, caseBundle('B-FILLER', Array.from({ length: filler }, (_, i) => spec(`F-${i}`, 100 + i))));
  });

  it('flags both cases, naming each other, and updates the earlier bundle’s case when the later one arrives', async () => {
    await imported(db, earlier());
    expect(await db.cases.where('flags').anyOf('DUPLICATE_REGISTRATION_NO', 'DUPLICATE_BANK_ACCOUNT', 'DUPLICATE_DOCUMENT').count()).toBe(0);
    expect((await db.cases.get('A-REG'))?.registrationNo).toBe(SHARED_REG);

    await imported(db, later());

    const rows = Object.fromEntries((await db.cases.toArray()).map((r) => [r.caseId, r]));
    expect(rows['A-REG']?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['L-REG'] }]);
    expect(rows['L-REG']?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['A-REG'] }]);
    expect(rows['A-BANK']?.duplicates).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['L-BANK'] }]);
    expect(rows['L-BANK']?.duplicates).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['A-BANK'] }]);
    expect(rows['A-DOC']?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['L-DOC'] }]);
    expect(rows['L-DOC']?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['A-DOC'] }]);
    for (const id of ['A-ALONE', 'L-ALONE']) expect(rows[id]?.duplicates).toEqual([]);

    // Duplicate codes join the engine's flags in FLAG_ORDER (every case here lacks three kinds of document).
    expect(rows['A-REG']?.flags).toEqual(['DUPLICATE_REGISTRATION_NO', 'MISSING_DOCUMENTS', 'NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK']);
    expect(rows['A-ALONE']?.flags).toEqual(['MISSING_DOCUMENTS', 'NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK']);
    expect(await db.cases.where('flags').equals('DUPLICATE_DOCUMENT').primaryKeys()).toEqual(['A-DOC', 'L-DOC']);
    expect(await db.caseSummaries.get('A-BANK')).toMatchObject({ bundleId: 'B-EARLIER', flags: rows['A-BANK']?.flags });
    await expectSummariesInStep(db);
    const entry = await db.audit.orderBy('sequence').last();
    expect(entry).toMatchObject({ entityId: 'B-LATER', action: 'import' });
    expect(entry?.detail.duplicateFlagsChanged).toEqual(['A-BANK', 'A-DOC', 'A-REG', 'L-BANK', 'L-DOC', 'L-REG']);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('keeps what an affected case shares with cases outside both bundles', async () => {
    const third = fingerprint(0xcafe);
    await imported(db, caseBundle('B-EARLIER', [spec('A-REG', 1, { registrationNo: SHARED_REG, bankAccountFingerprint: third }), spec('A-TWIN', 2, { bankAccountFingerprint: third })]));
    expect((await db.cases.get('A-REG'))?.duplicates).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['A-TWIN'] }]);

    await imported(db, later());

    expect((await db.cases.get('A-REG'))?.duplicates).toEqual([
      { code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['L-REG'] },
      { code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['A-TWIN'] },
    ]);
    expect((await db.cases.get('A-TWIN'))?.duplicates).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['A-REG'] }]);
    await expectSummariesInStep(db);
  });

  it('does not make a revised case a duplicate of itself, and clears flags its earlier revision caused', async () => {
    await imported(db, earlier());
    await imported(db, later());

    // A-REG, A-BANK and A-ALONE come back: A-REG and A-ALONE as they were (same evidence bytes too),
    // A-BANK with another bank account.
    const a = earlier();
    const again = caseBundle('B-AGAIN', [
      spec('A-REG', 1, { registrationNo: formatRegistrationNo(SHARED_REG) }),
      spec('A-BANK', 2, { bankAccountFingerprint: fingerprint(0xfeed) }),
      spec('A-ALONE', 4),
    ]);
    expect(again.summary.manifest.files['evidence/A-ALONE/pos.txt']).toBe(a.summary.manifest.files['evidence/A-ALONE/pos.txt']);
    await expect(importFixture(db, again)).resolves.toMatchObject({ kind: 'imported', revised: ['A-REG', 'A-BANK', 'A-ALONE'] });

    const rows = Object.fromEntries((await db.cases.toArray()).map((r) => [r.caseId, r]));
    expect(rows['A-ALONE']).toMatchObject({ revision: 2, duplicates: [] });
    expect(rows['A-REG']).toMatchObject({ revision: 2, duplicates: [{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['L-REG'] }] });
    expect(rows['L-REG']?.duplicates).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['A-REG'] }]);
    expect(rows['A-BANK']?.duplicates).toEqual([]);
    expect(rows['L-BANK']?.duplicates).toEqual([]);
    expect(rows['L-BANK']?.flags).not.toContain('DUPLICATE_BANK_ACCOUNT');
    expect(rows['L-DOC']?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['A-DOC'] }]);
    await expectSummariesInStep(db);
  });

  it('flags two cases pointing to one evidence file, and both again when the same bytes come back', async () => {
    const shared = caseBundle('B-SHARED', [
      spec('S-FIRST', 31, { evidence: [{ name: 'certificate.pdf', kind: 'small-business-certificate', bytes: SHARED_BYTES }] }),
      spec('S-SECOND', 32),
    ]);
    shared.cases[1]!.documents = shared.cases[0]!.documents.map((d) => ({ ...d })); // one file, stored once
    await imported(db, shared);
    expect((await db.cases.get('S-SECOND'))?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['S-FIRST'] }]);

    await imported(db, later());

    expect((await db.cases.get('S-FIRST'))?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['L-DOC', 'S-SECOND'] }]);
    expect((await db.cases.get('S-SECOND'))?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['L-DOC', 'S-FIRST'] }]);
    expect((await db.cases.get('L-DOC'))?.duplicates).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['S-FIRST', 'S-SECOND'] }]);
    await expectSummariesInStep(db);
  });

  it('counts only documents of a case’s current revision', async () => {
    await imported(db, earlier());
    // A-DOC comes back with other evidence: its first certificate stays stored, but is no longer its own.
    await imported(db, caseBundle('B-AGAIN', [spec('A-DOC', 3)]));
    await imported(db, later());

    expect(await db.documents.where('sha256').equals(earlier().summary.manifest.files['evidence/A-DOC/certificate.pdf']!).count()).toBe(2);
    expect(await flagsOf(['A-DOC', 'L-DOC'])).toEqual({
      'A-DOC': ['MISSING_DOCUMENTS', 'NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK'],
      'L-DOC': ['MISSING_DOCUMENTS', 'NO_SALES_DATA', 'NO_COMPLETE_BASELINE_WEEK'],
    });
  });

  it('leaves other cases’ flags as they were when an import fails or is cancelled', async () => {
    await imported(db, earlier());
    await imported(db, caseBundle('B-MIDDLE', [spec('M-BANK', 21, { bankAccountFingerprint: SHARED_BANK })]));
    const cases = await db.cases.toArray();
    const summaries = await db.caseSummaries.toArray();
    expect((await db.cases.get('A-BANK'))?.duplicates).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['M-BANK'] }]);

    const failing = later();
    const error = { kind: 'case' as const, file: 'cases.ndjson', line: 4, path: 'claimedLoss', code: 'SCHEMA', params: { detail: 'must be a whole number' }, message: 'must be a whole number' };
    await expect(importFixture(db, failing, { chunks: failingAt(failing, 4, [error]) })).resolves.toMatchObject({ kind: 'invalid' });
    expect(await db.cases.toArray()).toEqual(cases);
    expect(await db.caseSummaries.toArray()).toEqual(summaries);

    const controller = new AbortController();
    const cancelled = await importFixture(db, later(), { signal: controller.signal, onProgress: (p) => p.casesRead === 4 && controller.abort() });
    expect(cancelled).toMatchObject({ kind: 'cancelled' });
    expect(await db.cases.toArray()).toEqual(cases);
    expect(await db.caseSummaries.toArray()).toEqual(summaries);
  });
});
