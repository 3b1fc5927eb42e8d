/** The council's members with role and affiliation; the secretary is marked as not voting. */
import { useTranslation } from 'react-i18next';
import { canVote } from '../../shared/council';
import { ComingLater } from '../common/ComingLater';
import { ScreenFrame } from '../common/ScreenFrame';
import { useCouncilStore } from '../common/council-store';
import { TableRegion } from '../common/TableRegion';

export function MeetingScreen() {
  const { t } = useTranslation();
  const members = useCouncilStore((s) => s.members);

  return (
    <ScreenFrame screen="meeting" title={t('meeting.title')} intro={t('meeting.intro')}>
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
      <ComingLater items={[t('meeting.later1'), t('meeting.later2'), t('meeting.later3')]} />
    </ScreenFrame>
  );
}
