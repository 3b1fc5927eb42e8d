/** Each voting member's progress through the selection: how many of its open proposals they have a vote on. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import { formatCount } from '../../common/format/numbers';
import type { BulkStanding } from './bulk-standing';

export function ProgressTable({ standing, language }: { standing: BulkStanding; language: Language }) {
  const { t } = useTranslation();
  const n = (count: number) => formatCount(count, language);
  return (
    <div className="bulk-vote__progress">
      <table className="data-table">
        <caption>{t('bulk.progressCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bulk.colMember')}</th>
            <th scope="col">{t('bulk.colVoted')}</th>
            <th scope="col">{t('bulk.colState')}</th>
          </tr>
        </thead>
        <tbody>
          {standing.members.map((m) => {
            const left = m.votable - m.voted;
            return (
              <tr key={m.memberId} data-member-id={m.memberId}>
                <th scope="row">{t('bulk.memberOption', { name: m.name, role: t(`roles.${m.role}`) })}</th>
                <td>{t('bulk.progress', { voted: n(m.voted), votable: n(m.votable) })}</td>
                <td>{!m.present ? t('bulk.stateAbsent') : left <= 0 ? t('bulk.stateDone') : t('bulk.stateLeft', { count: n(left) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="bulk-vote__passing">{t('bulk.passing', { passing: n(standing.passing), open: n(standing.open) })}</p>
    </div>
  );
}
