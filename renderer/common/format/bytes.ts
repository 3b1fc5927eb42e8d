/**
 * A size in bytes for display, with the locale's digits: 512 B, 12.5 kB, 60 MB, 1.2 GB (powers of
 * 1000). The unit is chosen by the figure as shown: 999,999,950 bytes is 1 GB, not "1,000 MB".
 */
import { LOCALES, type Language } from '../../../shared/i18n';

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
const cache = new Map<Language, Intl.NumberFormat>();

export function formatBytes(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  // shown with one decimal at most: a value that rounds up to 1000 is the next unit's 1
  while (Math.round(value * 10) / 10 >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  let format = cache.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
    cache.set(language, format);
  }
  return `${format.format(unit === 0 ? Math.round(value) : value)} ${UNITS[unit]}`;
}
