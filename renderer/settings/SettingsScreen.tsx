/**
 * Settings: language; the council's members and their declared conflicts (council/); security
 * (signed bundles required, on by default; the trust file); this device's signing keys (keys/);
 * the sync folder; the storage the app uses and has left, and whether it is persistent (storage/);
 * backups and restoring one (backup/); and the app's version. The security settings and the sync folder are the main
 * process's: shown from the copy read at boot, changed by asking it (the keys too: keys/ asks).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { ScreenFrame } from '../common/ScreenFrame';
import { RosterSection } from './council/RosterSection';
import { DeviceKeysPanel } from './keys/DeviceKeysPanel';
import { SyncFolderSettings } from './SyncFolderSettings';
import { StorageSection } from './storage/StorageSection';
import { BackupSection } from './backup';
import { TrustSettings } from './trust';
import { useServices } from '../common/services';
import { LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n';
import { useAsyncValue } from '../common/use-async-value';
import { useCouncilStore } from '../common/council-store';
import { chooseLanguage } from '../common/language';
import { chooseRequireSignature } from './security-preferences';
import { SecurityChangeNotice, useSecurityChange } from './SecurityChangeNotice';
import { useUiStore } from '../common/ui-store';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const language = useUiStore((s) => s.language);
  const security = useCouncilStore((s) => s.security);
  const securityError = useCouncilStore((s) => s.securityError);
  const signatureChange = useSecurityChange();
  const appInfo = useAsyncValue(() => api.getAppInfo(), [api]);
  const hintId = useId();

  return (
    <ScreenFrame screen="settings" title={t('settings.title')} intro={t('settings.intro')}>
      <fieldset className="card settings-group">
        <legend className="card__title">
          <h2>{t('settings.language')}</h2>
        </legend>
        {LANGUAGES.map((lang) => (
          <label key={lang} className="choice">
            <input type="radio" name="language" value={lang} checked={language === lang} onChange={() => void chooseLanguage(db, lang)} />
            <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          </label>
        ))}
      </fieldset>

      <RosterSection />

      {/* the keys before the trust that names them */}
      <DeviceKeysPanel />

      <fieldset className="card settings-group">
        <legend className="card__title">
          <h2>{t('settings.security')}</h2>
        </legend>
        {security === null ? (
          securityError ? (
            <ErrorNotice title={t('settings.securityFailed')} error={securityError} />
          ) : (
            <p role="status">{t('settings.securityLoading')}</p>
          )
        ) : (
          <>
            <label className="choice">
              <input
                type="checkbox"
                checked={security.requireSignature}
                aria-describedby={hintId}
                onChange={(e) => {
                  const required = e.currentTarget.checked;
                  void signatureChange.run(() => chooseRequireSignature(db, api, required));
                }}
              />
              <span>{t('settings.requireSigned')}</span>
            </label>
            <p id={hintId} className="choice__hint">
              {t('settings.requireSignedHint')}
            </p>
            <SecurityChangeNotice problem={signatureChange.problem} />
            <TrustSettings trustFile={security.trustFile} />
          </>
        )}
      </fieldset>

      {security !== null && <SyncFolderSettings syncFolder={security.syncFolder} syncFolderInUse={security.syncFolderInUse} />}

      <StorageSection />

      <BackupSection />

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
