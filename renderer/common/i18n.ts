/**
 * The i18next instance of the UI and its language: Korean by default, English switchable (the
 * languages and their locales are shared/i18n's). React escapes every value it renders, so
 * i18next does not escape again (nothing is rendered as HTML).
 */
import i18next from 'i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/i18n';

/** Set up with every feature's text by app/i18n.ts, which the app's entry imports first. */
export const i18n = i18next.createInstance();

/** Switches the UI language and the document's lang attribute (for screen readers and fonts). */
export async function applyLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
