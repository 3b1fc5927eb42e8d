/**
 * The sync folder: the one in use (the chosen one, else the default, named as such), choose
 * another, or clear the choice to use the default again (the main process keeps it).
 */
import { useTranslation } from 'react-i18next';
import { chooseSyncFolder } from './security-preferences';
import { SecurityChangeNotice, useSecurityChange } from './SecurityChangeNotice';
import { choosePath } from '../common/file-picker';
import { useServices } from '../common/services';

export function SyncFolderSettings({ syncFolder, syncFolderInUse }: { syncFolder: string | null; syncFolderInUse: string }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const { problem, run } = useSecurityChange();

  const choose = () =>
    run(async () => {
      const folder = await choosePath(api, 'folder');
      if (folder !== null) await chooseSyncFolder(db, api, folder);
    });

  return (
    <fieldset className="card settings-group">
      <legend className="card__title">
        <h2>{t('settings.syncFolder')}</h2>
      </legend>
      <p className="choice__hint choice__hint--flush">{t('settings.syncFolderHint')}</p>
      <p data-testid="sync-folder" className="path-text">
        {syncFolder === null ? t('settings.syncFolderDefault', { path: syncFolderInUse }) : t('settings.syncFolderPath', { path: syncFolder })}
      </p>
      {syncFolder === null && <p className="choice__hint choice__hint--flush">{t('settings.syncFolderDefaultHint')}</p>}
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => void choose()}>
          {t('settings.chooseSyncFolder')}
        </button>
        <button type="button" className="button button--quiet" disabled={syncFolder === null} onClick={() => void run(() => chooseSyncFolder(db, api, null))}>
          {t('settings.clearSyncFolder')}
        </button>
      </div>
      <SecurityChangeNotice problem={problem} />
    </fieldset>
  );
}
