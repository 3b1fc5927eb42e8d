/**
 * The council's members with role and affiliation, the secretary marked as not voting: shown
 * beside the meetings, since a new meeting's attendance is made from it. (The roster is edited
 * in Settings.)
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { canVote } from '../../shared/council';
import { useCouncilStore } from '../common/council-store';
import { TableRegion } from '../common/TableRegion';

export function MembersTable() {
  const { t } = useTranslation();
  const members = useCouncilStore((s) => s.members);
  const headingId = useId();
  return (
    <section className="meeting-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="meeting-section__title">
        {t('meeting.membersTitle')}
      </h2>
      <p className="screen__note">{t('meeting.membersIntro')}</p>
      {members.length === 0 ? (
        <p className="card card--empty">{t('meeting.empty')}</p>
      ) : (
        <TableRegion label={t('meeting.membersCaption')}>
          <table className="data-table">
            <caption>{t('meeting.membersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meeting.colName')}</th>
                <th scope="col">{t('meeting.colRole')}</th>
                <th scope="col">{t('meeting.colAffiliation')}</th>
                <th scope="col">{t('meeting.colVotes')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.memberId} data-member-id={m.memberId}>
                  <th scope="row">{m.name}</th>
                  <td>{t(`roles.${m.role}`)}</td>
                  <td>{m.affiliation}</td>
                  <td>{canVote(m) ? t('meeting.votes') : <span className="badge badge--muted">{t('meeting.doesNotVote')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
