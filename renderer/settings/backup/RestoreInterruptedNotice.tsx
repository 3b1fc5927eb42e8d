/**
 * Said once after a start-up that found a restore unfinished (the app was closed or killed in the
 * middle): the profile was cleared again, and why; or, when its rows were all written and checked
 * and main's witness begun again for it, that the restore was finished then. Dismissed by the user.
 */
import { useTranslation } from 'react-i18next';
import { useBackupStore } from './backup-store';

export function RestoreInterruptedNotice() {
  const { t } = useTranslation();
  const interrupted = useBackupStore((s) => s.interruptedRestore);
  if (!interrupted) return null;
  const { completed } = interrupted;
  return (
    <div role={completed ? 'status' : 'alert'} className={completed ? 'notice notice--info' : 'notice notice--error'} data-testid="restore-interrupted">
      <p className="notice__title">{t(completed ? 'restore.completedAtStartTitle' : 'restore.interruptedTitle')}</p>
      <p>{t(completed ? 'restore.completedAtStart' : 'restore.interrupted', { name: interrupted.name })}</p>
      {interrupted.priorBackup && <p>{t('restore.priorBackupKept', { name: interrupted.priorBackup })}</p>}
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => useBackupStore.setState({ interruptedRestore: null })}>
          {t('restore.dismiss')}
        </button>
      </div>
    </div>
  );
}
