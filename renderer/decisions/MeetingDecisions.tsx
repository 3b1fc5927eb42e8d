/**
 * The Decisions screen's meeting part: the meeting chosen (the one open on the Meeting screen, else
 * the latest), every decision of it with its file, "Export decisions", and the files waiting for
 * the sync folder. What is stored is read again after an export and after a queued file is written.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';
import { useAsyncValue } from '../common/use-async-value';
import { useUiStore } from '../common/ui-store';
import { DecisionTable } from './DecisionTable';
import { ExportPanel, type ExportBlock } from './ExportPanel';
import { MeetingPicker } from './MeetingPicker';
import { OutboxNotice } from './OutboxNotice';
import { chairKeyState } from './export/chair-key';
import { readDecisionList, type MeetingDecisionList } from './export/decision-list';
import { queuedCount } from './export/outbox';
import { useDecisionExport } from './export/use-decision-export';
import { useOutbox } from './export/use-outbox';
import './decisions.css';

function blockOf(meetingId: string | null, list: MeetingDecisionList | null, keyBlock: ExportBlock | null): ExportBlock | null {
  if (meetingId === null) return 'noMeeting';
  if (list !== null && list.pending === 0) return 'nothingNew';
  return keyBlock;
}

export function MeetingDecisions() {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const headingId = useId();
  const openMeeting = useUiStore((s) => s.meetingId);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);

  const meetings = useAsyncValue(() => db.meetings.orderBy('date').reverse().toArray(), [db]);
  const stored = meetings.state === 'done' ? meetings.value : [];
  const fallback = stored.find((m) => m.meetingId === openMeeting)?.meetingId ?? stored[0]?.meetingId ?? null;
  const meetingId = chosen === undefined ? fallback : chosen;

  const list = useAsyncValue(() => (meetingId === null ? Promise.resolve(null) : readDecisionList(db, meetingId)), [db, meetingId, version]);
  const queued = useAsyncValue(() => queuedCount(db), [db, version]);
  // Unknown keys (the call failed) block nothing here: the export asks again and says why.
  const keys = useAsyncValue(() => api.getDeviceKeys(), [api, version]);
  const keyState = keys.state === 'done' ? chairKeyState(keys.value) : null;
  const { run, start } = useDecisionExport(reload);
  const waiting = queued.state === 'done' ? queued.value : 0;
  const outbox = useOutbox(waiting, reload);

  const shown = list.state === 'done' ? list.value : null;
  const block = blockOf(meetingId, shown, keyState?.kind === 'blocked' ? keyState.block : null);

  return (
    <section className="card meeting-decisions" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {t('decisionExport.title')}
      </h2>
      <p className="screen__note">{t('decisionExport.hint')}</p>
      {meetings.state === 'done' && <MeetingPicker meetings={stored} value={meetingId} onChange={setChosen} />}
      {list.state === 'failed' && <ErrorNotice title={t('decisionExport.loadFailed')} error={list.error} />}
      <ExportPanel pending={shown?.pending ?? null} block={block} run={run} onExport={() => meetingId !== null && start(meetingId)} />
      <OutboxNotice queued={waiting} outbox={outbox} />
      {meetingId !== null && shown !== null && <DecisionTable meetingId={meetingId} rows={shown.rows} />}
    </section>
  );
}
