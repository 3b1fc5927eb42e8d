import { describe, expect, it } from 'vitest';
import { manifestSchema, tierTableProblems, type Tier } from '../../shared/schemas/bundle-manifest';
import { caseRecordSchema } from '../../shared/schemas/case-record';

const tiers1015: Tier[] = [
  { id: 'T1', minLoss: 1, maxLoss: 300000, award: 30000 },
  { id: 'T2', minLoss: 300001, maxLoss: 500000, award: 50000 },
  { id: 'T3', minLoss: 500001, award: null },
];

describe('tier tables', () => {
  it('accepts the 1015 table', () => {
    expect(tierTableProblems(tiers1015)).toEqual([]);
  });

  it('names an overlap, a gap, an open tier that is not last, and a reversed tier', () => {
    const overlap = tierTableProblems([tiers1015[0]!, { ...tiers1015[1]!, minLoss: 300000 }, tiers1015[2]!]);
    expect(overlap).toEqual([{ path: 'policy.tiers[1].minLoss', message: expect.stringContaining('overlapping tier T1') }]);
    const gap = tierTableProblems([tiers1015[0]!, { ...tiers1015[1]!, minLoss: 300002 }, tiers1015[2]!]);
    expect(gap[0]).toMatchObject({ path: 'policy.tiers[1].minLoss', message: expect.stringContaining('gap') });
    const open = tierTableProblems([{ id: 'T1', minLoss: 1, award: 1 }, tiers1015[1]!]);
    expect(open.map((p) => p.path)).toContain('policy.tiers[0].maxLoss');
    const reversed = tierTableProblems([{ id: 'T1', minLoss: 10, maxLoss: 5, award: 1 }]);
    expect(reversed[0]!.message).toContain('ends (5) before it starts (10)');
    const twice = tierTableProblems([{ id: 'A', minLoss: 1, maxLoss: 2, award: 1 }, { id: 'A', minLoss: 3, award: null }]);
    expect(twice[0]!.message).toContain('used twice');
  });
});

const goodCase = {
  caseId: '1015-000123',
  receivedAt: '2023-02-03T11:20:00+09:00',
  business: { name: '행복분식', registrationNo: '123-45-67891', representative: '김민수', category: 'restaurant', region: '서울특별시 마포구' },
  services: ['talk-channel'],
  claimedLoss: 420000,
  statement: '주문이 끊겼습니다.',
  bankAccountFingerprint: 'b1946ac92492d2347c6235b4d2611184',
  dailySales: [{ date: '2022-09-03', amount: 610000 }],
  documents: [{ kind: 'sales-loss-proof', title: 'POS', file: 'evidence/1015-000123/pos.csv', mediaType: 'text/csv' }],
};

describe('case records', () => {
  it('accept the FORMATS.md example and store the registration number without hyphens', () => {
    const parsed = caseRecordSchema.parse(goodCase);
    expect(parsed.business.registrationNo).toBe('1234567891');
  });

  it.each([
    ['claimedLoss', { ...goodCase, claimedLoss: 420000.5 }, 'whole number'],
    ['claimedLoss', { ...goodCase, claimedLoss: -1 }, 'negative'],
    ['claimedLoss', { ...goodCase, claimedLoss: 10_000_000_000_001 }, '10,000,000,000,000'],
    ['caseId', { ...goodCase, caseId: '../etc' }, 'letters, digits'],
    ['dailySales.0.date', { ...goodCase, dailySales: [{ date: '2022-02-30', amount: 1 }] }, 'calendar'],
    ['documents.0.mediaType', { ...goodCase, documents: [{ ...goodCase.documents[0], mediaType: 'text/html' }] }, 'application/pdf'],
    ['receivedAt', { ...goodCase, receivedAt: '2023-02-03 11:20' }, 'offset'],
  ])('refuse a bad %s', (path, input, words) => {
    const result = caseRecordSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message).toContain(words);
  });

  it('refuse unknown fields, so a typo does not pass silently', () => {
    expect(caseRecordSchema.safeParse({ ...goodCase, claimedLos: 1 }).success).toBe(false);
  });
});

describe('manifests', () => {
  it('require the format, version and a SHA-256 per file', () => {
    const manifest = {
      format: 'council-desk/bundle', version: 1, bundleId: '1015-2023-B07', title: 't', createdAt: '2023-03-02T09:00:00+09:00',
      issuer: 'i', caseCount: 0, files: { 'cases.ndjson': 'a'.repeat(64) },
      incident: { id: 'kakao-1015', outageFrom: '2022-10-15', outageTo: '2022-10-21', baselineFrom: '2022-09-01', baselineTo: '2022-10-31', weekStartsOn: 'saturday' },
      policy: { id: 'p', currency: 'KRW', tiers: tiers1015, requiredDocuments: [] },
    };
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    expect(manifestSchema.safeParse({ ...manifest, version: 2 }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...manifest, files: { 'cases.ndjson': 'XYZ' } }).success).toBe(false);
  });
});
