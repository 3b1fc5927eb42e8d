/**
 * Why a bundle was refused: its file, bundleId, signature and error count; the errors grouped by
 * kind (each with its count), the first 100 shown as "file line N, path: message"; the
 * warnings apart; and "Save report…" for the whole report as a text file. All plain text.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleReport } from '../../shared/bundle-report';
import { describeError, type ErrorInfo } from '../common/council-api';
import { formatCount } from '../common/format/numbers';
import { groupProblems } from './report/problem-groups';
import { problemLine, reportFileName, reportSignatureWords, reportText } from './report/report-text';
import { useImportStore } from './import-store';
import { useUiStore } from '../common/ui-store';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';

export const PROBLEMS_SHOWN = 100;

type SaveState = { state: 'idle' } | { state: 'saved'; path: string } | { state: 'failed'; error: ErrorInfo };

export function ValidationReportPanel({ report, fileName }: { report: BundleReport; fileName: string }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const language = useUiStore((s) => s.language);
  const headingId = useId();
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const shown = report.errors.slice(0, PROBLEMS_SHOWN);
  const groups = groupProblems(report.errors, shown);
  const more = Math.max(report.errorCount, report.errors.length) - shown.length;
  const name = report.fileName || fileName;

  async function saveReport() {
    try {
      const path = await api.saveTextFile({ suggestedName: reportFileName(name), text: reportText(t, report, language) });
      setSave(path === null ? { state: 'idle' } : { state: 'saved', path });
    } catch (err) {
      setSave({ state: 'failed', error: describeError(err) });
    }
  }

  return (
    <section className="card report" aria-labelledby={headingId} data-testid="validation-report">
      <h2 id={headingId} className="card__title">
        {t('report.title')}
      </h2>
      <p role="alert" className="report__intro">{t('report.intro', { fileName: name })}</p>
      <dl className="facts">
        <dt>{t('report.file')}</dt>
        <dd>{name}</dd>
        <dt>{t('report.bundleId')}</dt>
        <dd className={report.bundleId ? 'mono' : undefined}>{report.bundleId ?? t('report.unknown')}</dd>
        <dt>{t('report.signature')}</dt>
        <dd data-testid="report-signature">{reportSignatureWords(t, report)}</dd>
        <dt>{t('report.errors')}</dt>
        <dd data-testid="report-error-count">{t('report.errorCount', { count: formatCount(report.errorCount, language) })}</dd>
      </dl>
      {groups.map((group) => (
        <div key={group.kind} className="report__group" data-kind={group.kind}>
          <h3 className="report__kind">{t('report.kindHeading', { kind: t(`report.kinds.${group.kind}`), count: formatCount(group.count, language) })}</h3>
          {group.problems.length > 0 && (
            <ul className="problem-list">
              {group.problems.map((p, i) => (
                <li key={i}>{problemLine(t, p, language)}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {more > 0 && <p className="report__more">{t('report.more', { count: formatCount(more, language) })}</p>}
      {report.warnings.length > 0 && (
        <div className="report__group report__group--warnings">
          <h3 className="report__kind">{t('report.warnings', { count: formatCount(report.warnings.length, language) })}</h3>
          <ul className="problem-list">
            {report.warnings.slice(0, PROBLEMS_SHOWN).map((p, i) => (
              <li key={i}>{problemLine(t, p, language)}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="report__actions">
        <button type="button" className="button button--primary" onClick={() => void saveReport()}>
          {t('report.save')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => useImportStore.getState().dismiss()}>
          {t('notice.dismiss')}
        </button>
      </div>
      <p role="status" className="report__saved">
        {save.state === 'saved' ? t('report.saved', { path: save.path }) : ''}
      </p>
      {save.state === 'failed' && <ErrorNotice title={t('report.saveFailed')} error={save.error} />}
    </section>
  );
}
