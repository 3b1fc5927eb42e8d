import { describe, expect, it } from 'vitest';
import { formatDateTime, formatIsoDate } from '../../renderer/common/format/dates';
import { formatCount, formatKrw } from '../../renderer/common/format/numbers';

describe('formatting', () => {
  it('formats integer KRW in Korean and English', () => {
    expect(formatKrw(420000, 'ko')).toBe('420,000원');
    expect(formatKrw(420000, 'en')).toBe('KRW 420,000');
    expect(formatKrw(-5, 'ko')).toBe('-5원');
    expect(() => formatKrw(1.5, 'ko')).toThrow(/whole number/);
    expect(formatCount(12345, 'ko')).toBe('12,345');
  });

  it('formats calendar dates as written and times in Korean time', () => {
    expect(formatIsoDate('2022-10-15', 'ko')).toBe('2022년 10월 15일');
    expect(formatIsoDate('2022-10-15', 'en')).toBe('October 15, 2022');
    expect(formatDateTime('2023-03-02T05:00:00Z', 'en')).toMatch(/Mar 2, 2023.*2:00\sPM/);
  });
});
