/**
 * shared/i18n's languages, money and dates, in Node as the command line and the minutes use them
 * (the screens use the very same functions).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  LOCALES,
  formatDateTime,
  formatIsoDate,
  formatKrw,
  isLanguage,
  isoDateRange,
  isoDateWithWeekday,
} from '../../shared/i18n';

describe('languages', () => {
  it('are Korean first, the default, then English, each with its BCP 47 locale', () => {
    expect(LANGUAGES).toEqual(['ko', 'en']);
    expect(DEFAULT_LANGUAGE).toBe('ko');
    expect(LOCALES).toEqual({ ko: 'ko-KR', en: 'en-US' });
    expect(LANGUAGES.every(isLanguage)).toBe(true);
    for (const other of ['fr', 'KO', '', null, undefined, 'constructor']) expect(isLanguage(other)).toBe(false);
  });
});

describe('formatting', () => {
  it('formats integer KRW in Korean and English', () => {
    expect(formatKrw(420000, 'ko')).toBe('420,000원');
    expect(formatKrw(420000, 'en')).toBe('KRW 420,000');
    expect(formatKrw(-5, 'ko')).toBe('-5원');
    expect(formatKrw(0, 'en')).toBe('KRW 0');
    expect(formatKrw(10_000_000_000_000, 'ko')).toBe('10,000,000,000,000원');
    expect(() => formatKrw(1.5, 'ko')).toThrow(/whole number/);
    expect(() => formatKrw(Number.NaN, 'en')).toThrow(/whole number/);
  });

  it('formats calendar dates as written and times in Korean time', () => {
    expect(formatIsoDate('2022-10-15', 'ko')).toBe('2022년 10월 15일');
    expect(formatIsoDate('2022-10-15', 'en')).toBe('October 15, 2022');
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
    expect(formatDateTime('2023-03-02T05:00:00Z', 'en')).toBe('Mar 2, 2023, 14:00');
    expect(formatDateTime('2023-03-02T23:30:00Z', 'ko')).toBe('2023. 3. 3. 08:30');
    expect(formatDateTime('2023-03-02T05:10:00Z', 'ko')).not.toMatch(/PM|AM/);
  });

  it('writes the days of the reasons with their weekday, and ranges of them', () => {
    expect(isoDateWithWeekday('2022-10-15', 'ko')).toBe('2022-10-15 (토)');
    expect(isoDateWithWeekday('2022-10-15', 'en')).toBe('2022-10-15 (Sat)');
    expect(isoDateRange('2022-10-15', '2022-10-21', 'ko')).toBe('2022-10-15 (토)~2022-10-21 (금)');
    expect(isoDateRange('2022-10-15', '2022-10-21', 'en')).toBe('2022-10-15 (Sat) to 2022-10-21 (Fri)');
  });
});
