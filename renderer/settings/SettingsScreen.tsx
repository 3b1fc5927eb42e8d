/**
 * Settings: language; security (signed bundles required, on by default; the trust file); the sync
 * folder; and the app's version.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { ScreenFrame } from '../common/ScreenFrame';
import { SyncFolderSettings } from './SyncFolderSettings';
import { TrustFileSettings } from './TrustFileSettings';
import { useServices } from '../common/services';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n';
import { useAsyncValue } from '../common/use-async-value';
import { useCouncilStore } from '../common/council-store';
import { chooseLanguage } from '../common/language';
import { chooseRequireSignature } from './security-preferences';
import { useUiStore } from '../common/ui-store';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const language = useUiStore((s) => s.language);
  const requireSigned = useCouncilStore((s) => s.settings.requireSignature);
  const appInfo = useAsyncValue(() => api.getAppInfo(), [api]);
  const hintId = useId();

  return (
    <ScreenFrame screen="settings" title={t('settings.title')} intro={t('settings.intro')}>
      <fieldset className="card settings-group">
        <legend className="card__title">{t('settings.language')}</legend>
        {LANGUAGES.map((lang) => (
          <label key={lang} className="choice">
            <input type="radio" name="language" value={lang} checked={language === lang} onChange={() => void chooseLanguage(db, lang)} />
            <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          </label>
        ))}
      </fieldset>

      <fieldset className="card settings-group">
        <legend className="card__title">{t('settings.security')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={requireSigned}
            aria-describedby={hintId}
            onChange={(e) => void chooseRequireSignature(db, e.currentTarget.checked)}
          />
          <span>{t('settings.requireSigned')}</span>
        </label>
        <p id={hintId} className="choice__hint">
          {t('settings.requireSignedHint')}
        </p>
        <TrustFileSettings />
      </fieldset>

      <SyncFolderSettings />

      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about" className="card__title">
          {t('settings.about')}
        </h2>
        {appInfo.state === 'loading' && <p role="status">{t('settings.appInfoLoading')}</p>}
        {appInfo.state === 'failed' && <ErrorNotice title={t('settings.appInfoFailed')} error={appInfo.error} />}
        {appInfo.state === 'done' && (
          <dl className="facts">
            <dt>{t('settings.appName')}</dt>
            <dd>{appInfo.value.name}</dd>
            <dt>{t('settings.version')}</dt>
            <dd data-testid="app-version">{appInfo.value.version}</dd>
            <dt>{t('settings.platform')}</dt>
            <dd>{appInfo.value.platform}</dd>
          </dl>
        )}
      </section>
    </ScreenFrame>
  );
}
