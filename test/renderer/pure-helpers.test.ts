import { describe, expect, it } from 'vitest';
import { claimedTierCounts } from '../../renderer/domain/claimed-tier-counts';
import { formatDateTime, formatIsoDate } from '../../renderer/format/dates';
import { formatCount, formatKrw } from '../../renderer/format/numbers';

describe('claimedTierCounts', () => {
  const tiers = [
    { id: 'T1', minLoss: 1, maxLoss: 300000, award: 30000 },
    { id: 'T2', minLoss: 300001, maxLoss: 500000, award: 50000 },
    { id: 'T3', minLoss: 500001, award: null },
  ];

  it('puts each claim in the tier whose inclusive bounds contain it', () => {
    const result = claimedTierCounts(tiers, [0, 1, 300000, 300001, 500000, 500001, 9_000_000_000]);
    expect(result.tiers.map((t) => [t.tier.id, t.count])).toEqual([
      ['T1', 2],
      ['T2', 2],
      ['T3', 2],
    ]);
    expect(result.belowFirstTier).toBe(1);
    expect(result.aboveLastTier).toBe(0);
  });

  it('counts claims above a closed last tier apart', () => {
    const closed = [{ id: 'A', minLoss: 1, maxLoss: 100, award: 10 }];
    expect(claimedTierCounts(closed, [50, 101])).toMatchObject({ belowFirstTier: 0, aboveLastTier: 1 });
  });
});

describe('formatting', () => {
  it('formats integer KRW in Korean and English', () => {
    expect(formatKrw(420000, 'ko')).toBe('₩420,000');
    expect(formatKrw(420000, 'en')).toBe('₩420,000');
    expect(() => formatKrw(1.5, 'ko')).toThrow(/whole number/);
    expect(formatCount(12345, 'ko')).toBe('12,345');
  });

  it('formats calendar dates as written and times in Korean time', () => {
    expect(formatIsoDate('2022-10-15', 'ko')).toBe('2022년 10월 15일');
    expect(formatIsoDate('2022-10-15', 'en')).toBe('October 15, 2022');
    expect(formatDateTime('2023-03-02T05:00:00Z', 'en')).toMatch(/Mar 2, 2023.*2:00\sPM/);
  });
});
