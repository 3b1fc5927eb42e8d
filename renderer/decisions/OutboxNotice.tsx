/**
 * Shown while decision files wait for the sync folder: what happened (the file is signed and will
 * be written when the folder is back, or, the folder being there, once it can be written), which
 * files, main's last error, and Retry.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatCount } from '../common/format/numbers';
import { useUiStore } from '../common/ui-store';
import type { Outbox } from './export/use-outbox';

export function OutboxNotice({ queued, outbox }: { queued: number; outbox: Outbox }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const headingId = useId();
  const files = outbox.status?.queued.map((q) => q.fileName) ?? [];
  const written = outbox.retried !== null && outbox.retried > 0 ? t('decisionExport.outbox.written', { count: formatCount(outbox.retried, language) }) : null;
  return (
    <>
      {queued > 0 && (
        <section className="notice decision-outbox" aria-labelledby={headingId} data-testid="decision-outbox" aria-busy={outbox.retrying}>
          <h3 id={headingId} className="notice__title">
            {t('decisionExport.outbox.title')}
          </h3>
          <p>{t(outbox.status?.available ? 'decisionExport.outbox.textUnwritable' : 'decisionExport.outbox.text')}</p>
          {files.length > 0 && <p className="path-text">{t('decisionExport.outbox.files', { files: files.join(', ') })}</p>}
          {outbox.status?.lastError && <p className="path-text">{t('decisionExport.outbox.lastError', { error: outbox.status.lastError })}</p>}
          <div className="settings-actions">
            <button type="button" className="button button--quiet" aria-disabled={outbox.retrying} onClick={() => outbox.retry()}>
              {outbox.retrying ? t('decisionExport.outbox.retrying') : t('decisionExport.outbox.retry')}
            </button>
          </div>
          {outbox.error && <ErrorNotice title={t('decisionExport.outbox.retryFailed')} error={outbox.error} />}
        </section>
      )}
      <p role="status" data-testid="decision-outbox-written">
        {written}
      </p>
    </>
  );
}
