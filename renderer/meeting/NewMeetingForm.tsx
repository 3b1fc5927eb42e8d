/**
 * "New meeting": id, date, start time and place. The id follows the date until the user types
 * one (the date is the usual id, as in FORMATS.md's example). A refused field says why and takes
 * the focus; a created meeting opens in its setup.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../common/announcer';
import { useServices } from '../common/services';
import { useUiStore } from '../common/ui-store';
import { isMeetingError } from './meeting-error';
import type { FieldProblem, MeetingField as Field } from './meeting-input';
import { PLACE_MAX } from './meeting-input';
import { fieldProblemText, refusalText } from './meeting-text';
import { MeetingField } from './MeetingField';
import { createMeeting } from './meetings-db';

type Problems = Partial<Record<Field, FieldProblem>>;
// the order the fields are shown in: the first refused one takes the focus
const ORDER = ['date', 'startTime', 'place', 'meetingId'] as const;

export function NewMeetingForm() {
  const { t } = useTranslation();
  const { db } = useServices();
  const headingId = useId();
  const [values, setValues] = useState({ meetingId: '', date: '', startTime: '', place: '' });
  const [idTyped, setIdTyped] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { meetingId: useRef<HTMLInputElement>(null), date: useRef<HTMLInputElement>(null), startTime: useRef<HTMLInputElement>(null), place: useRef<HTMLInputElement>(null) };

  const problemOf = (field: Field) => (problems[field] ? fieldProblemText(t, field, problems[field]) : null);
  const set = (field: (typeof ORDER)[number], value: string) => {
    setValues((v) => ({ ...v, [field]: value, ...(field === 'date' && !idTyped ? { meetingId: value } : {}) }));
    if (field === 'meetingId') setIdTyped(value !== '');
  };

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      const row = await createMeeting(db, values);
      announce(t('meeting.created', { meetingId: row.meetingId }));
      useUiStore.getState().openMeeting(row.meetingId, 'setup');
    } catch (err) {
      if (isMeetingError(err) && err.code === 'INVALID') {
        const found = err.detail.fields ?? {};
        setProblems(found);
        const first = ORDER.find((f) => found[f] !== undefined);
        if (first) refs[first].current?.focus();
      } else setFailure(refusalText(t, err));
      setBusy(false);
    }
  }

  return (
    <form
      className="card meeting-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void submit();
      }}
    >
      <h2 id={headingId} className="card__title">
        {t('meeting.newTitle')}
      </h2>
      <div className="meeting-form__fields">
        <MeetingField label={t('meeting.fieldDate')} type="date" value={values.date} onChange={(v) => set('date', v)} problem={problemOf('date')} inputRef={refs.date} />
        <MeetingField label={t('meeting.fieldStartTime')} type="time" value={values.startTime} onChange={(v) => set('startTime', v)} problem={problemOf('startTime')} inputRef={refs.startTime} />
        <MeetingField label={t('meeting.fieldPlace')} type="text" value={values.place} onChange={(v) => set('place', v)} problem={problemOf('place')} inputRef={refs.place} maxLength={PLACE_MAX} />
        <MeetingField
          label={t('meeting.fieldMeetingId')}
          type="text"
          value={values.meetingId}
          onChange={(v) => set('meetingId', v)}
          problem={problemOf('meetingId')}
          hint={t('meeting.meetingIdHint')}
          inputRef={refs.meetingId}
          maxLength={64}
        />
      </div>
      {failure && (
        <p role="alert" className="notice notice--error">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary meeting-form__submit" disabled={busy}>
        {t('meeting.create')}
      </button>
    </form>
  );
}
