/**
 * Minutes: the meeting chosen (the one open on the Meeting screen, else the latest) and whether its
 * minutes can be made: a closed meeting whose decisions all went out in written decision files;
 * otherwise what is missing; when it can, "Make the minutes" (MinutesExportPanel).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComingLater } from '../common/ComingLater';
import { ErrorNotice } from '../common/ErrorNotice';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';
import { MeetingPicker } from '../decisions';
import { MinutesExportPanel } from './MinutesExportPanel';
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

  return (
    <ScreenFrame screen="minutes" title={t('minutes.title')} intro={t('minutes.intro')}>
      {meetings.state === 'done' && <MeetingPicker meetings={stored} value={meetingId} onChange={setChosen} />}
      {readiness.state === 'failed' && <ErrorNotice title={t('minutes.loadFailed')} error={readiness.error} />}
      {readiness.state === 'done' && readiness.value !== null && <MinutesReadinessNotice readiness={readiness.value} />}
      {readiness.state === 'done' && readiness.value?.ready === true && <MinutesExportPanel meetingId={readiness.value.meetingId} />}
      <ComingLater items={[t('minutes.later1'), t('minutes.later2')]} />
    </ScreenFrame>
  );
}
