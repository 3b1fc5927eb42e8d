/**
 * A meeting's details: a form (date, start time, place) while it is planned, plain facts after;
 * and its counting rules in words.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatIsoDate } from '../../shared/i18n';
import { announce } from '../common/announcer';
import { useServices } from '../common/services';
import { useUiStore } from '../common/ui-store';
import type { MeetingRow } from '../db/rows';
import { isMeetingError } from './meeting-error';
import { PLACE_MAX, type FieldProblem, type MeetingField as Field } from './meeting-input';
import { fieldProblemText, refusalText, rulesInWords } from './meeting-text';
import { MeetingField } from './MeetingField';
import { updateMeetingDetails } from './meetings-db';

type Problems = Partial<Record<Field, FieldProblem>>;

function DetailsForm({ meeting }: { meeting: MeetingRow }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [values, setValues] = useState({ date: meeting.date, startTime: meeting.startTime, place: meeting.place });
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const problemOf = (field: Field) => (problems[field] ? fieldProblemText(t, field, problems[field]) : null);
  const set = (field: keyof typeof values, value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function save() {
    setFailure(null);
    try {
      await updateMeetingDetails(db, meeting.meetingId, values);
      setProblems({});
      announce(t('meeting.detailsSaved'));
    } catch (err) {
      if (isMeetingError(err) && err.code === 'INVALID') setProblems(err.detail.fields ?? {});
      else setFailure(refusalText(t, err));
    }
  }

  return (
    <form
      noValidate
      className="meeting-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="meeting-form__fields">
        <MeetingField label={t('meeting.fieldDate')} type="date" value={values.date} onChange={(v) => set('date', v)} problem={problemOf('date')} />
        <MeetingField label={t('meeting.fieldStartTime')} type="time" value={values.startTime} onChange={(v) => set('startTime', v)} problem={problemOf('startTime')} />
        <MeetingField label={t('meeting.fieldPlace')} type="text" value={values.place} onChange={(v) => set('place', v)} problem={problemOf('place')} maxLength={PLACE_MAX} />
      </div>
      {failure && (
        <p role="alert" className="notice notice--error">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--quiet meeting-form__submit">
        {t('meeting.saveDetails')}
      </button>
    </form>
  );
}

export function MeetingDetails({ meeting }: { meeting: MeetingRow }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const detailsId = useId();
  const rulesId = useId();
  return (
    <div className="meeting-details">
      <section className="card" aria-labelledby={detailsId}>
        <h2 id={detailsId} className="card__title">
          {t('meeting.detailsTitle')}
        </h2>
        {meeting.status === 'planned' ? (
          <DetailsForm meeting={meeting} />
        ) : (
          <>
            <dl className="facts">
              <dt>{t('meeting.fieldDate')}</dt>
              <dd>{formatIsoDate(meeting.date, language)}</dd>
              <dt>{t('meeting.fieldStartTime')}</dt>
              <dd>{meeting.startTime}</dd>
              <dt>{t('meeting.fieldPlace')}</dt>
              <dd>{meeting.place}</dd>
              {meeting.openedAt && (
                <>
                  <dt>{t('meeting.openedAt')}</dt>
                  <dd>{formatDateTime(meeting.openedAt, language)}</dd>
                </>
              )}
              {meeting.closedAt && (
                <>
                  <dt>{t('meeting.closedAt')}</dt>
                  <dd>{formatDateTime(meeting.closedAt, language)}</dd>
                </>
              )}
            </dl>
            <p className="screen__note">{t('meeting.detailsLocked')}</p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby={rulesId} data-testid="meeting-rules">
        <h2 id={rulesId} className="card__title">
          {t('meeting.rulesTitle')}
        </h2>
        <ul className="meeting-rules">
          {rulesInWords(t, meeting.rules).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
