/** 한국어 / English: each name written in its own language; the choice is stored in settings. */
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n';
import { chooseLanguage } from './language';
import { useUiStore } from './ui-store';
import { useServices } from './services';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  return (
    <div role="group" aria-label={t('header.languageGroup')} className="language-switch">
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-switch__option"
          aria-pressed={language === lang}
          onClick={() => void chooseLanguage(db, lang)}
        >
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
