/**
 * The bundle files in the sync folder's inbox/, with name, size, time and what each is next to the
 * stored bundles (new, already imported, other content under the same bundleId, unreadable);
 * Import for the new ones; Refresh to look again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../common/format/bytes';
import { formatDateTime } from '../../shared/i18n';
import { useAsyncValue } from '../common/use-async-value';
import { inboxState, type InboxState } from './import/inbox-state';
import { useCouncilStore } from '../common/council-store';
import { useImportStore } from './import-store';
import { useUiStore } from '../common/ui-store';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';
import { TableRegion } from '../common/TableRegion';

const BADGE_CLASS: Record<InboxState, string> = {
  new: 'badge badge--new',
  imported: 'badge badge--muted',
  conflict: 'badge badge--untrusted',
  unreadable: 'badge badge--danger',
};

/** `syncFolder`: the sync folder in use; `isDefault`: none is chosen, so it is the default one. */
export function InboxTable({ syncFolder, isDefault }: { syncFolder: string; isDefault: boolean }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const language = useUiStore((s) => s.language);
  const bundles = useCouncilStore((s) => s.bundles);
  const running = useImportStore((s) => s.running);
  const [reads, setReads] = useState(0);
  // The main process lists the inbox of the sync folder it holds; `syncFolder`, the store's copy of
  // that setting, names it on screen and says when to list again.
  const entries = useAsyncValue(() => api.listInbox(), [api, syncFolder, reads]);

  return (
    <div className="inbox__list">
      <div className="inbox__bar">
        <p className="inbox__folder">{t(isDefault ? 'inbox.defaultFolder' : 'inbox.folder', { path: syncFolder })}</p>
        <button type="button" className="button button--quiet" onClick={() => setReads((n) => n + 1)}>
          {t('inbox.refresh')}
        </button>
      </div>
      {entries.state === 'loading' && <p role="status">{t('inbox.loading')}</p>}
      {entries.state === 'failed' && <ErrorNotice title={t('inbox.failed')} error={entries.error} />}
      {entries.state === 'done' && entries.value.length === 0 && <p>{t('inbox.empty')}</p>}
      {entries.state === 'done' && entries.value.length > 0 && (
        <TableRegion label={t('inbox.caption')}>
          <table className="data-table">
            <caption>{t('inbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox.colFile')}</th>
                <th scope="col" className="num">
                  {t('inbox.colSize')}
                </th>
                <th scope="col">{t('inbox.colModified')}</th>
                <th scope="col">{t('inbox.colState')}</th>
                <th scope="col">{t('inbox.colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.value.map((entry) => {
                const state = inboxState(entry, bundles);
                return (
                  <tr key={entry.path} data-inbox-state={state}>
                    <th scope="row">{entry.fileName}</th>
                    <td className="num">{formatBytes(entry.size, language)}</td>
                    <td>{formatDateTime(entry.modifiedAt, language)}</td>
                    <td>
                      <span className={BADGE_CLASS[state]}>{t(`inbox.badge.${state}`)}</span>
                    </td>
                    <td>
                      {state === 'new' && (
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={running}
                          aria-label={t('inbox.importFile', { fileName: entry.fileName })}
                          onClick={() => void useImportStore.getState().start(db, api, entry.path)}
                        >
                          {t('inbox.import')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
