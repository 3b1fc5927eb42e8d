/**
 * The sync folder's inbox/: the bundle files waiting there (InboxTable), or, with no sync folder
 * chosen yet, a hint and a button to choose one.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorInfo } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import { chooseSyncFolder } from '../settings';
import { ErrorNotice } from '../common/ErrorNotice';
import { choosePath } from '../common/file-picker';
import { useServices } from '../common/services';
import { InboxTable } from './InboxTable';

export function InboxPanel() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const headingId = useId();
  // The main process's setting, as read at boot and after each change; null also while unknown.
  const syncFolder = useCouncilStore((s) => s.security?.syncFolder ?? null);
  const [error, setError] = useState<ErrorInfo | null>(null);

  async function chooseFolder() {
    setError(null);
    try {
      const folder = await choosePath(api, 'folder');
      if (folder) await chooseSyncFolder(db, api, folder);
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <section className="card inbox" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('inbox.title')}
      </h2>
      {syncFolder === null ? (
        <div className="inbox__none">
          <p>{t('inbox.noFolder')}</p>
          <button type="button" className="button button--quiet" onClick={() => void chooseFolder()}>
            {t('inbox.chooseFolder')}
          </button>
        </div>
      ) : (
        <InboxTable syncFolder={syncFolder} />
      )}
      {error && <ErrorNotice title={t('settings.changeFailed')} error={error} />}
    </section>
  );
}
