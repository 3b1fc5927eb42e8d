/**
 * Sets up the UI's i18next instance (common/i18n.ts) with the text of every feature, in Korean and
 * English. Imported by the entry before anything renders, and by the component tests' set-up.
 */
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, i18n } from '../common/i18n';
import { en } from './strings-en';
import { ko, type Messages } from './strings-ko';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

void i18n.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['ko', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
