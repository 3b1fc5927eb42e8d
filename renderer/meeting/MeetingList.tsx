/** The list of meetings (date, place, status, agenda size), each opening its setup; a new meeting; the members. */
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../shared/i18n';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatCount } from '../common/format/numbers';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { TableRegion } from '../common/TableRegion';
import { useUiStore } from '../common/ui-store';
import { listMeetings } from './meetings-db';
import { MembersTable } from './MembersTable';
import { NewMeetingForm } from './NewMeetingForm';
import { useLiveValue } from './use-live-value';

export function MeetingList() {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const meetings = useLiveValue(() => listMeetings(db), [db]);

  return (
    <ScreenFrame screen="meeting" title={t('meeting.title')} intro={t('meeting.intro')}>
      {meetings.state === 'loading' && <p role="status">{t('meeting.loading')}</p>}
      {meetings.state === 'failed' && <ErrorNotice title={t('meeting.loadFailed')} error={meetings.error} />}
      {meetings.state === 'done' &&
        (meetings.value.length === 0 ? (
          <p className="card card--empty" data-testid="meetings-empty">
            {t('meeting.listEmpty')}
          </p>
        ) : (
          <TableRegion label={t('meeting.listCaption')}>
            <table className="data-table">
              <caption>{t('meeting.listCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meeting.colMeetingId')}</th>
                  <th scope="col">{t('meeting.colDate')}</th>
                  <th scope="col">{t('meeting.colStartTime')}</th>
                  <th scope="col">{t('meeting.colPlace')}</th>
                  <th scope="col">{t('meeting.colStatus')}</th>
                  <th scope="col" className="num">
                    {t('meeting.colAgenda')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {meetings.value.map((m) => (
                  <tr key={m.meetingId} data-meeting-id={m.meetingId}>
                    <th scope="row" className="mono">
                      <button type="button" className="link-button" onClick={() => useUiStore.getState().openMeeting(m.meetingId, 'setup')}>
                        {m.meetingId}
                      </button>
                    </th>
                    <td>{formatIsoDate(m.date, language)}</td>
                    <td>{m.startTime}</td>
                    <td>{m.place}</td>
                    <td>
                      <span className={`meeting-status meeting-status--${m.status}`}>{t(`meeting.status.${m.status}`)}</span>
                    </td>
                    <td className="num">{t('meeting.agendaCount', { count: formatCount(m.agenda.length, language) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ))}
      <NewMeetingForm />
      <MembersTable />
    </ScreenFrame>
  );
}
