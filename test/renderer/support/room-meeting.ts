/**
 * An open meeting on the test demo council, made directly with Dexie rows (the meeting's own setup
 * is another screen's): the three demo cases on its agenda, every voting member in its attendance,
 * none arrived yet. The operator is the demo council's secretary (s1).
 */
import { DEFAULT_COUNTING_RULES } from '../../../shared/meeting/rules';
import type { MeetingRow } from '../../../renderer/db/rows';
import type { CouncilDb } from '../../../renderer/db/schema';
import { seedDemoCouncil } from './demo-seed';

export const MEETING_ID = '2023-03-02';
export const AGENDA = ['1015-000001', '1015-000002', '1015-000003'];
export const VOTERS = ['m1', 'm2', 'm3', 'm4', 'm5'];

export function meetingRow(overrides: Partial<MeetingRow> = {}): MeetingRow {
  return {
    meetingId: MEETING_ID,
    date: '2023-03-02',
    place: '협의체 회의실',
    startTime: '14:00',
    rules: { ...DEFAULT_COUNTING_RULES },
    agenda: [...AGENDA],
    attendance: VOTERS.map((memberId) => ({ memberId, present: false, arrivedAt: null, leftAt: null })),
    status: 'open',
    createdAt: '2023-03-01T09:00:00+09:00',
    openedAt: '2023-03-02T14:00:00+09:00',
    closedAt: null,
    ...overrides,
  };
}

export async function seedOpenMeeting(db: CouncilDb, overrides: Partial<MeetingRow> = {}): Promise<MeetingRow> {
  await seedDemoCouncil(db, { timestamp: '2023-03-02T09:00:00+09:00' });
  const meeting = meetingRow(overrides);
  await db.meetings.put(meeting);
  return meeting;
}

/** Marks members present from `at` on, straight in the row (for tests about something else). */
export async function seatMembers(db: CouncilDb, memberIds: readonly string[], at = '2023-03-02T14:00:00+09:00'): Promise<void> {
  const meeting = await db.meetings.get(MEETING_ID);
  if (!meeting) throw new Error('no meeting');
  meeting.attendance = meeting.attendance.map((a) => (memberIds.includes(a.memberId) ? { ...a, present: true, arrivedAt: at, leftAt: null } : a));
  await db.meetings.put(meeting);
}
