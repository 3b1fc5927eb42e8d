/** Counts for display, with the locale's grouping (1,234). Money is formatted by shared/i18n (formatKrw). */
import { LOCALES, type Language } from '../../../shared/i18n';

const plain = new Map<Language, Intl.NumberFormat>();

/** A count, with the locale's grouping (1,234). */
export function formatCount(count: number, language: Language): string {
  let format = plain.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 });
    plain.set(language, format);
  }
  return format.format(count);
}
