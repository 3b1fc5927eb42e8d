/**
 * The root: reads the council from the database, restores the language, then shows either the
 * first-run welcome or the app shell.
 */
import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { CouncilApi } from '../common/council-api';
import { AppShell } from './AppShell';
import { ErrorNotice } from '../common/ErrorNotice';
import { ServicesProvider } from '../common/services';
import type { CouncilDb } from '../db/schema';
import { i18n } from './i18n';
import { WelcomeScreen } from '../welcome';
import { isFirstRun, useCouncilStore } from '../common/council-store';
import { bootCouncil } from './boot';
import { restoreLanguage } from '../common/language';

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
      await bootCouncil(db, api);
      await restoreLanguage(db);
      if (current) setBooted(true);
    })();
    return () => {
      current = false;
    };
  }, [db, api]);

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
