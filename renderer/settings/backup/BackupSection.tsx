/**
 * Settings → 백업 (backup): the backup passphrase (set, with "remember on this device", or
 * forgotten), "Back up now" (also into a folder of the user's choosing), the backup under way with
 * its progress, how the last one ended, the backups in the folder, and "Restore from a backup…".
 * Main holds the passphrase's key and writes the files: every change asks it and shows what it
 * answered. The list is read again whenever a backup ends.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/api';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { ErrorNotice } from '../../common/ErrorNotice';
import { choosePath } from '../../common/file-picker';
import { useServices } from '../../common/services';
import { backUpNow } from './backup-jobs';
import { useBackupStore } from './backup-store';
import { BackupEndNotice } from './BackupEndNotice';
import { BackupList } from './BackupList';
import { BackupPassphraseForm } from './BackupPassphraseForm';
import { BackupProgressBar } from './BackupProgressBar';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';

export function BackupSection() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const headingId = useId();
  const hintId = useId();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [problem, setProblem] = useState<{ title: string; error: ErrorInfo } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chooseFolder, setChooseFolder] = useState(false);
  const [restoreOpen, setRestoreOpen] = useState(false);
  const running = useBackupStore((s) => s.running !== null);
  const restoring = useBackupStore((s) => s.restoring);
  const last = useBackupStore((s) => s.last);

  const reload = useCallback(() => {
    api.getBackupStatus().then(
      (value) => setStatus(value),
      (err: unknown) => setProblem({ title: t('backup.loadFailed'), error: describeError(err) }),
    );
  }, [api, t]);

  // Read on mount, and again each time a backup ends (the list has a file more).
  useEffect(() => {
    if (!running) reload();
  }, [running, reload]);

  async function changePassphrase(call: () => Promise<BackupStatus>, words: string) {
    setBusy(true);
    setProblem(null);
    setSaid(null);
    try {
      setStatus(await call());
      setSaid(words);
    } catch (err) {
      setProblem({ title: t('backup.loadFailed'), error: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function backUp() {
    setSaid(null);
    // Browser mode has no folder dialog: the in-app picker chooses the folder, and main is given it.
    const { mode } = await api.getAppInfo();
    let folder: string | undefined;
    if (chooseFolder && mode === 'browser') {
      const chosen = await choosePath(api, 'folder');
      if (chosen === null) {
        useBackupStore.setState({ last: { kind: 'manual', state: 'cancelled' } });
        return;
      }
      folder = chosen;
    }
    await backUpNow(db, api, { kind: 'manual', chooseFolder: chooseFolder && mode !== 'browser', folder });
  }

  const canBackUp = status?.passphraseSet === true && !running && !restoring;
  return (
    <section className="card settings-group backup" aria-labelledby={headingId} data-testid="backup-section">
      <h2 id={headingId} className="card__title">
        {t('backup.title')}
      </h2>
      <p className="choice__hint choice__hint--flush">{t('backup.intro')}</p>
      {status === null && problem === null && <p role="status">{t('backup.loading')}</p>}
      {status !== null && (
        <>
          <p className="path-text" data-testid="backup-folder">
            {t('backup.folder', { folder: status.folder })}
          </p>
          <h3 className="card__subtitle">{t('backup.passphraseTitle')}</h3>
          {status.passphraseSet ? (
            <div className="settings-actions">
              <p data-testid="backup-passphrase-state">{t(status.passphraseRemembered ? 'backup.passphraseSet' : 'backup.passphraseSetThisRun')}</p>
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => void changePassphrase(() => api.forgetBackupPassphrase(), t('backup.passphraseForgotten'))}>
                {t('backup.forgetPassphrase')}
              </button>
            </div>
          ) : (
            <>
              <p data-testid="backup-passphrase-state">{t('backup.passphraseNotSet')}</p>
              <BackupPassphraseForm busy={busy} onSubmit={(passphrase, remember) => void changePassphrase(() => api.setBackupPassphrase({ passphrase, remember }), t('backup.passphraseHeld'))} />
            </>
          )}
          <p role="status" className="backup__said">
            {said}
          </p>

          <h3 className="card__subtitle">{t('backup.nowTitle')}</h3>
          <label className="choice">
            <input type="checkbox" checked={chooseFolder} disabled={running} onChange={(e) => setChooseFolder(e.currentTarget.checked)} />
            <span>{t('backup.chooseFolder')}</span>
          </label>
          <div className="settings-actions">
            <button type="button" className="button button--primary" aria-disabled={!canBackUp} aria-describedby={canBackUp ? undefined : hintId} onClick={() => canBackUp && void backUp()}>
              {t('backup.backUpNow')}
            </button>
            {!canBackUp && (
              <span id={hintId} className="choice__hint choice__hint--flush">
                {running || restoring ? t('backup.busy') : t('backup.needsPassphrase')}
              </span>
            )}
          </div>
          <BackupProgressBar />
          <BackupEndNotice end={last} />

          <h3 className="card__subtitle">{t('backup.listTitle')}</h3>
          <BackupList backups={status.backups} />
          <p className="choice__hint choice__hint--flush">{t('backup.keepRule')}</p>
        </>
      )}
      {problem && <ErrorNotice title={problem.title} error={problem.error} />}
      <div className="settings-actions">
        <button type="button" className="button" disabled={running || restoring} onClick={() => setRestoreOpen(true)}>
          {t('backup.restore')}
        </button>
      </div>
      {restoreOpen && (
        <RestoreDialog
          passphraseSet={status?.passphraseSet === true}
          onClose={() => {
            setRestoreOpen(false);
            reload();
          }}
        />
      )}
    </section>
  );
}
