/**
 * The i18next instance of the UI, its language and locale: Korean by default, English switchable.
 * React escapes every value it renders, so i18next does not escape again (nothing is rendered as
 * HTML).
 */
import i18next from 'i18next';
import type { Language } from '../db/settings';

export const DEFAULT_LANGUAGE: Language = 'ko';

/** BCP 47 locale for Intl formatting. */
export const LOCALES: Record<Language, string> = { ko: 'ko-KR', en: 'en-US' };

/** Set up with every feature's text by app/i18n.ts, which the app's entry imports first. */
export const i18n = i18next.createInstance();

/** Switches the UI language and the document's lang attribute (for screen readers and fonts). */
export async function applyLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ko';
}
