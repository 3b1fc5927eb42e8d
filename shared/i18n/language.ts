/** The languages of the council's text: Korean first (the default), English too. */

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ko';

/** BCP 47 locale of each language, for Intl formatting. */
export const LOCALES: Record<Language, string> = { ko: 'ko-KR', en: 'en-US' };

/** Each language's name written in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { ko: '한국어', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
