/**
 * Attendance in the room: a voting member arrives (arrivedAt now) or leaves (leftAt now). An
 * entry is one stretch: a member who comes back after leaving gets a new arrival and no departure
 * (the earlier stretch stays in the audit entry's detail; proposals closed meanwhile kept their tally).
 */
import type { AttendanceEntry } from '../../../shared/meeting/types';
import { appendAudit } from '../../db/audit';
import type { MeetingRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { presentAt } from '../../../shared/meeting/counting';
import { nowOf, openMeeting, roomTransaction, roster, votingMember, type When } from './room-guards';
import { RoomRefusal } from './room-refusal';

function entryOf(meeting: MeetingRow, memberId: string): AttendanceEntry {
  return meeting.attendance.find((a) => a.memberId === memberId) ?? { memberId, present: false, arrivedAt: null, leftAt: null };
}

async function writeEntry(db: CouncilDb, meeting: MeetingRow, next: AttendanceEntry, action: 'arrive' | 'leave', at: string): Promise<MeetingRow> {
  const before = entryOf(meeting, next.memberId);
  const known = meeting.attendance.some((a) => a.memberId === next.memberId);
  const attendance = known ? meeting.attendance.map((a) => (a.memberId === next.memberId ? next : a)) : [...meeting.attendance, next];
  const updated: MeetingRow = { ...meeting, attendance };
  await db.meetings.put(updated);
  await appendAudit(db, {
    at,
    entity: 'attendance',
    entityId: `${meeting.meetingId}/${next.memberId}`,
    action,
    detail: { meetingId: meeting.meetingId, memberId: next.memberId, before, after: next },
  });
  return updated;
}

/** The member is present from now on. Refused for a member present already. */
export async function markArrived(db: CouncilDb, meetingId: string, memberId: string, when?: When): Promise<MeetingRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const meeting = await openMeeting(db, meetingId);
    votingMember(await roster(db), memberId);
    if (presentAt(meeting.attendance, at).has(memberId)) {
      throw new RoomRefusal('MEMBER_ALREADY_PRESENT', { memberId }, `${memberId} is present already.`);
    }
    return writeEntry(db, meeting, { memberId, present: true, arrivedAt: at, leftAt: null }, 'arrive', at);
  });
}

/** The member leaves now. Refused for a member not present. */
export async function markLeft(db: CouncilDb, meetingId: string, memberId: string, when?: When): Promise<MeetingRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const meeting = await openMeeting(db, meetingId);
    votingMember(await roster(db), memberId);
    if (!presentAt(meeting.attendance, at).has(memberId)) {
      throw new RoomRefusal('MEMBER_NOT_PRESENT', { memberId }, `${memberId} is not present.`);
    }
    return writeEntry(db, meeting, { ...entryOf(meeting, memberId), leftAt: at }, 'leave', at);
  });
}
