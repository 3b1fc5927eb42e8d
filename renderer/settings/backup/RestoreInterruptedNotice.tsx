/**
 * Said once after a start-up that found a restore unfinished (the app was closed or killed in the
 * middle): the profile was cleared again, and why; dismissed by the user.
 */
import { useTranslation } from 'react-i18next';
import { useBackupStore } from './backup-store';

export function RestoreInterruptedNotice() {
  const { t } = useTranslation();
  const interrupted = useBackupStore((s) => s.interruptedRestore);
  if (!interrupted) return null;
  return (
    <div role="alert" className="notice notice--error" data-testid="restore-interrupted">
      <p className="notice__title">{t('restore.interruptedTitle')}</p>
      <p>{t('restore.interrupted', { name: interrupted.name })}</p>
      {interrupted.priorBackup && <p>{t('restore.priorBackupKept', { name: interrupted.priorBackup })}</p>}
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => useBackupStore.setState({ interruptedRestore: null })}>
          {t('restore.dismiss')}
        </button>
      </div>
    </div>
  );
}
