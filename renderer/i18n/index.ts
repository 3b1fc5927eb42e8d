/**
 * The i18next instance of the UI: Korean by default, English switchable. React escapes every
 * value it renders, so i18next does not escape again (and nothing is rendered as HTML).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../db/settings';
import { en } from './en';
import { ko, type Messages } from './ko';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const DEFAULT_LANGUAGE: Language = 'ko';

/** BCP 47 locale for Intl formatting. */
export const LOCALES: Record<Language, string> = { ko: 'ko-KR', en: 'en-US' };

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['ko', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language and the document's lang attribute (for screen readers and fonts). */
export async function applyLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ko';
}
