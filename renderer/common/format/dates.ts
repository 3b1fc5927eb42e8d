/**
 * Dates and times for display. The council meets in Korea, so times are shown in Korean time
 * whatever the computer's zone; calendar dates (2022-10-15) are shown as they are written.
 */
import type { Language } from '../../db/settings';
import { LOCALES } from '../i18n';

export const COUNCIL_TIME_ZONE = 'Asia/Seoul';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${language}:${kind}`;
  let format = cache.get(key);
  if (!format) {
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: COUNCIL_TIME_ZONE });
    cache.set(key, format);
  }
  return format;
}

/** "2022-10-15" -> "2022년 10월 15일" / "October 15, 2022". */
export function formatIsoDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : formatter(language, 'date').format(date);
}

/** An ISO date-time with an offset, shown in Korean time. */
export function formatDateTime(isoDateTime: string, language: Language): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : formatter(language, 'dateTime').format(date);
}
