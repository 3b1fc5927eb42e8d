/**
 * The demo bundle generator: deterministic, schema-valid, realistic tiers, and every awkward kind
 * a council meets. Awkward cases are found by looking at the data, not by asking the generator.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidRegistrationNo, normalizeRegistrationNo } from '../../shared/registration-number';
import { manifestSchema, tierTableProblems } from '../../shared/schemas/bundle-manifest';
import { BUSINESS_CATEGORIES, KAKAO_SERVICES, caseRecordSchema, type CaseRecordInput } from '../../shared/schemas/case-record';
import type { BundleContent } from '../../electron/services/bundle-content';
import { AWKWARD_KINDS, awkwardCounts, generateDemoBundleContent, planAwkwardCases, type AwkwardKind } from '../../electron/services/demo-data';

const REQUIRED = ['small-business-certificate', 'sales-loss-proof', 'service-use-proof', 'bank-account'];
const BASELINE_WEEK_STARTS = ['2022-09-03', '2022-09-10', '2022-09-17', '2022-09-24', '2022-10-01', '2022-10-08', '2022-10-22'];
const OUTAGE = ['2022-10-15', '2022-10-16', '2022-10-17', '2022-10-18', '2022-10-19', '2022-10-20', '2022-10-21'];

function plusDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The 1015 method, written again here from FORMATS.md. */
function assessed(c: CaseRecordInput): number | null {
  const sales = new Map(c.dailySales.map((s) => [s.date, s.amount]));
  let best: number | null = null;
  for (const start of BASELINE_WEEK_STARTS) {
    const week = Array.from({ length: 7 }, (_, i) => plusDays(start, i));
    if (!week.every((d) => sales.has(d))) continue;
    const total = week.reduce((sum, d) => sum + sales.get(d)!, 0);
    best = best === null ? total : Math.max(best, total);
  }
  if (best === null) return null;
  return Math.max(0, best - OUTAGE.reduce((sum, d) => sum + (sales.get(d) ?? 0), 0));
}

function tier(loss: number): string | null {
  return loss < 1 ? null : loss <= 300_000 ? 'T1' : loss <= 500_000 ? 'T2' : 'T3';
}

function groupsOf<T>(cases: CaseRecordInput[], key: (c: CaseRecordInput) => T): CaseRecordInput[][] {
  const groups = new Map<T, CaseRecordInput[]>();
  for (const c of cases) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return [...groups.values()].filter((g) => g.length > 1);
}

/** How often each awkward kind shows in the data (pairs count once). */
function detectAwkward(content: BundleContent): Record<AwkwardKind, number> {
  const { cases, files } = content;
  const hashes = new Map(files.map((f) => [f.path, createHash('sha256').update(f.bytes).digest('hex')]));
  const docGroups = new Map<string, Set<string>>();
  for (const c of cases) for (const d of c.documents) docGroups.set(hashes.get(d.file)!, new Set([...(docGroups.get(hashes.get(d.file)!) ?? []), c.caseId]));
  return {
    'no-loss': cases.filter((c) => assessed(c) === 0).length,
    'claim-exceeds': cases.filter((c) => (assessed(c) ?? 0) > 0 && tier(c.claimedLoss) !== tier(assessed(c)!)).length,
    'duplicate-registration': groupsOf(cases, (c) => normalizeRegistrationNo(c.business.registrationNo)).length,
    'duplicate-bank-account': groupsOf(cases, (c) => c.bankAccountFingerprint).length,
    'missing-documents': cases.filter((c) => REQUIRED.some((k) => !c.documents.some((d) => d.kind === k))).length,
    'invalid-registration': cases.filter((c) => !isValidRegistrationNo(c.business.registrationNo)).length,
    'no-sales-data': cases.filter((c) => c.dailySales.length === 0).length,
    'no-complete-baseline-week': cases.filter((c) => c.dailySales.length > 0 && assessed(c) === null).length,
    'duplicate-evidence': [...docGroups.values()].filter((ids) => ids.size > 1).length,
  };
}

/** The bundles made in beforeAll, by count and seed. */
const bundles = new Map<string, BundleContent>();
function bundle(cases: number, seed: number): BundleContent {
  const made = bundles.get(`${cases}/${seed}`);
  if (!made) throw new Error(`bundle ${cases}/${seed} was not made in beforeAll`);
  return made;
}

describe('demo bundle content', () => {
  beforeAll(async () => {
    for (const [n, seed] of [[60, 1015], [60, 7], [200, 1015], [200, 7]] as const) {
      bundles.set(`${n}/${seed}`, await generateDemoBundleContent({ cases: n, seed }));
    }
  });

  it('is byte-identical for the same seed and count, and differs for another seed', async () => {
    const again = await generateDemoBundleContent({ cases: 60, seed: 1015 });
    const first = bundle(60, 1015);
    expect(JSON.stringify(again.manifest)).toBe(JSON.stringify(first.manifest));
    expect(JSON.stringify(again.cases)).toBe(JSON.stringify(first.cases));
    expect(again.files.map((f) => f.path)).toEqual(first.files.map((f) => f.path));
    again.files.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(first.files[i]!.bytes)), f.path).toBe(0));

    const other = bundle(60, 7);
    expect(JSON.stringify(other.cases)).not.toBe(JSON.stringify(first.cases));
    const firstHashes = new Set(first.files.map((f) => createHash('sha256').update(f.bytes).digest('hex')));
    expect(other.files.filter((f) => firstHashes.has(createHash('sha256').update(f.bytes).digest('hex')))).toEqual([]);
  });

  it('has a valid manifest: the 1015 incident and the tier policy', () => {
    const { manifest, cases } = bundle(60, 7);
    const full = manifestSchema.parse({ ...manifest, caseCount: cases.length, files: {} });
    expect(tierTableProblems(full.policy.tiers)).toEqual([]);
    expect(manifest.bundleId).toBe('1015-2023-B07');
    expect(manifest.title).toBe('1015 소상공인 피해지원 신청 7차분');
    expect(manifest.createdAt).toBe('2023-03-02T09:00:00+09:00');
    expect(manifest.issuer).toBe('카카오 1015 소상공인 피해지원센터');
    expect(manifest.incident).toEqual({
      id: 'kakao-1015', outageFrom: '2022-10-15', outageTo: '2022-10-21',
      baselineFrom: '2022-09-01', baselineTo: '2022-10-31', weekStartsOn: 'saturday',
    });
    expect(manifest.policy.tiers).toEqual([
      { id: 'T1', minLoss: 1, maxLoss: 300000, award: 30000 },
      { id: 'T2', minLoss: 300001, maxLoss: 500000, award: 50000 },
      { id: 'T3', minLoss: 500001, award: null },
    ]);
    expect(manifest.policy.requiredDocuments).toEqual(REQUIRED);
    expect(bundle(60, 1015).manifest.bundleId).toMatch(/^1015-2023-B\d\d$/);
  });

  it('makes every case schema-valid, with plausible ids, dates, categories and services', () => {
    for (const [n, seed] of [[60, 1015], [200, 7]] as const) {
      const { cases } = bundle(n, seed);
      expect(cases).toHaveLength(n);
      cases.forEach((c, i) => {
        const parsed = caseRecordSchema.safeParse(c);
        expect(parsed.success, `${c.caseId}: ${parsed.error?.message}`).toBe(true);
        expect(c.caseId).toBe(`1015-${String(i + 1).padStart(6, '0')}`);
        expect(c.receivedAt).toMatch(/^(2022-1[12]|2023-0[12])-\d\dT\d\d:\d\d:00\+09:00$/);
        expect(BUSINESS_CATEGORIES).toContain(c.business.category);
        for (const s of c.services) expect(KAKAO_SERVICES).toContain(s);
        expect(c.business.name).toMatch(/[가-힣]/);
        expect(c.business.region).toMatch(/^(서울특별시|부산광역시|대구광역시|인천광역시|광주광역시|대전광역시|울산광역시|세종특별자치시|경기도|강원도|충청[남북]도|전라[남북]도|경상[남북]도|제주특별자치도)/);
        expect(c.statement.split(/(?<=다\.)\s/).length).toBeLessThanOrEqual(3);
        expect(c.bankAccountFingerprint).toMatch(/^[0-9a-f]{32}$/);
        if (c.business.category === 'taxi') expect(c.services).toContain('kakao-t');
        if (c.business.category === 'designated-driver') expect(c.services).toContain('kakao-t-driver');
        if (c.business.category === 'gift-seller') expect(c.services).toContain('kakao-gift');
      });
      expect(cases.map((c) => c.receivedAt.slice(0, 10))).toEqual(cases.map((c) => c.receivedAt.slice(0, 10)).sort());
    }
  });

  it('gives full cases every day of September and October 2022 in integer won', () => {
    for (const c of bundle(200, 1015).cases) {
      for (const s of c.dailySales) expect(Number.isInteger(s.amount) && s.amount >= 0).toBe(true);
      if (c.dailySales.length === 61) {
        expect(c.dailySales[0]!.date).toBe('2022-09-01');
        expect(c.dailySales[60]!.date).toBe('2022-10-31');
      }
    }
  });

  it('spreads claims over all three tiers: most T1, a good share T2, some T3 including millions', () => {
    for (const seed of [1015, 7]) {
      const claims = bundle(200, seed).cases.map((c) => c.claimedLoss);
      const count = (t: string) => claims.filter((l) => tier(l) === t).length;
      expect(count('T1')).toBeGreaterThan(count('T2'));
      expect(count('T2')).toBeGreaterThanOrEqual(30);
      expect(count('T3')).toBeGreaterThanOrEqual(15);
      expect(count('T3')).toBeLessThan(count('T1'));
      expect(claims.filter((l) => l >= 2_000_000).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('lets the 1015 method agree with the claim of every ordinary case', () => {
    for (const [n, seed] of [[60, 1015], [200, 7]] as const) {
      const plan = planAwkwardCases(n, seed);
      const { cases } = bundle(n, seed);
      const ordinary = cases.filter((_, i) => plan[i] === null || plan[i]!.role === 'original' || ['duplicate-bank-account', 'duplicate-registration', 'duplicate-evidence'].includes(plan[i]!.kind));
      expect(ordinary.length).toBeGreaterThan(n * 0.7);
      for (const c of ordinary) {
        const loss = assessed(c);
        expect(loss, c.caseId).not.toBeNull();
        expect(c.claimedLoss, c.caseId).toBeLessThanOrEqual(loss!);
        expect(tier(c.claimedLoss), c.caseId).toBe(tier(loss!));
      }
    }
  });

  it('shows taxi and designated-driver sales near zero on the first full day of the outage', () => {
    const appCases = bundle(200, 7).cases.filter((c) => ['taxi', 'designated-driver'].includes(c.business.category) && c.dailySales.length === 61);
    const nearZero = appCases.filter((c) => {
      const sunday16 = c.dailySales.find((s) => s.date === '2022-10-16')!.amount;
      const usualSundays = c.dailySales.filter((s) => ['2022-09-18', '2022-09-25', '2022-10-02'].includes(s.date)).map((s) => s.amount);
      return sunday16 < 0.15 * Math.max(...usualSundays);
    });
    expect(nearZero.length).toBeGreaterThan(appCases.length / 3);
  });

  it('contains each awkward kind for 60 cases, exactly as often as planned', () => {
    for (const seed of [1015, 7]) {
      const found = detectAwkward(bundle(60, seed));
      for (const kind of AWKWARD_KINDS) expect(found[kind], kind).toBeGreaterThanOrEqual(1);
      expect(found).toEqual(awkwardCounts(60));
    }
    expect(detectAwkward(bundle(200, 7))).toEqual(awkwardCounts(200));
    expect(detectAwkward(bundle(200, 1015))).toEqual(awkwardCounts(200));
  });

  it('writes a duplicate registration number once with and once without hyphens', () => {
    const { cases } = bundle(60, 1015);
    for (const pair of groupsOf(cases, (c) => normalizeRegistrationNo(c.business.registrationNo))) {
      expect(pair.map((c) => c.business.registrationNo.includes('-')).sort()).toEqual([false, true]);
      expect(pair[0]!.business.name).toBe(pair[1]!.business.name);
    }
  });

  it('spreads the awkward cases through the bundle rather than bunching them', () => {
    const plan = planAwkwardCases(200, 7);
    const positions = plan.flatMap((role, i) => (role ? [i] : []));
    expect(positions[0]).toBeLessThan(40);
    expect(positions[positions.length - 1]).toBeGreaterThan(160);
  });

  it('handles small and empty bundles and rejects nonsense options', async () => {
    expect((await generateDemoBundleContent({ cases: 0, seed: 1 })).cases).toEqual([]);
    const five = await generateDemoBundleContent({ cases: 5, seed: 3 });
    expect(five.cases).toHaveLength(5);
    for (const c of five.cases) expect(caseRecordSchema.safeParse(c).success).toBe(true);
    await expect(generateDemoBundleContent({ cases: -1, seed: 1 })).rejects.toThrow(RangeError);
    await expect(generateDemoBundleContent({ cases: 2.5, seed: 1 })).rejects.toThrow(RangeError);
    await expect(generateDemoBundleContent({ cases: 1, seed: Number.NaN })).rejects.toThrow(RangeError);
  });
});
