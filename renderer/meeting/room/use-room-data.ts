/**
 * The room's data for the screen: the meeting with its roster, and the current case's rows; read
 * again after every change the room makes (`reload`), so what is shown is what is stored. A vote
 * changes only the case's votes: the write reads them back in its own transaction and the room
 * shows those (`showVotes`), the rest as it was read.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type ErrorInfo } from '../../common/council-api';
import type { VoteRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { loadRoomCase, loadRoomMeeting, type RoomCase, type RoomMeeting } from './room-load';
import { currentCaseOf } from './room-store';

export type RoomData =
  | { state: 'loading' }
  | { state: 'failed'; error: ErrorInfo }
  | { state: 'done'; meeting: RoomMeeting; caseId: string | null; room: RoomCase | null };

async function read(db: CouncilDb, meetingId: string, remembered: string | undefined): Promise<RoomData> {
  const meeting = await loadRoomMeeting(db, meetingId);
  const caseId = currentCaseOf(meeting.meeting.agenda, remembered);
  const room = caseId === null ? null : await loadRoomCase(db, meetingId, caseId, meeting.members);
  return { state: 'done', meeting, caseId, room };
}

export interface RoomDataView {
  data: RoomData;
  reload(): Promise<void>;
  /** A case's votes as a committed write read them back (ignored once the room is on another case). */
  showVotes(meetingId: string, caseId: string, votes: VoteRow[]): void;
}

export function useRoomData(db: CouncilDb, meetingId: string, remembered: string | undefined): RoomDataView {
  const [data, setData] = useState<RoomData>({ state: 'loading' });
  const latest = useRef({ meetingId, remembered });
  latest.current = { meetingId, remembered };

  const reload = useCallback(async () => {
    const asked = latest.current;
    let next: RoomData;
    try {
      next = await read(db, asked.meetingId, asked.remembered);
    } catch (err) {
      next = { state: 'failed', error: describeError(err) };
    }
    // A later case or meeting asked meanwhile: its own read will answer.
    if (latest.current.meetingId === asked.meetingId && latest.current.remembered === asked.remembered) setData(next);
  }, [db]);

  const showVotes = useCallback((meetingId: string, caseId: string, votes: VoteRow[]) => {
    setData((shown) =>
      shown.state === 'done' && shown.meeting.meeting.meetingId === meetingId && shown.caseId === caseId && shown.room !== null ? { ...shown, room: { ...shown.room, votes } } : shown,
    );
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, meetingId, remembered]);

  return { data, reload, showVotes };
}
