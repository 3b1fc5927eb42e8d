/** First run: what Council Desk is, and a way in (the demo council, or an empty start). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../common/council-api';
import { DemoCouncilLoader } from '../bundles';
import { ErrorNotice } from '../common/ErrorNotice';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useServices } from '../common/services';
import { ScreenFrame } from '../common/ScreenFrame';
import { writeSetting } from '../db/settings';
import { useAsyncValue } from '../common/use-async-value';
import { useCouncilStore } from '../common/council-store';
import { useUiStore } from '../common/ui-store';
import './welcome.css';

export function WelcomeScreen() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const appInfo = useAsyncValue(() => api.getAppInfo(), [api]);
  const [emptyError, setEmptyError] = useState<{ code: string; message: string } | null>(null);
  const demoUnavailable = appInfo.state === 'done' && !appInfo.value.demoAvailable;

  async function startEmpty() {
    try {
      await writeSetting(db, 'firstRunDone', true);
      useUiStore.getState().setScreen('bundles');
      await useCouncilStore.getState().load(db);
    } catch (err) {
      setEmptyError(describeError(err));
    }
  }

  return (
    <div className="welcome">
      <div className="welcome__language">
        <LanguageSwitch />
      </div>
      <main className="welcome__panel">
        <ScreenFrame screen="welcome" title={t('welcome.title')} intro={t('welcome.intro1')}>
          <p className="welcome__text">{t('welcome.intro2')}</p>
          <p className="welcome__hint">{t('welcome.demoHint')}</p>
          <DemoCouncilLoader
            unavailable={demoUnavailable}
            beside={
              <button type="button" className="button button--quiet" onClick={() => void startEmpty()}>
                {t('welcome.startEmpty')}
              </button>
            }
          />
          {emptyError && <ErrorNotice title={t('app.loadFailed')} error={emptyError} />}
        </ScreenFrame>
      </main>
    </div>
  );
}
