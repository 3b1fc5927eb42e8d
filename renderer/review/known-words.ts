/**
 * Words for codes a bundle may carry (business categories, Kakao services, document kinds): the
 * translation when the code is one we know, else the code itself, shown as text.
 */
import type { i18n as I18n } from 'i18next';

export type WordGroup = 'categories' | 'services' | 'documents.kinds';

export function wordFor(i18n: I18n, group: WordGroup, code: string): string {
  const key = `review.${group}.${code}`;
  return !code.includes('.') && i18n.exists(key) ? String(i18n.t(key as never)) : code;
}
