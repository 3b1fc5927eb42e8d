/**
 * Attendance: each voting member, whether present (since when) or gone (when), and one button to
 * record the arrival or the departure now; under it the meeting's quorum as it stands.
 */
import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import type { MeetingRow, MemberRow } from '../../db/rows';
import { TableRegion } from '../../common/TableRegion';
import { RoomSection } from './RoomSection';
import type { Quorum } from './room-count';
import { clockTime } from './room-words';

interface Props {
  meeting: MeetingRow;
  voters: readonly MemberRow[];
  present: ReadonlySet<string>;
  quorum: Quorum;
  language: Language;
  disabled: boolean;
  onArrive(member: MemberRow): void;
  onLeave(member: MemberRow): void;
}

function stateWords(t: TFunction, meeting: MeetingRow, memberId: string, here: boolean, language: Language): string {
  const entry = meeting.attendance.find((a) => a.memberId === memberId);
  if (here && entry?.arrivedAt) return t('room.attendance.present', { time: clockTime(entry.arrivedAt, language) });
  if (entry?.leftAt) return t('room.attendance.left', { time: clockTime(entry.leftAt, language) });
  return t('room.attendance.absent');
}

export const AttendancePanel = memo(function AttendancePanel({ meeting, voters, present, quorum, language, disabled, onArrive, onLeave }: Props) {
  const { t } = useTranslation();
  return (
    <RoomSection id="attendance" title={t('room.attendance.title')} keyHint="M">
      <TableRegion label={t('room.attendance.caption')}>
        <table className="data-table room-attendance" data-testid="room-attendance">
          <caption className="visually-hidden">{t('room.attendance.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('room.attendance.colName')}</th>
              <th scope="col">{t('room.attendance.colRole')}</th>
              <th scope="col">{t('room.attendance.colState')}</th>
              <th scope="col">{t('room.attendance.colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {voters.map((m, i) => {
              const here = present.has(m.memberId);
              return (
                <tr key={m.memberId} data-member-id={m.memberId} data-present={here}>
                  <th scope="row">{m.name}</th>
                  <td>{t(`roles.${m.role}`)}</td>
                  <td>{stateWords(t, meeting, m.memberId, here, language)}</td>
                  <td>
                    <button type="button" className="button" disabled={disabled} data-focus-first={i === 0} onClick={() => (here ? onLeave(m) : onArrive(m))} data-testid={`room-attendance-${m.memberId}`}>
                      {here ? t('room.attendance.leave', { name: m.name }) : t('room.attendance.arrive', { name: m.name })}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      <p className={`room-quorum room-quorum--${quorum.quorumMet ? 'met' : 'lost'}`} data-testid="room-meeting-quorum">
        {t('room.attendance.quorum', { present: quorum.present, members: quorum.members, needed: quorum.quorumNeeded })} —{' '}
        <strong>{quorum.quorumMet ? t('room.attendance.quorumMet') : t('room.attendance.quorumLost')}</strong>
      </p>
    </RoomSection>
  );
});
