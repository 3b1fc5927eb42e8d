/**
 * Settings → Backup → "Restore from a backup…", a dialog (the welcome opens it too). A profile with
 * data (cases, meetings, decisions or votes: profile-data.ts) is not restored over: the dialog says
 * what it holds and offers to back it up first, and only once that backup is made may the restore
 * clear it. Then the backup's passphrase,
 * the file (main's dialog, or the in-app picker in browser mode), and the restore with its
 * progress. Main checks everything before a row is written: a refusal names what failed and says
 * nothing was written. The dialog stays open while the restore runs.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { ErrorNotice } from '../../common/ErrorNotice';
import { choosePath } from '../../common/file-picker';
import { formatCount } from '../../common/format/numbers';
import { ModalDialog } from '../../common/ModalDialog';
import { ProgressBar } from '../../common/ProgressBar';
import { useServices } from '../../common/services';
import { useUiStore } from '../../common/ui-store';
import { backUpNow } from './backup-jobs';
import type { BackupEnd } from './backup-store';
import { BackupEndNotice } from './BackupEndNotice';
import { BackupProgressBar } from './BackupProgressBar';
import { restoreErrorTitle, restorePercent, restoreProgressText } from './backup-words';
import { hasData, readProfileData, type ProfileData } from './profile-data';
import { restoreBackup } from './restore-jobs';
import type { RestoreOutcome, RestoreProgress } from './restore-runner';

interface Props {
  /** Whether a backup passphrase is held: only then can a profile with data be backed up first. */
  passphraseSet: boolean;
  onClose: () => void;
  /** After a restore: the welcome opens the app on the restored council (Settings stays, showing the outcome). */
  onRestored?: (name: string) => Promise<void>;
}

export function RestoreDialog({ passphraseSet, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const id = useId();
  const language = useUiStore((s) => s.language);
  const [profile, setProfile] = useState<ProfileData | null>(null);
  const [readError, setReadError] = useState<ErrorInfo | null>(null);
  const [priorEnd, setPriorEnd] = useState<BackupEnd | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [missing, setMissing] = useState(false);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const [outcome, setOutcome] = useState<RestoreOutcome | null>(null);
  const n = (v: number) => formatCount(v, language);

  useEffect(() => {
    readProfileData(db).then(setProfile, (err: unknown) => setReadError(describeError(err)));
  }, [db]);

  const prior = priorEnd?.state === 'written' ? priorEnd.result.name : null;
  const blocked = profile !== null && hasData(profile) && prior === null;
  const running = progress !== null && outcome === null;
  const done = outcome?.kind === 'restored';
  const backUpFirstButton = useRef<HTMLButtonElement>(null);

  // The dialog opens on its only button (Close) while the profile is read; once it is known, the
  // focus goes to what comes next: backing this profile up first, or (once it is) the passphrase.
  const stage = profile === null || done ? null : blocked ? 'back-up-first' : 'passphrase';
  useEffect(() => {
    if (stage === 'back-up-first') backUpFirstButton.current?.focus();
    if (stage === 'passphrase') document.getElementById(`${id}-passphrase`)?.focus();
  }, [stage, id]);

  async function backUpFirst() {
    setBackingUp(true);
    try {
      setPriorEnd(await backUpNow(db, api, { kind: 'manual' }));
    } finally {
      setBackingUp(false);
    }
  }

  async function restore() {
    if (passphrase === '') {
      setMissing(true);
      document.getElementById(`${id}-passphrase`)?.focus();
      return;
    }
    setMissing(false);
    setOutcome(null);
    const { mode } = await api.getAppInfo();
    let path: string | undefined;
    if (mode === 'browser') {
      const chosen = await choosePath(api, 'backup');
      if (chosen === null) {
        setOutcome({ kind: 'cancelled' });
        return;
      }
      path = chosen;
    }
    setProgress({ phase: 'opening', done: 0, total: 0 });
    const ended = await restoreBackup(db, api, { passphrase, path, priorBackup: prior }, setProgress);
    setOutcome(ended);
    // Should going on fail, the dialog still says what was restored.
    if (ended.kind === 'restored') await onRestored?.(ended.name).catch(() => undefined);
  }

  return (
    <ModalDialog title={t('restore.title')} intro={t('restore.intro')} onClose={() => !running && !backingUp && onClose()} name="restore" className="restore-dialog">
      {profile === null && readError === null && <p role="status">{t('restore.checking')}</p>}
      {readError && <ErrorNotice title={t('restore.failed')} error={readError} />}
      {profile !== null && !done && (
        <>
          {hasData(profile) ? (
            <div className="notice backup__warning" data-testid="restore-has-data">
              <p>{t('restore.hasData', { cases: n(profile.cases), meetings: n(profile.meetings), decisions: n(profile.decisions), votes: n(profile.votes) })}</p>
              {prior === null && (
                <>
                  {!passphraseSet && <p>{t('restore.needsPassphrase')}</p>}
                  <div className="settings-actions">
                    <button ref={backUpFirstButton} type="button" className="button" aria-disabled={!passphraseSet || backingUp} onClick={() => passphraseSet && !backingUp && void backUpFirst()}>
                      {t('restore.backUpFirst')}
                    </button>
                  </div>
                  <BackupProgressBar />
                  {priorEnd && <BackupEndNotice end={priorEnd} />}
                </>
              )}
              {prior !== null && <p data-testid="restore-backed-up">{t('restore.backedUp', { name: prior })}</p>}
            </div>
          ) : (
            <p>{t('restore.empty')}</p>
          )}
          {!blocked && (
            <form
              className="settings-subgroup"
              onSubmit={(e) => {
                e.preventDefault();
                if (!running) void restore();
              }}
              noValidate
            >
              <div className="form-field backup__field">
                <label htmlFor={`${id}-passphrase`} className="form-field__label">
                  {t('restore.passphrase')}
                </label>
                <input
                  id={`${id}-passphrase`}
                  className="form-field__input"
                  type="password"
                  autoComplete="current-password"
                  value={passphrase}
                  aria-invalid={missing ? true : undefined}
                  aria-describedby={missing ? `${id}-missing ${id}-hint` : `${id}-hint`}
                  onChange={(e) => setPassphrase(e.currentTarget.value)}
                />
                <p id={`${id}-hint`} className="choice__hint choice__hint--flush">
                  {t('restore.passphraseHint')}
                </p>
              </div>
              {missing && (
                <p id={`${id}-missing`} role="alert" className="notice notice--error">
                  {t('restore.passphraseRequired')}
                </p>
              )}
              <div className="settings-actions">
                <button type="submit" className="button button--primary" aria-disabled={running}>
                  {t('restore.choose')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {running && progress && <ProgressBar label={t('restore.progressLabel')} percent={restorePercent(progress)} valueText={restoreProgressText(t, progress, language)} />}
      {running && progress && <p className="choice__hint choice__hint--flush">{restoreProgressText(t, progress, language)}</p>}
      <RestoreOutcomeNotice outcome={outcome} prior={prior} />
      <div className="settings-actions">
        <button type="button" className="button button--quiet" aria-disabled={running || backingUp} onClick={() => !running && !backingUp && onClose()}>
          {t('restore.close')}
        </button>
      </div>
    </ModalDialog>
  );
}

function RestoreOutcomeNotice({ outcome, prior }: { outcome: RestoreOutcome | null; prior: string | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const n = (v: number) => formatCount(v, language);
  return (
    <>
      <div role="status" data-testid="restore-outcome">
        {outcome?.kind === 'cancelled' && <p>{t('restore.cancelled')}</p>}
        {outcome?.kind === 'restored' && (
          <>
            <p className="notice__title">{t('restore.restored', { name: outcome.name })}</p>
            <p data-testid="restore-facts">
              {t('restore.restoredFacts', {
                cases: n(outcome.manifest.tables.cases ?? 0),
                meetings: n(outcome.manifest.tables.meetings ?? 0),
                decisions: n(outcome.manifest.tables.decisions ?? 0),
                evidence: n(outcome.manifest.evidence.length),
                audit: n(outcome.manifest.tables.audit ?? 0),
                head: outcome.manifest.auditHead?.sequence ?? 0,
              })}
            </p>
          </>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <div data-testid="restore-failed" className="backup__failed">
          <ErrorNotice title={restoreErrorTitle(t, outcome.error)} error={outcome.error} />
          <p>{outcome.cleared ? t('restore.failedCleared') : t('restore.refused')}</p>
          {outcome.cleared && prior !== null && <p>{t('restore.priorBackupKept', { name: prior })}</p>}
        </div>
      )}
    </>
  );
}
