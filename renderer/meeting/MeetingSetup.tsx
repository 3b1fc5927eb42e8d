/**
 * One meeting's setup: its status (with "Open meeting" / "Close meeting"), details and rules,
 * the agenda, and the ways to add cases to it (by filter or preset, or one by id). Read live, so
 * what the room writes (proposals, decisions) shows here too. A closed meeting is shown, not
 * changed. Closing a meeting starts an automatic backup in the background (settings/backup/),
 * which never holds up or fails the close; its quiet line is under the bar.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../common/announcer';
import { ErrorNotice } from '../common/ErrorNotice';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { useUiStore } from '../common/ui-store';
import { AutomaticBackupLine, backUpAutomatically } from '../settings';
import { AgendaAddPanel } from './AgendaAddPanel';
import { AgendaTable } from './AgendaTable';
import { loadMeetingView } from './agenda-view';
import { CaseIdAdd } from './CaseIdAdd';
import { MeetingDetails } from './MeetingDetails';
import { refusalText } from './meeting-text';
import { closeMeeting, openMeeting } from './meetings-db';
import { useLiveValue } from './use-live-value';

export function MeetingSetup({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const view = useLiveValue(() => loadMeetingView(db, meetingId), [db, meetingId]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLSpanElement>(null);
  const agendaId = useId();
  const ui = useUiStore.getState();

  async function changeStatus(to: 'open' | 'closed') {
    setBusy(true);
    setProblem(null);
    try {
      if (to === 'open') await openMeeting(db, meetingId);
      else {
        await closeMeeting(db, meetingId);
        void backUpAutomatically(db, api, 'meeting-closed');
      }
      announce(t(to === 'open' ? 'meeting.opened' : 'meeting.closed', { meetingId }));
      // the button pressed is gone now: focus stays on the status it changed, not lost to the page
      statusRef.current?.focus();
    } catch (err) {
      setProblem(refusalText(t, err));
    } finally {
      setBusy(false);
    }
  }

  const meeting = view.state === 'done' ? view.value?.meeting : undefined;
  return (
    <ScreenFrame screen="meeting-setup" title={t('meeting.setupTitle', { meetingId })} intro={t('meeting.setupIntro')}>
      <div className="meeting-bar">
        <button type="button" className="button button--quiet" onClick={() => ui.closeMeeting()}>
          {t('meeting.backToList')}
        </button>
        {meeting && (
          <>
            <span ref={statusRef} tabIndex={-1} className={`meeting-status meeting-status--${meeting.status}`} data-testid="meeting-status">
              {t('meeting.statusLine', { status: t(`meeting.status.${meeting.status}`) })}
            </span>
            {meeting.status === 'planned' && (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void changeStatus('open')}>
                {t('meeting.openMeeting')}
              </button>
            )}
            {meeting.status === 'open' && (
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => void changeStatus('closed')}>
                {t('meeting.closeMeeting')}
              </button>
            )}
            <button type="button" className="button button--primary" onClick={() => ui.openMeeting(meetingId, 'room')}>
              {t('meeting.toRoom')}
            </button>
          </>
        )}
      </div>
      <AutomaticBackupLine />
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      {view.state === 'loading' && <p role="status">{t('meeting.loading')}</p>}
      {view.state === 'failed' && <ErrorNotice title={t('meeting.loadFailed')} error={view.error} />}
      {view.state === 'done' && view.value === null && (
        <p role="alert" className="notice notice--error">
          {t('meeting.errors.NO_SUCH_MEETING')}
        </p>
      )}
      {view.state === 'done' && view.value && (
        <>
          {view.value.meeting.status === 'closed' && <p className="card card--empty">{t('meeting.closedNote')}</p>}
          <MeetingDetails key={`${view.value.meeting.status}`} meeting={view.value.meeting} />
          {/* the ways in come before the agenda: a long agenda would push them out of reach */}
          {view.value.meeting.status !== 'closed' && (
            <>
              <AgendaAddPanel meetingId={meetingId} agenda={view.value.meeting.agenda} />
              <CaseIdAdd meetingId={meetingId} />
            </>
          )}
          <section className="meeting-section" aria-labelledby={agendaId}>
            <h2 id={agendaId} className="meeting-section__title">
              {t('meeting.agendaTitle')}
            </h2>
            <AgendaTable meetingId={meetingId} items={view.value.items} editable={view.value.meeting.status !== 'closed'} />
          </section>
        </>
      )}
    </ScreenFrame>
  );
}
