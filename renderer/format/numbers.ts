/** Numbers for display: money is integer KRW (₩1,234,567); counts get the locale's grouping. */
import type { Language } from '../db/settings';
import { LOCALES } from '../i18n';

const currency = new Map<Language, Intl.NumberFormat>();
const plain = new Map<Language, Intl.NumberFormat>();

export function formatKrw(amount: number, language: Language): string {
  if (!Number.isSafeInteger(amount)) throw new Error(`an amount of KRW must be a whole number, got ${amount}`);
  let format = currency.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 });
    currency.set(language, format);
  }
  return format.format(amount);
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
