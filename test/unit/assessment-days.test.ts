import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDayNumber, weekdayName } from '../../shared/assessment';

describe('assessment day numbers (UTC, integer)', () => {
  it('maps ISO dates to days since 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    // Cross-check against Date.UTC over four years, leap days included.
    for (let n = dayNumber('2022-01-01'); n <= dayNumber('2025-12-31'); n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(n);
      expect(isoFromDayNumber(n)).toBe(iso);
    }
    expect(isoFromDayNumber(dayNumber('2000-02-29'))).toBe('2000-02-29');
  });

  it('rejects malformed and impossible dates with NaN', () => {
    expect(dayNumber('2022-02-29')).toBeNaN();
    expect(dayNumber('2022-13-01')).toBeNaN();
    expect(dayNumber('2022-9-01')).toBeNaN();
    expect(dayNumber('2022-09-0x')).toBeNaN();
  });

  it('knows the weekdays of the 1015 calendar', () => {
    expect(weekdayName('2022-09-01')).toBe('thursday');
    expect(weekdayName('2022-09-03')).toBe('saturday');
    expect(weekdayName('2022-10-15')).toBe('saturday');
    expect(weekdayName('2022-10-21')).toBe('friday');
  });
});
