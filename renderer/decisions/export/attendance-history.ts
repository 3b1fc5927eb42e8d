/**
 * Every stretch of a meeting's attendance, for the decision file. The meeting row keeps one entry
 * per member: a member who leaves and comes back gets a new arrival there, and the stretch before
 * lives on only in the audit log (meeting/room/attendance-db.ts: each 'leave' entry's
 * `detail.after` is the stretch it closed). A vote closed during that earlier stretch counted the
 * member present, so the file lists both stretches, or its recount would not agree.
 */
import type { AttendanceEntry } from '../../../shared/meeting/types';
import type { AuditRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';

function isStretch(value: unknown): value is AttendanceEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const time = (x: unknown) => x === null || typeof x === 'string';
  return typeof v.memberId === 'string' && typeof v.present === 'boolean' && time(v.arrivedAt) && time(v.leftAt);
}

/**
 * The row's entries and the closed stretches of the 'leave' entries, in the row's member order,
 * each member's stretches by arrival. A stretch that the row holds too is listed once, as the row has it.
 */
export function attendanceStretches(meetingId: string, current: readonly AttendanceEntry[], entries: readonly Pick<AuditRow, 'action' | 'detail'>[]): AttendanceEntry[] {
  const byMember = new Map<string, AttendanceEntry[]>();
  for (const a of current) byMember.set(a.memberId, [...(byMember.get(a.memberId) ?? []), { ...a }]);
  for (const e of entries) {
    const after = e.detail.after;
    if (e.action !== 'leave' || e.detail.meetingId !== meetingId || !isStretch(after) || after.arrivedAt === null) continue;
    const list = byMember.get(after.memberId) ?? [];
    if (list.some((a) => a.arrivedAt === after.arrivedAt)) continue;
    byMember.set(after.memberId, [...list.filter((a) => a.present || a.arrivedAt !== null), { memberId: after.memberId, present: true, arrivedAt: after.arrivedAt, leftAt: after.leftAt }]);
  }
  const arrival = (a: AttendanceEntry) => (a.arrivedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(a.arrivedAt));
  return [...byMember.values()].flatMap((list) => list.sort((a, b) => arrival(a) - arrival(b)));
}

/** The meeting's attendance stretches as stored: its row and its audit log's departures. */
export async function readAttendanceStretches(db: CouncilDb, meetingId: string, current: readonly AttendanceEntry[]): Promise<AttendanceEntry[]> {
  const entries = await db.audit.where('entity').equals('attendance').toArray();
  return attendanceStretches(meetingId, current, entries);
}
