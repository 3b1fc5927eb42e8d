/**
 * Minutes: the meeting chosen (the one open on the Meeting screen, else the latest) and whether its
 * minutes can be made: a closed meeting whose decisions all went out in written decision files;
 * otherwise what is missing. When it can: when they were last made (the audit log), "Make the
 * minutes" (MinutesExportPanel) and the preview of what the PDF prints (MinutesPreview).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';
import { MeetingPicker } from '../decisions';
import { formatDateTime } from '../../shared/i18n/dates';
import { lastMinutesMade, type MinutesMade } from './minutes-audit';
import { MinutesExportPanel } from './MinutesExportPanel';
import { MinutesPreview } from './MinutesPreview';
import './minutes.css';
import { MinutesReadinessNotice } from './MinutesReadinessNotice';
import { readMinutesReadiness } from './minutes-readiness';

export function MinutesScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const openMeeting = useUiStore((s) => s.meetingId);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const meetings = useAsyncValue(() => db.meetings.orderBy('date').reverse().toArray(), [db]);
  const stored = meetings.state === 'done' ? meetings.value : [];
  const fallback = stored.find((m) => m.meetingId === openMeeting)?.meetingId ?? stored[0]?.meetingId ?? null;
  const meetingId = chosen === undefined ? fallback : chosen;
  const readiness = useAsyncValue(() => (meetingId === null ? Promise.resolve(null) : readMinutesReadiness(db, meetingId)), [db, meetingId]);
  const storedMade = useAsyncValue(() => (meetingId === null ? Promise.resolve(null) : lastMinutesMade(db, meetingId)), [db, meetingId]);
  // what the panel just made, shown at once: reading the log again would unmount the panel and its answer
  const [justMade, setJustMade] = useState<MinutesMade | null>(null);
  const language = useUiStore((s) => s.language);
  const ready = readiness.state === 'done' && readiness.value?.ready === true ? readiness.value : null;
  const made = justMade?.meetingId === meetingId ? justMade : storedMade.state === 'done' ? storedMade.value : undefined;

  return (
    <ScreenFrame screen="minutes" title={t('minutes.title')} intro={t('minutes.intro')}>
      {meetings.state === 'done' && <MeetingPicker meetings={stored} value={meetingId} onChange={setChosen} />}
      {readiness.state === 'failed' && <ErrorNotice title={t('minutes.loadFailed')} error={readiness.error} />}
      {readiness.state === 'done' && readiness.value !== null && <MinutesReadinessNotice readiness={readiness.value} />}
      {ready && made && <p data-testid="minutes-made">{t('minutes.made', { at: formatDateTime(made.createdAt, language), fileName: made.attestation })}</p>}
      {ready && made !== undefined && <MinutesExportPanel key={ready.meetingId} meetingId={ready.meetingId} made={made} onMade={setJustMade} />}
      {ready && <MinutesPreview meetingId={ready.meetingId} />}
    </ScreenFrame>
  );
}
