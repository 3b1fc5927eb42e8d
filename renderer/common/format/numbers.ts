/**
 * Numbers for display. Money is integer KRW written as the suggestion's reasons and the command
 * line write it ("1,234,567원", "KRW 1,234,567"), so one screen never shows one sum two ways;
 * counts get the locale's grouping.
 */
import { formatKrw as formatKrwAsReasons } from '../../../shared/assessment/reasons';
import type { Language } from '../../db/settings';
import { LOCALES } from '../i18n';

const plain = new Map<Language, Intl.NumberFormat>();

export function formatKrw(amount: number, language: Language): string {
  if (!Number.isSafeInteger(amount)) throw new Error(`an amount of KRW must be a whole number, got ${amount}`);
  return formatKrwAsReasons(amount, language);
}

/** A count, with the locale's grouping (1,234). */
export function formatCount(count: number, language: Language): string {
  let format = plain.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 });
    plain.set(language, format);
  }
  return format.format(count);
}
