/**
 * Words for codes a bundle may carry (business categories, Kakao services, document kinds): the
 * translation when the code is one we know, else the code itself, shown as text. Categories and
 * services are the review's own text; document kinds are the domain's words (shared/i18n), which
 * app/strings-*.ts puts in the resources as `documentKinds`.
 */
import type { i18n as I18n } from 'i18next';

export type WordGroup = 'categories' | 'services' | 'documentKinds';

const PREFIX: Record<WordGroup, string> = { categories: 'review.categories', services: 'review.services', documentKinds: 'documentKinds' };

export function wordFor(i18n: I18n, group: WordGroup, code: string): string {
  const key = `${PREFIX[group]}.${code}`;
  return !code.includes('.') && i18n.exists(key) ? String(i18n.t(key as never)) : code;
}
