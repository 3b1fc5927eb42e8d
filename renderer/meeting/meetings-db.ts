/**
 * Meetings and their agenda in the database. Every change is one read-write transaction that
 * writes the meeting row together with its audit entry (entity 'meeting' for the meeting itself,
 * 'agenda' for its agenda), so neither is ever stored without the other. A closed meeting is
 * read-only; the status only moves planned -> open -> closed. A refusal throws a MeetingError
 * (meeting-error.ts) and writes nothing.
 */
import { countingRulesSchema, DEFAULT_COUNTING_RULES, type CountingRules } from '../../shared/meeting/rules';
import { votingMembers } from '../../shared/meeting/counting';
import type { AttendanceEntry } from '../../shared/meeting/types';
import { restoreMember } from '../../shared/council';
import { sortMembers } from '../common/council-store';
import { appendAudit } from '../db/audit';
import { standingDecision } from '../db/case-meeting-state';
import type { DecisionRow, MeetingRow, MemberRow } from '../db/rows';
import type { CouncilDb } from '../db/schema';
import { planAgenda, type AgendaPlan } from './agenda-plan';
import { MeetingError } from './meeting-error';
import { detailsPatchSchema, fieldProblems, newMeetingSchema, type DetailsPatch, type NewMeetingInput } from './meeting-input';

/**
 * The settings row holding the council's own default counting rules, when it has set some (a
 * new meeting starts with them; without it, with DEFAULT_COUNTING_RULES).
 */
export const COUNCIL_RULES_SETTING = 'countingRules';

const nowIso = () => new Date().toISOString();

/** The council's default rules: the stored ones when they are sound, else DEFAULT_COUNTING_RULES. Reads db.settings. */
export async function councilDefaultRules(db: CouncilDb): Promise<CountingRules> {
  const row = await db.settings.get(COUNCIL_RULES_SETTING);
  const parsed = countingRulesSchema.safeParse(row?.value);
  return structuredClone(parsed.success ? parsed.data : DEFAULT_COUNTING_RULES);
}

/** One entry per voting member (active chair or member), chair first: not present, no times. */
export function initialAttendance(members: readonly MemberRow[]): AttendanceEntry[] {
  const roster = sortMembers(members.map((m) => restoreMember(m)));
  const voting = new Set(votingMembers(roster).map((m) => m.memberId));
  return roster.filter((m) => voting.has(m.memberId)).map((m) => ({
    memberId: m.memberId,
    present: false,
    arrivedAt: null,
    leftAt: null,
  }));
}

/** Every meeting, the latest date first (then by id). */
export async function listMeetings(db: CouncilDb): Promise<MeetingRow[]> {
  const rows = await db.meetings.toArray();
  return rows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.meetingId.localeCompare(b.meetingId)));
}

async function meetingOf(db: CouncilDb, meetingId: string): Promise<MeetingRow> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new MeetingError('NO_SUCH_MEETING', `There is no meeting ${meetingId}.`);
  return meeting;
}

/** The meeting, unless it is closed (a closed meeting refuses every change). */
async function changeableMeeting(db: CouncilDb, meetingId: string): Promise<MeetingRow> {
  const meeting = await meetingOf(db, meetingId);
  if (meeting.status === 'closed') throw new MeetingError('MEETING_CLOSED', `Meeting ${meetingId} is closed and cannot be changed.`, { status: 'closed' });
  return meeting;
}

export async function createMeeting(db: CouncilDb, input: NewMeetingInput, at: string = nowIso()): Promise<MeetingRow> {
  const parsed = newMeetingSchema.safeParse(input);
  if (!parsed.success) throw new MeetingError('INVALID', 'The meeting is not valid.', { fields: fieldProblems(parsed.error) });
  const { meetingId, date, place, startTime } = parsed.data;
  return db.transaction('rw', [db.meetings, db.members, db.audit, db.settings], async () => {
    if (await db.meetings.get(meetingId)) throw new MeetingError('INVALID', `A meeting ${meetingId} exists already.`, { fields: { meetingId: 'taken' } });
    const rules = parsed.data.rules ?? (await councilDefaultRules(db));
    const attendance = initialAttendance(await db.members.toArray());
    const row: MeetingRow = { meetingId, date, place, startTime, rules, agenda: [], attendance, status: 'planned', createdAt: at, openedAt: null, closedAt: null };
    await db.meetings.add(row);
    await appendAudit(db, {
      at,
      entity: 'meeting',
      entityId: meetingId,
      action: 'create',
      detail: { date, place, startTime, rules, attendance: attendance.map((a) => a.memberId) },
    });
    return row;
  });
}

/** Changes date, place, start time or rules; only while the meeting is planned. No change, no entry. */
export async function updateMeetingDetails(db: CouncilDb, meetingId: string, patch: DetailsPatch, at: string = nowIso()): Promise<MeetingRow> {
  const parsed = detailsPatchSchema.safeParse(patch);
  if (!parsed.success) throw new MeetingError('INVALID', 'The meeting details are not valid.', { fields: fieldProblems(parsed.error) });
  return db.transaction('rw', [db.meetings, db.audit, db.settings], async () => {
    const meeting = await changeableMeeting(db, meetingId);
    if (meeting.status !== 'planned') throw new MeetingError('NOT_PLANNED', `Meeting ${meetingId} is ${meeting.status}: its details no longer change.`, { status: meeting.status });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const next: MeetingRow = { ...meeting };
    for (const key of ['date', 'place', 'startTime', 'rules'] as const) {
      const value = parsed.data[key];
      if (value === undefined || JSON.stringify(value) === JSON.stringify(meeting[key])) continue;
      changes[key] = { from: meeting[key], to: value };
      (next as unknown as Record<string, unknown>)[key] = value;
    }
    if (Object.keys(changes).length === 0) return meeting;
    await db.meetings.put(next);
    await appendAudit(db, { at, entity: 'meeting', entityId: meetingId, action: 'update', detail: { changes } });
    return next;
  });
}

/** The standing decision of each case (null: none), read inside the caller's transaction. */
async function standingDecisions(db: CouncilDb, caseIds: readonly string[]): Promise<Map<string, DecisionRow | null>> {
  const byCase = new Map<string, DecisionRow[]>();
  for (const d of await db.decisions.where('caseId').anyOf([...caseIds]).toArray()) {
    const list = byCase.get(d.caseId);
    if (list) list.push(d);
    else byCase.set(d.caseId, [d]);
  }
  return new Map([...byCase].map(([caseId, list]) => [caseId, standingDecision(list)]));
}

async function planFor(db: CouncilDb, meeting: MeetingRow, caseIds: readonly string[]): Promise<AgendaPlan> {
  // keys only: a case row holds its whole record, and the check is only that it exists
  const known = new Set((await db.cases.where(':id').anyOf([...caseIds]).primaryKeys()) as string[]);
  return planAgenda(meeting.agenda, caseIds, known, await standingDecisions(db, caseIds));
}

/** What addToAgenda would add and refuse, without changing anything (the setup screen's preview). */
export async function planAgendaAdd(db: CouncilDb, meetingId: string, caseIds: readonly string[]): Promise<AgendaPlan> {
  return db.transaction('r', [db.meetings, db.cases, db.decisions], async () => planFor(db, await meetingOf(db, meetingId), caseIds));
}

export type AgendaAddResult = AgendaPlan & { agenda: string[] };

/**
 * Appends the cases to the agenda, in the order given, but refuses decided cases, cases already
 * on it and unknown ones; says which were added (and which of those are deferred) and which
 * were refused and why. Nothing added: nothing written, no audit entry.
 */
export async function addToAgenda(db: CouncilDb, meetingId: string, caseIds: readonly string[], at: string = nowIso()): Promise<AgendaAddResult> {
  return db.transaction('rw', [db.meetings, db.cases, db.decisions, db.audit, db.settings], async () => {
    const meeting = await changeableMeeting(db, meetingId);
    const plan = await planFor(db, meeting, caseIds);
    if (plan.add.length === 0) return { ...plan, agenda: meeting.agenda };
    const agenda = [...meeting.agenda, ...plan.add];
    await db.meetings.update(meetingId, { agenda });
    await appendAudit(db, { at, entity: 'agenda', entityId: meetingId, action: 'add', detail: { added: plan.add, deferred: plan.deferred, refused: plan.refused } });
    return { ...plan, agenda };
  });
}

/** Takes a case off the agenda; refused once the case has a proposal in this meeting. */
export async function removeFromAgenda(db: CouncilDb, meetingId: string, caseId: string, at: string = nowIso()): Promise<string[]> {
  return db.transaction('rw', [db.meetings, db.proposals, db.audit, db.settings], async () => {
    const meeting = await changeableMeeting(db, meetingId);
    const index = meeting.agenda.indexOf(caseId);
    if (index < 0) throw new MeetingError('NOT_ON_AGENDA', `Case ${caseId} is not on the agenda of meeting ${meetingId}.`, { caseId });
    if ((await db.proposals.where('[meetingId+caseId]').equals([meetingId, caseId]).count()) > 0) {
      throw new MeetingError('HAS_PROPOSAL', `Case ${caseId} has a proposal in meeting ${meetingId}: it stays on the agenda.`, { caseId });
    }
    const agenda = meeting.agenda.filter((id) => id !== caseId);
    await db.meetings.update(meetingId, { agenda });
    await appendAudit(db, { at, entity: 'agenda', entityId: meetingId, action: 'remove', detail: { caseId, position: index + 1 } });
    return agenda;
  });
}

/** Moves the agenda item at index `from` to index `to` (0-based); the audit entry names positions from 1. */
export async function moveAgendaItem(db: CouncilDb, meetingId: string, from: number, to: number, at: string = nowIso()): Promise<string[]> {
  return db.transaction('rw', [db.meetings, db.audit, db.settings], async () => {
    const meeting = await changeableMeeting(db, meetingId);
    const n = meeting.agenda.length;
    const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
    if (!inRange(from) || !inRange(to)) throw new MeetingError('BAD_POSITION', `Positions ${from} and ${to} are not both on an agenda of ${n} cases.`);
    if (from === to) return meeting.agenda;
    const agenda = [...meeting.agenda];
    const [caseId] = agenda.splice(from, 1) as [string];
    agenda.splice(to, 0, caseId);
    await db.meetings.update(meetingId, { agenda });
    await appendAudit(db, { at, entity: 'agenda', entityId: meetingId, action: 'move', detail: { caseId, fromPosition: from + 1, toPosition: to + 1 } });
    return agenda;
  });
}

/**
 * Opens a planned meeting. The attendance is brought up to the roster of the moment: a member
 * who became a voting member since the meeting was planned gets an entry; an entry of one who no
 * longer votes goes, unless it records an arrival.
 */
export async function openMeeting(db: CouncilDb, meetingId: string, at: string = nowIso()): Promise<MeetingRow> {
  return db.transaction('rw', [db.meetings, db.members, db.audit, db.settings], async () => {
    const meeting = await changeableMeeting(db, meetingId);
    if (meeting.status !== 'planned') throw new MeetingError('BAD_TRANSITION', `Meeting ${meetingId} is ${meeting.status}, not planned.`, { status: meeting.status });
    const voters = initialAttendance(await db.members.toArray());
    const kept = new Map(meeting.attendance.map((a) => [a.memberId, a]));
    const voterIds = new Set(voters.map((v) => v.memberId));
    const attendance = [
      ...voters.map((v) => kept.get(v.memberId) ?? v),
      ...meeting.attendance.filter((a) => !voterIds.has(a.memberId) && (a.present || a.arrivedAt !== null)),
    ];
    const next: MeetingRow = { ...meeting, status: 'open', openedAt: at, attendance };
    await db.meetings.put(next);
    await appendAudit(db, { at, entity: 'meeting', entityId: meetingId, action: 'open', detail: { openedAt: at, attendance: attendance.map((a) => a.memberId) } });
    return next;
  });
}

/** Closes an open meeting; refused while one of its proposals is open. */
export async function closeMeeting(db: CouncilDb, meetingId: string, at: string = nowIso()): Promise<MeetingRow> {
  return db.transaction('rw', [db.meetings, db.proposals, db.audit, db.settings], async () => {
    const meeting = await changeableMeeting(db, meetingId);
    if (meeting.status !== 'open') throw new MeetingError('BAD_TRANSITION', `Meeting ${meetingId} is ${meeting.status}, not open.`, { status: meeting.status });
    const open = await db.proposals.where('meetingId').equals(meetingId).filter((p) => p.status === 'open').first();
    if (open) throw new MeetingError('PROPOSAL_OPEN', `Proposal ${open.no} on case ${open.caseId} is still open.`, { caseId: open.caseId });
    const next: MeetingRow = { ...meeting, status: 'closed', closedAt: at };
    await db.meetings.put(next);
    await appendAudit(db, { at, entity: 'meeting', entityId: meetingId, action: 'close', detail: { closedAt: at, agenda: meeting.agenda.length } });
    return next;
  });
}
