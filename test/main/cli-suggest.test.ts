/**
 * council-desk suggest: the --json contract of FORMATS.md, a case whose numbers are worked out by
 * hand, duplicates across two bundles, an invalid bundle (exit 1), wrong usage (exit 2).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { generateKeyPair } from '../../electron/services/keys';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import { editCase, pack, tinyParts } from './fixtures/bundle-parts';
import { cli, type CliRun } from './fixtures/cli-harness';
import { bundleFolder } from './fixtures/read-helpers';
import { tinyBundleContent, trustFor, validRegistrationNo } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-cli-suggest-');

/** Days from..to (inclusive, within one month of 2022) at one amount. */
function days(month: number, from: number, to: number, amount: number) {
  const out = [];
  for (let d = from; d <= to; d++) out.push({ date: `2022-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, amount });
  return out;
}

// Bundle A: the tiny bundle, case 1 given sales worked out by hand (1015 incident, weeks from Saturday):
//   2022-09-03..09-09 (Sat..Fri) 7 x 100,000 = 700,000   counted, the best
//   2022-09-10..09-16            7 x  50,000 = 350,000   counted
//   2022-09-17..09-22            6 x 200,000             09-23 missing: not counted
//   outage 2022-10-15..10-21: 10-15..10-19 5 x 40,000 = 200,000 (10-20, 10-21 missing: 0)
//   assessed = 700,000 - 200,000 = 500,000; claim 600,000 -> min 500,000 -> T2 (300,001..500,000), award 50,000.
const parts = tinyParts();
editCase(parts, 1, (r) => {
  r.claimedLoss = 600_000;
  r.dailySales = [...days(9, 3, 9, 100_000), ...days(9, 10, 16, 50_000), ...days(9, 17, 22, 200_000), ...days(10, 15, 19, 40_000)];
});
const pathA = join(dir, 'a.cdbundle');
writeFileSync(pathA, pack(parts));

// Bundle B: case 1 revised (not a duplicate of itself), and a new case sharing with bundle A:
// case 2's registration number without hyphens, case 3's bank account, case 2's note.txt bytes.
const tiny = tinyBundleContent();
const [case1, case2, case3] = tiny.cases as [any, any, any];
const noteBytes = tiny.files.find((f) => f.path === 'evidence/1015-000002/note.txt')!.bytes;
const badRegistration = validRegistrationNo('987654321').slice(0, 9) + String((Number(validRegistrationNo('987654321')[9]) + 1) % 10);
const pathB = join(dir, 'b.cdbundle');
writeFileSync(
  pathB,
  buildBundleZip({
    manifest: { ...tiny.manifest, bundleId: '1015-2023-T02', ...kakao1015IncidentAndPolicy() },
    cases: [
      { ...case1, claimedLoss: 50_000, dailySales: [], documents: [] },
      {
        ...case2,
        caseId: '1015-000201',
        business: { ...case2.business, registrationNo: case2.business.registrationNo.replaceAll('-', '') },
        bankAccountFingerprint: case3.bankAccountFingerprint,
        documents: [{ kind: 'service-use-proof', title: 'Same note', file: 'evidence/1015-000201/copy.txt', mediaType: 'text/plain' }],
      },
      { ...case3, caseId: '1015-000202', business: { ...case3.business, registrationNo: badRegistration }, bankAccountFingerprint: 'c0ffeec0ffeec0ffee' },
    ],
    files: [{ path: 'evidence/1015-000201/copy.txt', bytes: noteBytes }],
  }).zip,
);

const brokenPath = join(dir, 'broken.cdbundle');
const broken = tinyParts();
editCase(broken, 2, (r) => (r.business.registrationNo = '12-345'));
writeFileSync(brokenPath, pack(broken));

const lines = (r: CliRun) =>
  r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('council-desk suggest', () => {
  it('--json prints one line per case with exactly the fields of FORMATS.md first, of the right types', async () => {
    const r = await cli(['suggest', pathA, '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('not signed');
    const out = lines(r);
    expect(out.map((o) => o.caseId)).toEqual(['1015-000001', '1015-000002', '1015-000003']);
    for (const o of out) {
      expect(Object.keys(o).slice(0, 7)).toEqual(['caseId', 'claimedLoss', 'assessedLoss', 'tier', 'award', 'flags', 'reasons']);
      expect(typeof o.caseId).toBe('string');
      expect(Number.isInteger(o.claimedLoss)).toBe(true);
      expect(o.assessedLoss === null || Number.isInteger(o.assessedLoss)).toBe(true);
      expect(o.tier === null || typeof o.tier === 'string').toBe(true);
      expect(o.award === null || Number.isInteger(o.award)).toBe(true);
      expect(Array.isArray(o.flags) && o.flags.every((f: unknown) => typeof f === 'string')).toBe(true);
      expect(o.reasons.length).toBeGreaterThan(0);
      expect(o.reasons.every((t: unknown) => typeof t === 'string' && /^[\x20-\x7e]+$/.test(t))).toBe(true);
    }
  });

  it('gives the hand-worked assessed loss, tier, award and flags', async () => {
    const one = lines(await cli(['suggest', pathA, '--json']))[0]!;
    expect(one).toMatchObject({ caseId: '1015-000001', claimedLoss: 600_000, assessedLoss: 500_000, tier: 'T2', award: 50_000 });
    // Documents: sales-loss-proof and certificate only; the claim is above the assessed loss.
    expect(one.flags).toEqual(['MISSING_DOCUMENTS', 'CLAIM_EXCEEDS_ASSESSED']);
    expect(one.reasons.join('\n')).toContain('KRW 700,000');
    expect(one.reasons.join('\n')).toContain('KRW 200,000');

    // Case 2: sales 2022-09-03 and 2022-10-15 only, so no complete week; the claim 200,000 -> T1.
    const two = lines(await cli(['suggest', pathA, '--json']))[1]!;
    expect(two).toMatchObject({ assessedLoss: null, tier: 'T1', award: 30_000 });
    expect(two.flags).toContain('NO_COMPLETE_BASELINE_WEEK');
  });

  it('flags duplicates across the bundles named, in both, and never a revised case against itself', async () => {
    const r = await cli(['suggest', pathA, pathB, '--json']);
    expect(r.status).toBe(0);
    const out = lines(r);
    expect(out.map((o) => `${o.bundleId} ${o.caseId}`)).toEqual([
      '1015-2023-T01 1015-000001',
      '1015-2023-T01 1015-000002',
      '1015-2023-T01 1015-000003',
      '1015-2023-T02 1015-000001',
      '1015-2023-T02 1015-000201',
      '1015-2023-T02 1015-000202',
    ]);
    const flagsOf = (i: number) => out[i]!.flags as string[];
    const dup = (f: string) => f.startsWith('DUPLICATE_');
    expect(flagsOf(0).filter(dup)).toEqual([]);
    expect(flagsOf(3).filter(dup)).toEqual([]);
    expect(flagsOf(1).filter(dup)).toEqual(['DUPLICATE_REGISTRATION_NO', 'DUPLICATE_DOCUMENT']);
    expect(flagsOf(2).filter(dup)).toEqual(['DUPLICATE_BANK_ACCOUNT']);
    expect(flagsOf(4).filter(dup)).toEqual(['DUPLICATE_REGISTRATION_NO', 'DUPLICATE_BANK_ACCOUNT', 'DUPLICATE_DOCUMENT']);
    expect(out[4]!.reasons).toContain('Same registration number as 1015-000002.');
    expect(out[4]!.reasons).toContain('Same bank account as 1015-000003.');
    expect(out[1]!.reasons).toContain('Same registration number as 1015-000201.');
    expect(flagsOf(5)[0]).toBe('REGISTRATION_NO_INVALID');

    // Alone, each bundle has no duplicates.
    for (const o of lines(await cli(['suggest', pathB, '--json']))) expect(o.flags.filter(dup)).toEqual([]);
  });

  it('prints a table with counts per tier and per flag without --json', async () => {
    const r = await cli(['suggest', pathA, pathB]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^case\s+claimed\s+assessed\s+tier\s+award\s+flags\n/);
    expect(r.stdout).toMatch(/1015-000001\s+600,000\s+500,000\s+T2\s+50,000\s+MISSING_DOCUMENTS CLAIM_EXCEEDS_ASSESSED\n/);
    expect(r.stdout).toContain('6 cases\nPer tier:\n');
    expect(r.stdout).toContain('  DUPLICATE_REGISTRATION_NO: 2\n');
  });

  it('uses a trust file when given and then says nothing of the signature', async () => {
    const issuer = generateKeyPair();
    const trustPath = join(dir, 'trust.json');
    writeFileSync(trustPath, JSON.stringify({ keys: [trustFor(issuer.publicKeyPem)] }));
    const signed = join(dir, 'signed.cdbundle');
    writeFileSync(signed, pack(parts, { signKey: issuer.privateKeyPem }));
    const trusted = await cli(['suggest', signed, '--trust', trustPath, '--json']);
    expect(trusted.status).toBe(0);
    expect(trusted.stderr).toBe('');
    const untrusted = await cli(['suggest', signed, '--json']);
    expect(untrusted.status).toBe(0);
    expect(untrusted.stderr).toContain(issuer.keyid);
  });

  it('reasons in Korean with --lang ko', async () => {
    const one = lines(await cli(['suggest', pathA, '--json', '--lang', 'ko']))[0]!;
    expect(one.reasons.join('\n')).toContain('700,000원');
  });

  it('exits 1 for an invalid bundle, naming the file, line and path, and suggests nothing', async () => {
    const r = await cli(['suggest', pathA, brokenPath, '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(brokenPath);
    expect(r.stderr).toContain('cases.ndjson line 2, business.registrationNo: must be a 10-digit business registration number');

    const missing = await cli(['suggest', join(dir, 'nope.cdbundle')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.cdbundle');
  });

  it('exits 2 for wrong usage', async () => {
    for (const argv of [['suggest'], ['suggest', pathA, '--frobnicate'], ['suggest', pathA, '--lang', 'fr'], ['suggest', pathA, '--trust']]) {
      const r = await cli(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: council-desk suggest');
    }
  });
});

