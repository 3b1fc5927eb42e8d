/**
 * The inbox/ of the sync folder in use: the bundle files waiting there (InboxTable). With no sync
 * folder chosen, that is the default one's, said so, with a button to choose another.
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
  // The main process's settings, as read at boot and after each change; null while unknown.
  const security = useCouncilStore((s) => s.security);
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
      {security?.syncFolder === null && (
        <div className="inbox__default">
          <p>{t('inbox.defaultHint')}</p>
          <button type="button" className="button button--quiet" onClick={() => void chooseFolder()}>
            {t('inbox.chooseFolder')}
          </button>
        </div>
      )}
      {security && <InboxTable syncFolder={security.syncFolderInUse} isDefault={security.syncFolder === null} />}
      {error && <ErrorNotice title={t('settings.changeFailed')} error={error} />}
    </section>
  );
}
