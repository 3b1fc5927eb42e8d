/**
 * The root: reads the council from the database, restores the language, then shows either the
 * first-run welcome or the app shell.
 */
import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { CouncilApi } from './api/council-api';
import { AppShell } from './components/AppShell';
import { ErrorNotice } from './components/ErrorNotice';
import { ServicesProvider } from './components/services';
import type { CouncilDb } from './db/schema';
import { i18n } from './i18n';
import { WelcomeScreen } from './screens/WelcomeScreen';
import { bootCouncil, isFirstRun, useCouncilStore } from './store/council-store';
import { restoreLanguage } from './store/preferences';

function Root() {
  const { t } = useTranslation();
  const status = useCouncilStore((s) => s.status);
  const error = useCouncilStore((s) => s.error);
  const firstRun = useCouncilStore(isFirstRun);

  if (status === 'failed' && error) {
    return (
      <main className="boot" data-screen="boot-failed">
        <ErrorNotice title={t('app.loadFailed')} error={error} />
      </main>
    );
  }
  return firstRun ? <WelcomeScreen /> : <AppShell />;
}

export function App({ db, api }: { db: CouncilDb; api: CouncilApi }) {
  const [booted, setBooted] = useState(false);

  useEffect(() => {
    let current = true;
    void (async () => {
      await bootCouncil(db);
      await restoreLanguage(useCouncilStore.getState().settings.language);
      if (current) setBooted(true);
    })();
    return () => {
      current = false;
    };
  }, [db]);

  return (
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={{ db, api }}>
        {booted ? (
          <Root />
        ) : (
          <main className="boot" data-screen="loading">
            <p role="status">{i18n.t('app.loading')}</p>
          </main>
        )}
      </ServicesProvider>
    </I18nextProvider>
  );
}
