/**
 * The audit log on the Decisions screen: whether its chain is intact (checked at start-up, and
 * again as the screen opens if the log changed since), where and how it breaks when not, a button
 * to check again (the witness too) and one to export it into the sync folder. Under it, how the
 * log stands against main's witness file (WitnessStatusText). The outcomes are announced (audit-status.ts, and here the export's); the buttons stay focusable
 * while busy (aria-disabled), so focus is never lost to a disabled button.
 */
import { useEffect, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditExportResult } from '../../shared/api';
import { announce } from '../common/announcer';
import { describeError, type ErrorInfo, type ShownErrorCode } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';
import { useUiStore } from '../common/ui-store';
import { exportAuditLog } from './audit-export';
import { refreshAuditCheck, runAuditCheck, useAuditStore, type AuditStatus } from './audit-status';
import { auditBreakSentence, auditBreakValues, auditHeadline } from './audit-words';
import { runWitnessCheck } from './witness-status';
import { WitnessStatusText } from './WitnessStatusText';
import { formatCount } from '../common/format/numbers';
import './decisions.css';

/** What went wrong with an export, in words, for the codes exportAuditLog answers with. */
function exportErrorTitle(t: TFunction, code: ShownErrorCode): string {
  switch (code) {
    case 'SYNC_FOLDER_MISSING':
    case 'AUDIT_CHAIN_BROKEN':
    case 'AUDIT_LOG_INVALID':
    case 'AUDIT_LOG_EMPTY':
    case 'AUDIT_EXPORT_NAMES_TAKEN':
    case 'AUDIT_EXPORT_FAILED':
      return t(`audit.errors.${code}`);
    default:
      return t('audit.exportFailed');
  }
}

type ExportState = { state: 'idle' } | { state: 'exporting' } | { state: 'done'; result: AuditExportResult } | { state: 'failed'; error: ErrorInfo };

function AuditStatusText({ status }: { status: AuditStatus }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (status.state === 'unchecked') return <p data-testid="audit-status">{t('audit.unchecked')}</p>;
  if (status.state === 'checking') return <p data-testid="audit-status">{t('audit.checking')}</p>;
  if (status.state === 'failed') return <ErrorNotice title={t('audit.checkFailed')} error={status.error} />;
  const { check } = status;
  const values = auditBreakValues(t, check);
  return (
    <div className={check.intact ? 'audit-status' : 'audit-status audit-status--broken'}>
      <p data-testid="audit-status" className="audit-status__headline">
        {auditHeadline(t, check, language)}
      </p>
      {!check.intact && <p data-testid="audit-what">{auditBreakSentence(t, check)}</p>}
      {values.length > 0 && (
        <dl className="audit-values">
          {values.map(({ label, value }) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="path-text">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function AuditLogPanel() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const headingId = useId();
  const status = useAuditStore((s) => s.status);
  const witness = useAuditStore((s) => s.witness);
  const language = useUiStore((s) => s.language);
  const [exported, setExported] = useState<ExportState>({ state: 'idle' });
  const checking = status.state === 'checking';
  const exporting = exported.state === 'exporting';

  useEffect(() => {
    refreshAuditCheck(db).catch(() => undefined); // a failed read shows as the check's own failure when asked again
  }, [db]);

  function checkAgain() {
    if (checking) return;
    void runAuditCheck(db, { asked: true });
    void runWitnessCheck(db);
  }

  async function exportLog() {
    if (exporting) return;
    setExported({ state: 'exporting' });
    try {
      const result = await exportAuditLog(db, api);
      setExported({ state: 'done', result });
      const count = formatCount(result.entries, language);
      announce(result.existed ? t('audit.exportedBefore', { path: result.path }) : t('audit.exported', { count, path: result.path }));
    } catch (err) {
      // ErrorNotice is an alert: it is said as it appears.
      setExported({ state: 'failed', error: describeError(err) });
    }
  }

  const exportedText = (result: AuditExportResult) =>
    result.existed ? t('audit.exportedBefore', { path: result.path }) : t('audit.exported', { count: formatCount(result.entries, language), path: result.path });

  return (
    <section className="card audit-log" aria-labelledby={headingId} aria-busy={checking || exporting}>
      <h2 id={headingId} className="card__title">
        {t('audit.title')}
      </h2>
      <p className="screen__note">{t('audit.hint')}</p>
      <AuditStatusText status={status} />
      <WitnessStatusText witness={witness} />
      <p className="screen__note">{t('audit.witness.hint')}</p>
      <div className="settings-actions">
        <button type="button" className="button button--quiet" aria-disabled={checking} onClick={checkAgain}>
          {t('audit.checkAgain')}
        </button>
        <button type="button" className="button button--quiet" aria-disabled={exporting} aria-describedby={`${headingId}-export-hint`} onClick={() => void exportLog()}>
          {t('audit.export')}
        </button>
      </div>
      <p id={`${headingId}-export-hint`} className="screen__note">
        {t('audit.exportHint')}
      </p>
      {exported.state === 'exporting' && <p data-testid="audit-export">{t('audit.exporting')}</p>}
      {exported.state === 'done' && (
        <p data-testid="audit-export" className="path-text">
          {exportedText(exported.result)}
        </p>
      )}
      {exported.state === 'failed' && (
        <ErrorNotice title={exportErrorTitle(t, exported.error.code)} error={exported.error} />
      )}
    </section>
  );
}
