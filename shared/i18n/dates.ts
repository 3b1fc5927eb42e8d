/**
 * Dates and times in words. The council meets in Korea, so times are shown in Korean time whatever
 * the computer's zone; calendar dates (2022-10-15) are written as they are, or in the locale's long
 * form, with no time zone to shift them.
 */
import { weekdayName } from '../assessment/days';
import { LOCALES, type Language } from './language';

export const COUNCIL_TIME_ZONE = 'Asia/Seoul';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let format = cache.get(key);
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: COUNCIL_TIME_ZONE });
    cache.set(key, format);
  }
  return format;
}

/** "2022-10-15" -> "2022년 10월 15일" / "October 15, 2022"; text that is not a date as it is. */
export function formatIsoDate(isoDate: string, lang: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter(lang, 'date').format(date);
}

/**
 * An ISO date-time with an offset, shown in Korean time on a 24-hour clock ("2023. 3. 2. 14:10",
 * "Mar 2, 2023, 14:10"); text that is not one as it is. The 24-hour clock is also what makes Node
 * and Chromium agree: Node's ICU writes the Korean day period as "PM", Chromium as "오후".
 */
export function formatDateTime(isoDateTime: string, lang: Language): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : formatter(lang, 'dateTime').format(date);
}

const WEEKDAY_SHORT = {
  ko: { sunday: '일', monday: '월', tuesday: '화', wednesday: '수', thursday: '목', friday: '금', saturday: '토' },
  en: { sunday: 'Sun', monday: 'Mon', tuesday: 'Tue', wednesday: 'Wed', thursday: 'Thu', friday: 'Fri', saturday: 'Sat' },
} as const satisfies Record<Language, unknown>;

/** "2022-10-15" -> "2022-10-15 (토)" / "2022-10-15 (Sat)": the form of the reasons. */
export function isoDateWithWeekday(isoDate: string, lang: Language): string {
  return `${isoDate} (${WEEKDAY_SHORT[lang][weekdayName(isoDate)]})`;
}

/** Two days with their weekdays: "2022-10-15 (토)~2022-10-21 (금)" / "2022-10-15 (Sat) to 2022-10-21 (Fri)". */
export function isoDateRange(from: string, to: string, lang: Language): string {
  const [a, b] = [isoDateWithWeekday(from, lang), isoDateWithWeekday(to, lang)];
  return lang === 'ko' ? `${a}~${b}` : `${a} to ${b}`;
}
