/**
 * The Decisions screen's "Export decisions": one run at a time, its outcome or error held for the
 * notice, and `onChange` called once the export rows may have changed (the table reads them again).
 * Each file exported starts an automatic backup in the background (settings/backup/), which never
 * holds up or fails the export.
 */
import { useCallback, useRef, useState } from 'react';
import { describeError, type ErrorInfo } from '../../common/council-api';
import { currentLanguage } from '../../common/i18n';
import { useServices } from '../../common/services';
import { backUpAutomatically } from '../../settings';
import { refreshAuditCheck } from '../audit-status';
import { exportMeetingDecisions, type ExportOutcome } from './export-decisions';

export type ExportRun =
  | { state: 'idle' }
  | { state: 'busy'; meetingId: string }
  | { state: 'done'; meetingId: string; outcome: ExportOutcome }
  | { state: 'failed'; meetingId: string; error: ErrorInfo };

export function useDecisionExport(onChange: () => void): { run: ExportRun; start(meetingId: string): void } {
  const { db, api } = useServices();
  const [run, setRun] = useState<ExportRun>({ state: 'idle' });
  const busy = useRef(false);
  const start = useCallback(
    (meetingId: string) => {
      if (busy.current) return;
      busy.current = true;
      setRun({ state: 'busy', meetingId });
      exportMeetingDecisions(db, api, meetingId, { language: currentLanguage() })
        .then(
          (outcome) => {
            setRun({ state: 'done', meetingId, outcome });
            if (outcome.kind === 'exported') void backUpAutomatically(db, api, 'decision-export');
          },
          (err: unknown) => setRun({ state: 'failed', meetingId, error: describeError(err) }),
        )
        .finally(() => {
          busy.current = false;
          onChange();
          // the export added to the audit log: the status beside it says so at once
          refreshAuditCheck(db).catch(() => undefined);
        });
    },
    [db, api, onChange],
  );
  return { run, start };
}
