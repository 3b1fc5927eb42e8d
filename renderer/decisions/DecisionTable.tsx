/**
 * Every decision of the meeting, exported or not: case, revision, outcome (reopened ones marked),
 * award, when, and the file that holds it with its sequence (blank while not exported; marked
 * queued while the file waits for the sync folder).
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatKrw } from '../../shared/i18n';
import { TableRegion } from '../common/TableRegion';
import { useUiStore } from '../common/ui-store';
import type { DecisionListRow } from './export/decision-list';

export function DecisionTable({ meetingId, rows }: { meetingId: string; rows: readonly DecisionListRow[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  if (rows.length === 0) return <p className="screen__note">{t('decisionExport.empty')}</p>;
  const caption = t('decisionExport.tableCaption', { meetingId });
  return (
    <TableRegion label={caption}>
      <table className="data-table" data-testid="decision-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('decisionExport.col.caseId')}</th>
            <th scope="col" className="num">
              {t('decisionExport.col.revision')}
            </th>
            <th scope="col">{t('decisionExport.col.outcome')}</th>
            <th scope="col" className="num">
              {t('decisionExport.col.award')}
            </th>
            <th scope="col">{t('decisionExport.col.decidedAt')}</th>
            <th scope="col">{t('decisionExport.col.file')}</th>
            <th scope="col" className="num">
              {t('decisionExport.col.sequence')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.caseId}@${r.revision}`} data-decision={`${r.caseId}@${r.revision}`}>
              <th scope="row" className="mono">
                {r.caseId}
              </th>
              <td className="num">{r.revision}</td>
              <td>
                {t(`decisionExport.outcome.${r.outcome}`)}
                {r.reopened && ' '}
                {r.reopened && <span className="badge badge--muted decision-badge">{t('decisionExport.reopened')}</span>}
              </td>
              <td className="num">{r.award === null ? '' : formatKrw(r.award, language)}</td>
              <td>{formatDateTime(r.decidedAt, language)}</td>
              <td className="mono">
                {r.file?.fileName ?? ''}
                {r.file?.state === 'queued' && ' '}
                {r.file?.state === 'queued' && <span className="badge badge--untrusted decision-badge">{t('decisionExport.queuedMark')}</span>}
              </td>
              <td className="num">{r.file ? r.file.sequence : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
