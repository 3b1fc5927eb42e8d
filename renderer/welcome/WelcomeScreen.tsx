/**
 * First run: what Council Desk is, and a way in (the demo council, an empty start, or a backup
 * restored: the very dialog of Settings → Backup, with its checks). Once the demo council is
 * loaded, one more step: who is at this keyboard (the operator; the secretary unless the user picks
 * another member). Starting empty there is no roster, so no operator. Once a backup is restored,
 * the app opens on the restored council (its operator is the backup's).
 */
import { useState } from 'react';
import { announce } from '../common/announcer';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorInfo } from '../common/council-api';
import { DemoCouncilLoader } from '../bundles';
import { ErrorNotice } from '../common/ErrorNotice';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useServices } from '../common/services';
import { ScreenFrame } from '../common/ScreenFrame';
import type { MemberRow } from '../db/rows';
import { operatorOf, writeSetting } from '../db/settings';
import { useAsyncValue } from '../common/use-async-value';
import { sortMembers, useCouncilStore } from '../common/council-store';
import { useUiStore } from '../common/ui-store';
import { RestoreDialog } from '../settings';
import { OperatorChoice } from './OperatorChoice';
import './welcome.css';

type Step = { step: 'intro' } | { step: 'operator'; members: MemberRow[]; chosen: string | null };

export function WelcomeScreen() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const appInfo = useAsyncValue(() => api.getAppInfo(), [api]);
  const [emptyError, setEmptyError] = useState<ErrorInfo | null>(null);
  const [step, setStep] = useState<Step>({ step: 'intro' });
  const [restoring, setRestoring] = useState<{ passphraseSet: boolean } | null>(null);
  const demoUnavailable = appInfo.state === 'done' && !appInfo.value.demoAvailable;

  async function enterApp() {
    useUiStore.getState().setScreen('bundles');
    await useCouncilStore.getState().load(db);
  }

  async function startEmpty() {
    try {
      await writeSetting(db, 'firstRunDone', true);
      await enterApp();
    } catch (err) {
      setEmptyError(describeError(err));
    }
  }

  function openRestore() {
    setRestoring({ passphraseSet: false });
    // Only a profile with data (rare on the welcome) needs a backup passphrase, to be backed up first.
    api.getBackupStatus().then(
      (status) => setRestoring((open) => open && { passphraseSet: status.passphraseSet }),
      () => undefined,
    );
  }

  /** The restored council, whatever its first-run flag says: the user came to restore it. */
  async function enterRestored(name: string) {
    await writeSetting(db, 'firstRunDone', true);
    announce(t('welcome.restored', { name }));
    await enterApp();
  }

  async function askOperator() {
    const [members, operator] = await db.transaction('r', [db.members, db.settings], () => Promise.all([db.members.toArray(), db.settings.get('operator')]));
    setStep({ step: 'operator', members: sortMembers(members), chosen: operatorOf(operator?.value) });
  }

  return (
    <div className="welcome">
      {/* a landmark of its own, as the app header is on the other screens: no content outside one */}
      <header className="welcome__language">
        <LanguageSwitch />
      </header>
      <main className="welcome__panel">
        {step.step === 'intro' ? (
          <ScreenFrame screen="welcome" title={t('welcome.title')} intro={t('welcome.intro1')}>
            <p className="welcome__text">{t('welcome.intro2')}</p>
            <p className="welcome__hint">{t('welcome.demoHint')}</p>
            <p className="welcome__hint">{t('welcome.restoreHint')}</p>
            <DemoCouncilLoader
              unavailable={demoUnavailable}
              onLoaded={askOperator}
              beside={
                <>
                  <button type="button" className="button button--quiet" onClick={() => void startEmpty()}>
                    {t('welcome.startEmpty')}
                  </button>
                  <button type="button" className="button button--quiet" onClick={openRestore}>
                    {t('welcome.restore')}
                  </button>
                </>
              }
            />
            {emptyError && <ErrorNotice title={t('app.loadFailed')} error={emptyError} />}
            {restoring && <RestoreDialog passphraseSet={restoring.passphraseSet} onClose={() => setRestoring(null)} onRestored={enterRestored} />}
          </ScreenFrame>
        ) : (
          <ScreenFrame screen="welcome-operator" title={t('welcome.operatorTitle')} intro={t('welcome.operatorIntro')}>
            <OperatorChoice members={step.members} chosen={step.chosen} onDone={enterApp} />
          </ScreenFrame>
        )}
      </main>
    </div>
  );
}
