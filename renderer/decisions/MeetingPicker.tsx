/** The meeting whose decisions the screen shows and exports. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingRow } from '../db/rows';

export function MeetingPicker({ meetings, value, onChange }: { meetings: readonly MeetingRow[]; value: string | null; onChange(meetingId: string | null): void }) {
  const { t } = useTranslation();
  const id = useId();
  if (meetings.length === 0) return <p className="screen__note">{t('decisionExport.noMeetings')}</p>;
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-field__label">
        {t('decisionExport.meeting')}
      </label>
      <select id={id} className="form-field__input" value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}>
        <option value="">{t('decisionExport.chooseMeeting')}</option>
        {meetings.map((m) => (
          <option key={m.meetingId} value={m.meetingId}>
            {t('decisionExport.meetingOption', { meetingId: m.meetingId, date: m.date, place: m.place })}
          </option>
        ))}
      </select>
    </div>
  );
}
