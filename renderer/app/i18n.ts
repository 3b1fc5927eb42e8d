/**
 * Sets up the UI's i18next instance (common/i18n.ts) with the text of every feature and the
 * domain's words (shared/i18n), in Korean and English. Imported by the entry before anything
 * renders, and by the component tests' set-up.
 */
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../shared/i18n';
import { i18n } from '../common/i18n';
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
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
