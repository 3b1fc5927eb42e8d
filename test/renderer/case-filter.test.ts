/** The Cases list's pure filtering, searching, sorting and counting (renderer/cases/case-filter.ts). */
import { describe, expect, it } from 'vitest';
import type { CaseSummaryRow } from '../../renderer/db/rows';
import {
  buildCaseIndex,
  caseIdsOf,
  countCases,
  filterCases,
  hasFilters,
  NO_FILTERS,
  prepareQuery,
  type CaseFilters,
  type CaseSort,
} from '../../renderer/cases/case-filter';

function row(caseId: string, patch: Partial<CaseSummaryRow> = {}): CaseSummaryRow {
  return {
    caseId,
    bundleId: 'B1',
    status: 'undecided',
    revision: 1,
    businessName: `가게 ${caseId}`,
    registrationNo: '1234567891',
    claimedLoss: 100_000,
    assessedLoss: 90_000,
    suggestedTier: 'T1',
    award: 30_000,
    flags: [],
    ...patch,
  };
}

// given out of order on purpose: the index sorts by case id
const ROWS: CaseSummaryRow[] = [
  row('1015-000004', { businessName: '서울 국밥집', registrationNo: '2208162517', claimedLoss: 700_000, assessedLoss: null, suggestedTier: 'T3', award: null, flags: ['NO_COMPLETE_BASELINE_WEEK'], status: 'deferred', bundleId: 'B2' }),
  row('1015-000001', { businessName: '행복한 꽃집', registrationNo: '1048155231', claimedLoss: 250_000, assessedLoss: 240_000 }),
  row('1015-000003', { businessName: 'Cafe Mocha 합정점', registrationNo: '1234567891', claimedLoss: 450_000, assessedLoss: 320_000, suggestedTier: 'T2', award: 50_000, flags: ['DUPLICATE_REGISTRATION_NO', 'CLAIM_EXCEEDS_ASSESSED'], status: 'voted' }),
  row('1015-000002', { businessName: '부산 택시', registrationNo: '1234567891', claimedLoss: 0, assessedLoss: null, suggestedTier: null, award: null, flags: ['DUPLICATE_REGISTRATION_NO', 'NO_SALES_DATA'], status: 'decided' }),
  row('1015-000005', { businessName: '행복 분식', registrationNo: '5068812345', claimedLoss: 450_000, assessedLoss: 500_000, suggestedTier: 'T2', award: 50_000, bundleId: 'B2' }),
];

const index = buildCaseIndex(ROWS, ['T1', 'T2', 'T3']);
const ids = (filters: Partial<CaseFilters>, sort?: CaseSort) => caseIdsOf(index, filterCases(index, { ...NO_FILTERS, ...filters }, sort));

describe('filterCases', () => {
  it('gives every case in case-id order without filters', () => {
    expect(ids({})).toEqual(['1015-000001', '1015-000002', '1015-000003', '1015-000004', '1015-000005']);
  });

  it('filters by tier, and by no tier', () => {
    expect(ids({ tier: 'T2' })).toEqual(['1015-000003', '1015-000005']);
    expect(ids({ tier: 'none' })).toEqual(['1015-000002']);
    expect(ids({ tier: 'T9' })).toEqual([]);
  });

  it('filters by one flag, by any flag and by no flag', () => {
    expect(ids({ flag: 'DUPLICATE_REGISTRATION_NO' })).toEqual(['1015-000002', '1015-000003']);
    expect(ids({ flag: 'NO_SALES_DATA' })).toEqual(['1015-000002']);
    expect(ids({ flag: 'MISSING_DOCUMENTS' })).toEqual([]);
    expect(ids({ flag: 'any' })).toEqual(['1015-000002', '1015-000003', '1015-000004']);
    expect(ids({ flag: 'none' })).toEqual(['1015-000001', '1015-000005']);
  });

  it('filters by status and by bundle', () => {
    expect(ids({ status: 'voted' })).toEqual(['1015-000003']);
    expect(ids({ status: 'undecided' })).toEqual(['1015-000001', '1015-000005']);
    expect(ids({ bundle: 'B2' })).toEqual(['1015-000004', '1015-000005']);
    expect(ids({ bundle: 'nope' })).toEqual([]);
  });

  it('combines filters', () => {
    expect(ids({ tier: 'T2', flag: 'DUPLICATE_REGISTRATION_NO' })).toEqual(['1015-000003']);
    expect(ids({ tier: 'T2', bundle: 'B2' })).toEqual(['1015-000005']);
    expect(ids({ tier: 'T1', status: 'decided' })).toEqual([]);
  });
});

describe('search', () => {
  it('finds a case by its id, whole or in part', () => {
    expect(ids({ search: '1015-000004' })).toEqual(['1015-000004']);
    expect(ids({ search: ' 000005 ' })).toEqual(['1015-000005']);
  });

  it('finds Korean business-name fragments, and ignores case in Latin letters', () => {
    expect(ids({ search: '행복' })).toEqual(['1015-000001', '1015-000005']);
    expect(ids({ search: '국밥' })).toEqual(['1015-000004']);
    expect(ids({ search: 'cafe mocha' })).toEqual(['1015-000003']);
    expect(ids({ search: '합정' })).toEqual(['1015-000003']);
  });

  it('matches decomposed Hangul (NFD) typed or stored', () => {
    expect(ids({ search: '꽃집'.normalize('NFD') })).toEqual(['1015-000001']);
    const nfd = buildCaseIndex([row('1015-000009', { businessName: '꽃집'.normalize('NFD') })]);
    expect(filterCases(nfd, { ...NO_FILTERS, search: '꽃집' })).toHaveLength(1);
  });

  it('finds a registration number with or without hyphens, or part of one', () => {
    expect(ids({ search: '220-81-62517' })).toEqual(['1015-000004']);
    expect(ids({ search: '2208162517' })).toEqual(['1015-000004']);
    expect(ids({ search: '123-45-67891' })).toEqual(['1015-000002', '1015-000003']);
    expect(ids({ search: '506-88' })).toEqual(['1015-000005']);
  });

  it('searches within the filtered cases only, and finds nothing for an unknown text', () => {
    expect(ids({ search: '123-45-67891', tier: 'T2' })).toEqual(['1015-000003']);
    expect(ids({ search: '없는 상호' })).toEqual([]);
  });

  it('prepares the query once: lowercase, and the digits alone for a hyphenated number', () => {
    expect(prepareQuery('  ABC ')).toEqual({ text: 'abc', digits: null });
    expect(prepareQuery('123-45-67891')).toEqual({ text: '123-45-67891', digits: '1234567891' });
    expect(prepareQuery('1234')).toEqual({ text: '1234', digits: null });
  });
});

describe('sort', () => {
  it('sorts by claimed loss both ways, ties by case id', () => {
    expect(ids({}, { key: 'claimedLoss', direction: 'asc' })).toEqual(['1015-000002', '1015-000001', '1015-000003', '1015-000005', '1015-000004']);
    expect(ids({}, { key: 'claimedLoss', direction: 'desc' })).toEqual(['1015-000004', '1015-000003', '1015-000005', '1015-000001', '1015-000002']);
  });

  it('sorts by assessed loss both ways with the cases not assessed last', () => {
    expect(ids({}, { key: 'assessedLoss', direction: 'asc' })).toEqual(['1015-000001', '1015-000003', '1015-000005', '1015-000002', '1015-000004']);
    expect(ids({}, { key: 'assessedLoss', direction: 'desc' })).toEqual(['1015-000005', '1015-000003', '1015-000001', '1015-000002', '1015-000004']);
  });

  it('sorts by case id descending, and keeps the sort with filters', () => {
    expect(ids({}, { key: 'caseId', direction: 'desc' })).toEqual(['1015-000005', '1015-000004', '1015-000003', '1015-000002', '1015-000001']);
    expect(ids({ flag: 'any' }, { key: 'claimedLoss', direction: 'desc' })).toEqual(['1015-000004', '1015-000003', '1015-000002']);
  });
});

describe('countCases', () => {
  it('counts the given cases per tier (policy tiers first, no tier apart) and per flag', () => {
    const counts = countCases(index, filterCases(index, NO_FILTERS));
    expect(counts.total).toBe(5);
    expect(counts.tiers).toEqual([
      { tierId: 'T1', count: 1 },
      { tierId: 'T2', count: 2 },
      { tierId: 'T3', count: 1 },
    ]);
    expect(counts.noTier).toBe(1);
    expect(counts.flagged).toBe(3);
    expect(Object.fromEntries(counts.flags.filter((f) => f.count > 0).map((f) => [f.code, f.count]))).toEqual({
      DUPLICATE_REGISTRATION_NO: 2,
      NO_SALES_DATA: 1,
      NO_COMPLETE_BASELINE_WEEK: 1,
      CLAIM_EXCEEDS_ASSESSED: 1,
    });
    expect(counts.flags.map((f) => f.code)[0]).toBe('REGISTRATION_NO_INVALID');
  });

  it('counts only the filtered cases', () => {
    const counts = countCases(index, filterCases(index, { ...NO_FILTERS, search: '123-45-67891' }));
    expect(counts.total).toBe(2);
    expect(counts.tiers.map((t) => t.count)).toEqual([0, 1, 0]);
    expect(counts.noTier).toBe(1);
    expect(counts.flags.find((f) => f.code === 'DUPLICATE_REGISTRATION_NO')?.count).toBe(2);
  });

  it('adds tiers found in the rows but in no policy after the policy tiers', () => {
    const other = buildCaseIndex([row('A', { suggestedTier: 'X' }), row('B')], ['T1']);
    expect(other.tierIds).toEqual(['T1', 'X']);
    expect(countCases(other, filterCases(other, NO_FILTERS)).tiers).toEqual([
      { tierId: 'T1', count: 1 },
      { tierId: 'X', count: 1 },
    ]);
  });

  it('handles rows without any suggestion yet (all null, no flags)', () => {
    const fresh = buildCaseIndex([row('A', { suggestedTier: null, award: null, assessedLoss: null })], ['T1']);
    expect(countCases(fresh, filterCases(fresh, NO_FILTERS))).toMatchObject({ total: 1, noTier: 1, flagged: 0 });
  });
});

describe('100,000 cases', () => {
  it('filters, searches and counts them quickly', () => {
    const many: CaseSummaryRow[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      many.push(row(`1015-${String(i).padStart(6, '0')}`, { claimedLoss: (i * 7919) % 900_000, suggestedTier: ['T1', 'T2', 'T3'][i % 3]!, flags: i % 10 === 0 ? ['DUPLICATE_REGISTRATION_NO'] : [] }));
    }
    const big = buildCaseIndex(many, ['T1', 'T2', 'T3']);
    const started = performance.now();
    const hits = filterCases(big, { ...NO_FILTERS, tier: 'T2', flag: 'DUPLICATE_REGISTRATION_NO', search: '가게' }, { key: 'claimedLoss', direction: 'desc' });
    countCases(big, hits);
    const searched = filterCases(big, { ...NO_FILTERS, search: '1015-0999' });
    const ms = performance.now() - started;
    expect(hits.length).toBe(3_333);
    expect(searched.length).toBe(100);
    expect(ms).toBeLessThan(1_500); // generous: a shared, slow test machine (the benchmark measures it properly)
  });
});

describe('hasFilters', () => {
  it('is false for no filters and a blank search', () => {
    expect(hasFilters({ ...NO_FILTERS, search: '   ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, status: 'voted' })).toBe(true);
  });
});
