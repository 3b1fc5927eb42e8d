/**
 * Every problem the reader reports carries a stable code (problem-codes.ts) with params, which the
 * UI translates; `message` stays the English sentence. readZip (fixtures/read-helpers.ts) checks
 * that for every report the reader tests produce; here a few crafted bad bundles name their codes,
 * and every code has a Korean and an English sentence.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/services/bundle-reader';
import { PROBLEM_CODES } from '../../electron/services/bundle-reader/problem-codes';
import { enProblems } from '../../renderer/bundles/report/problem-strings-en';
import { koProblems } from '../../renderer/bundles/report/problem-strings-ko';
import { editCase, pack, sha256, tinyParts } from './fixtures/bundle-parts';
import { assertCoded, bundleFolder, readZip } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder();
const codesOf = (problems: readonly { code?: string }[]) => problems.map((p) => p.code);

describe('problem codes', () => {
  it('gives every problem of a bundle with many faults a code, its params and the same English message', async () => {
    const parts = tinyParts();
    editCase(parts, 1, (r) => (r.business.registrationNo = '12-345'));
    editCase(parts, 2, (r) => (r.claimedLoss = 1.5));
    editCase(parts, 3, (r) => {
      r.caseId = 'case-x';
      r.dailySales[0].amount = -5;
    });
    parts.files.set('evidence/1015-000001/pos.csv', bytesOf('changed,after,listing\n'));
    const zip = pack(parts, { relist: false, extra: [{ name: 'evidence/1015-000001/extra.txt', data: bytesOf('x') }] });
    const report = await readZip(dir, zip);
    const codes = codesOf(report.errors);
    expect(codes).toEqual(expect.arrayContaining(['REGISTRATION_NO_FORMAT', 'AMOUNT_NOT_INTEGER', 'AMOUNT_NEGATIVE', 'HASH_MISMATCH', 'FILE_NOT_LISTED']));
    const registration = report.errors.find((p) => p.code === 'REGISTRATION_NO_FORMAT')!;
    expect(registration).toMatchObject({ kind: 'case', file: 'cases.ndjson', line: 1, path: 'business.registrationNo', params: {} });
    expect(registration.message).toBe('must be a 10-digit business registration number like 123-45-67891');
    const hash = report.errors.find((p) => p.code === 'HASH_MISMATCH' && p.file === 'evidence/1015-000001/pos.csv')!;
    expect(hash.params).toEqual({ actual: sha256(bytesOf('changed,after,listing\n')), listed: expect.stringMatching(/^[0-9a-f]{64}$/), manifestFile: 'manifest.json' });
  });

  it('codes duplicate caseIds, missing evidence and evidence outside its case folder', async () => {
    const duplicate = await (async () => {
      const parts = tinyParts();
      editCase(parts, 3, (r) => (r.caseId = '1015-000001'));
      return readZip(dir, pack(parts));
    })();
    expect(duplicate.errors[0]).toMatchObject({ code: 'DUPLICATE_CASE_ID', params: { caseId: '1015-000001', earlierLine: 1 } });
    const missing = tinyParts();
    editCase(missing, 2, (r) => (r.documents[0].file = 'evidence/1015-000002/gone.txt'));
    expect(codesOf((await readZip(dir, pack(missing))).errors)).toEqual(['EVIDENCE_MISSING']);
    const elsewhere = tinyParts();
    editCase(elsewhere, 2, (r) => (r.documents[0] = { ...r.documents[0], file: 'evidence/1015-000001/pos.csv', mediaType: 'text/csv' }));
    const outside = await readZip(dir, pack(elsewhere));
    expect(outside.errors[0]).toMatchObject({ code: 'EVIDENCE_OUTSIDE_FOLDER', params: { name: 'evidence/1015-000001/pos.csv', folder: 'evidence/1015-000002/' } });
  });

  it('codes a file that is not a ZIP, a missing file, and a bundle with too many entries', async () => {
    expect(codesOf((await readZip(dir, bytesOf('just text'))).errors)).toEqual(['NOT_A_ZIP']);
    const missing = assertCoded(await readBundle(join(dir, 'nowhere.cdbundle'), { trust: [], requireSignature: false }));
    expect(codesOf(missing.errors)).toEqual(['BUNDLE_NOT_FOUND']);
    const many = await readZip(dir, pack(tinyParts()), { limits: { maxEntries: 2 } });
    expect(many.errors[0]).toMatchObject({ code: 'LIMIT_ENTRIES', params: { max: 2 } });
  });

  it('codes an unsigned bundle as a warning, and as an error when signatures are required', async () => {
    const zip = pack(tinyParts());
    expect(codesOf((await readZip(dir, zip)).warnings)).toContain('UNSIGNED');
    expect(codesOf((await readZip(dir, zip, { requireSignature: true })).errors)).toEqual(['UNSIGNED_REFUSED']);
  });

  it('has a Korean and an English sentence for every code, naming the same params', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(koProblems).sort()).toEqual([...PROBLEM_CODES].sort());
    for (const code of PROBLEM_CODES) {
      expect(placeholders(enProblems[code]), code).toEqual(placeholders(koProblems[code]));
    }
  });
});
