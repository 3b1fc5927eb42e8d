/**
 * One verified file's decisions, read-only: case, revision, outcome and award, tally, and how each
 * stands against this device's decisions (a badge, and a sentence where they differ).
 */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../common/ui-store';
import { decisionWhat } from '../../meeting';
import type { FileDecision } from './decision-conflicts';
import { standingWords, tallyWords } from './received-words';

const STANDING_CLASS: Record<FileDecision['standing']['kind'], string> = {
  same: 'badge badge--trusted',
  conflict: 'badge received-badge--danger',
  'newer-elsewhere': 'badge badge--untrusted',
  'newer-here': 'badge badge--untrusted',
  'not-here': 'badge badge--muted',
  superseded: 'badge badge--muted',
};

export function ReceivedDecisionsTable({ fileName, decisions }: { fileName: string; decisions: readonly FileDecision[] | null }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const caption = t('inboxDecisions.decisionsCaption', { fileName });
  return (
    <table className="data-table received-decisions">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inboxDecisions.dcol.case')}</th>
          <th scope="col" className="num">
            {t('inboxDecisions.dcol.revision')}
          </th>
          <th scope="col">{t('inboxDecisions.dcol.outcome')}</th>
          <th scope="col">{t('inboxDecisions.dcol.tally')}</th>
          <th scope="col">{t('inboxDecisions.dcol.here')}</th>
        </tr>
      </thead>
      <tbody>
        {decisions === null ? (
          <tr>
            <td colSpan={5}>
              <span role="status">{t('inboxDecisions.hereLoading')}</span>
            </td>
          </tr>
        ) : (
          decisions.map(({ entry, standing }) => (
            <tr key={`${entry.caseId}/${entry.revision}`} data-standing={standing.kind}>
              <th scope="row" className="mono">
                {entry.caseId}
              </th>
              <td className="num">{t('inboxDecisions.revision', { revision: entry.revision })}</td>
              <td>{decisionWhat(t, entry, language)}</td>
              <td>{tallyWords(t, entry.tally, language)}</td>
              <td>
                <span className={STANDING_CLASS[standing.kind]}>{t(`inboxDecisions.badge.${standing.kind}`)}</span>{' '}
                <span className="received-decisions__why">{standingWords(t, standing, language)}</span>
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
