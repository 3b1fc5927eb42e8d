/** The sync folder: where it is, choose another, or clear it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import { chooseSyncFolder } from './security-preferences';
import { ErrorNotice } from '../common/ErrorNotice';
import { choosePath } from '../common/file-picker';
import { useServices } from '../common/services';

export function SyncFolderSettings() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const syncFolder = useCouncilStore((s) => s.settings.syncFolder);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  async function change(next: () => Promise<string | null | undefined>) {
    setError(null);
    try {
      const folder = await next();
      if (folder !== undefined) await chooseSyncFolder(db, folder);
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <fieldset className="card settings-group">
      <legend className="card__title">{t('settings.syncFolder')}</legend>
      <p className="choice__hint choice__hint--flush">{t('settings.syncFolderHint')}</p>
      <p data-testid="sync-folder" className="path-text">
        {syncFolder ? t('settings.syncFolderPath', { path: syncFolder }) : t('settings.syncFolderNone')}
      </p>
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => void change(async () => (await choosePath(api, 'folder')) ?? undefined)}>
          {t('settings.chooseSyncFolder')}
        </button>
        <button type="button" className="button button--quiet" disabled={syncFolder === null} onClick={() => void change(async () => null)}>
          {t('settings.clearSyncFolder')}
        </button>
      </div>
      {error && <ErrorNotice title={t('settings.changeFailed')} error={error} />}
    </fieldset>
  );
}
