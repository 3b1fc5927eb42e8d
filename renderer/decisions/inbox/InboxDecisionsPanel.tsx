/**
 * Other devices' decisions (issue 12, item 6): the decision files in the sync folder's inbox/ and
 * those opened with "Open decision file…", each as main verified it against the trust file, with
 * its signer, meeting, sequence and chain status. A failed file shows its reasons and never its
 * decisions; a verified file's decisions show read-only beside this device's, a conflict marked
 * and explained. Nothing is applied. The buttons stay focusable while busy (aria-disabled).
 */
import { useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ReceivedDecisionFile } from '../../../shared/api';
import { announce } from '../../common/announcer';
import type { ShownErrorCode } from '../../common/council-api';
import { ErrorNotice } from '../../common/ErrorNotice';
import { TableRegion } from '../../common/TableRegion';
import { fileStandings } from './decision-conflicts';
import { ReceivedFileRows } from './ReceivedFileRows';
import { useReceivedFiles } from './use-received-files';
import './inbox.css';

/** What a failed listing means, in words: a sync folder gone or unreadable gets its own sentence. */
function listErrorTitle(t: TFunction, code: ShownErrorCode): string {
  switch (code) {
    case 'SYNC_FOLDER_MISSING':
    case 'SYNC_FOLDER_UNREADABLE':
      return t(`inboxDecisions.errors.${code}`);
    default:
      return t('inboxDecisions.listFailed');
  }
}

function statusWord(t: TFunction, file: ReceivedDecisionFile): string {
  return file.status === 'verified' ? t('inboxDecisions.verified') : t('inboxDecisions.failed');
}

export function InboxDecisionsPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const received = useReceivedFiles();
  const { listed, shown, highest, here, open } = received;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const standings = useMemo(() => (here === null ? null : new Map(shown.map(({ file }) => [file.path, fileStandings(file, highest, here)]))), [shown, highest, here]);
  const opening = open.state === 'opening';

  function toggle(path: string) {
    setExpanded((paths) => {
      const next = new Set(paths);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  }

  async function openFile() {
    const file = await received.openFile();
    if (file) announce(t('inboxDecisions.openedNews', { fileName: file.fileName, status: statusWord(t, file) }), file.status === 'verified' ? 'polite' : 'assertive');
  }

  return (
    <section className="card received-files" aria-labelledby={headingId} aria-busy={listed.state === 'loading' || opening}>
      <h2 id={headingId} className="card__title">
        {t('inboxDecisions.title')}
      </h2>
      <p className="screen__note">{t('inboxDecisions.hint')}</p>
      <div className="settings-actions">
        <button type="button" className="button button--quiet" aria-disabled={opening} onClick={() => void openFile()}>
          {t('inboxDecisions.open')}
        </button>
        <button type="button" className="button button--quiet" onClick={received.refresh}>
          {t('inboxDecisions.refresh')}
        </button>
      </div>
      {listed.state === 'loading' && <p role="status">{t('inboxDecisions.loading')}</p>}
      {listed.state === 'failed' && <ErrorNotice title={listErrorTitle(t, listed.error.code)} error={listed.error} />}
      {opening && <p role="status">{t('inboxDecisions.opening')}</p>}
      {open.state === 'failed' && <ErrorNotice title={t('inboxDecisions.openFailed')} error={open.error} />}
      {received.hereFailed && <ErrorNotice title={t('inboxDecisions.hereFailed')} error={received.hereFailed} />}
      {listed.state === 'done' && shown.length === 0 && <p>{t('inboxDecisions.empty')}</p>}
      {shown.length > 0 && (
        <TableRegion label={t('inboxDecisions.caption')}>
          <table className="data-table received-files__table">
            <caption>{t('inboxDecisions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inboxDecisions.col.file')}</th>
                <th scope="col">{t('inboxDecisions.col.signer')}</th>
                <th scope="col">{t('inboxDecisions.col.meeting')}</th>
                <th scope="col" className="num">
                  {t('inboxDecisions.col.sequence')}
                </th>
                <th scope="col">{t('inboxDecisions.col.chain')}</th>
                <th scope="col">{t('inboxDecisions.col.status')}</th>
                <th scope="col">{t('inboxDecisions.col.decisions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map(({ file, inInbox }) => (
                <ReceivedFileRows
                  key={file.path}
                  file={file}
                  inInbox={inInbox}
                  decisions={standings?.get(file.path) ?? null}
                  expanded={expanded.has(file.path)}
                  onToggle={() => toggle(file.path)}
                />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
