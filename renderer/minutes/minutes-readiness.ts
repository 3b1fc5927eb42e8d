/**
 * Whether a meeting's minutes can be made: only for a closed meeting whose decisions all went out
 * in decision files written into the sync folder (issue 13), since the minutes describe exactly
 * those signed files. Otherwise, what is missing, for the screen to say.
 */
import type { CouncilDb } from '../db/schema';
import { readDecisionList } from '../decisions';

export interface MinutesReadiness {
  meetingId: string;
  closed: boolean;
  decisions: number;
  /** Decisions no decision file holds yet (the next export's). */
  unexported: number;
  /** Decision files signed but still waiting for the sync folder. */
  queuedFiles: number;
  ready: boolean;
}

export async function readMinutesReadiness(db: CouncilDb, meetingId: string): Promise<MinutesReadiness | null> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) return null;
  const list = await readDecisionList(db, meetingId);
  const queued = new Set(list.rows.flatMap((r) => (r.file?.state === 'queued' ? [r.file.fileName] : [])));
  const closed = meeting.status === 'closed';
  const decisions = list.rows.length;
  return {
    meetingId,
    closed,
    decisions,
    unexported: list.pending,
    queuedFiles: queued.size,
    ready: closed && decisions > 0 && list.pending === 0 && queued.size === 0,
  };
}
