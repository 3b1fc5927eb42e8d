/**
 * The checks every write of the room makes inside its transaction: the meeting exists and is open,
 * the case is on its agenda and (for most changes) not locked by a decision, the member votes.
 * `roomTransaction` is the one read-write scope of the room's writes (with audit and settings, so
 * appendAudit can name the operator); a vote's, `voteTransaction`, leaves out the bundles. Each
 * check also comes as a function of rows already read (`meetingOpen`, `caseUnlocked`), for a
 * write that reads all its rows at once.
 */
import { votingMembers } from '../../../shared/meeting/counting';
import type { CaseRow, DecisionRow, MeetingRow, MemberRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { operatorOf } from '../../db/settings';
import { RoomRefusal } from './room-refusal';

/** Options of every write: the moment it happens (tests pass it; the screen uses the clock). */
export interface When {
  now?: string;
}

export function nowOf(when: When | undefined): string {
  return when?.now ?? new Date().toISOString();
}

/** What a vote reads and writes: the room's scope but for the bundles. */
function voteTables(db: CouncilDb) {
  return [db.meetings, db.members, db.cases, db.recusals, db.proposals, db.votes, db.decisions, db.audit, db.settings];
}

export function roomTransaction<T>(db: CouncilDb, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...voteTables(db), db.bundles], work);
}

/**
 * A vote's transaction: each table more in a read-write transaction costs its opening and commit,
 * and a vote, the room's most frequent write, reads no bundle.
 */
export function voteTransaction<T>(db: CouncilDb, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', voteTables(db), work);
}

export async function openMeeting(db: CouncilDb, meetingId: string): Promise<MeetingRow> {
  return meetingOpen(await db.meetings.get(meetingId), meetingId);
}

/** openMeeting's check on the row already read (a write that reads its rows at once). */
export function meetingOpen(meeting: MeetingRow | undefined, meetingId: string): MeetingRow {
  if (!meeting) throw new RoomRefusal('MEETING_NOT_FOUND', { meetingId }, `Meeting ${meetingId} is not stored.`);
  if (meeting.status !== 'open') {
    throw new RoomRefusal('MEETING_NOT_OPEN', { meetingId, status: meeting.status }, `Meeting ${meetingId} is ${meeting.status}, not open.`);
  }
  return meeting;
}

export async function agendaCase(db: CouncilDb, meeting: MeetingRow, caseId: string): Promise<CaseRow> {
  onAgenda(meeting, caseId);
  return caseStored(await db.cases.get(caseId), caseId);
}

function onAgenda(meeting: MeetingRow, caseId: string): void {
  if (!meeting.agenda.includes(caseId)) {
    throw new RoomRefusal('CASE_NOT_ON_AGENDA', { caseId, meetingId: meeting.meetingId }, `Case ${caseId} is not on the agenda of ${meeting.meetingId}.`);
  }
}

function caseStored(row: CaseRow | undefined, caseId: string): CaseRow {
  if (!row) throw new RoomRefusal('CASE_NOT_FOUND', { caseId }, `Case ${caseId} is not stored.`);
  return row;
}

/** The case's decision of the highest revision, if any. */
export async function latestDecision(db: CouncilDb, caseId: string): Promise<DecisionRow | undefined> {
  return latestOf(await caseDecisions(db, caseId));
}

export function caseDecisions(db: CouncilDb, caseId: string): Promise<DecisionRow[]> {
  return db.decisions.where('caseId').equals(caseId).toArray();
}

function latestOf(rows: readonly DecisionRow[]): DecisionRow | undefined {
  return rows.reduce<DecisionRow | undefined>((best, d) => (best === undefined || d.revision > best.revision ? d : best), undefined);
}

/**
 * A decided case is locked (until reopened). A deferred case is locked in the meeting that
 * deferred it; on a later meeting's agenda it is decided again (the next revision).
 */
export function isLocked(row: Pick<CaseRow, 'status'>, latest: DecisionRow | undefined, meetingId: string): boolean {
  if (row.status === 'decided') return true;
  return row.status === 'deferred' && latest !== undefined && latest.reopened === null && latest.meetingId === meetingId;
}

export async function unlockedCase(db: CouncilDb, meeting: MeetingRow, caseId: string): Promise<CaseRow> {
  const [row, decisions] = await Promise.all([db.cases.get(caseId), caseDecisions(db, caseId)]);
  return caseUnlocked(meeting, caseId, row, decisions);
}

/** unlockedCase's checks on the rows already read: on the agenda, stored, not locked. */
export function caseUnlocked(meeting: MeetingRow, caseId: string, stored: CaseRow | undefined, decisions: readonly DecisionRow[]): CaseRow {
  onAgenda(meeting, caseId);
  const row = caseStored(stored, caseId);
  if (isLocked(row, latestOf(decisions), meeting.meetingId)) {
    throw new RoomRefusal('CASE_LOCKED', { caseId, status: row.status }, `Case ${caseId} is ${row.status}; reopen it first.`);
  }
  return row;
}

export async function roster(db: CouncilDb): Promise<MemberRow[]> {
  return db.members.toArray();
}

export function votingMember(members: readonly MemberRow[], memberId: string): MemberRow {
  const member = votingMembers(members).find((m) => m.memberId === memberId) as MemberRow | undefined;
  if (!member) throw new RoomRefusal('NOT_A_VOTING_MEMBER', { memberId }, `${memberId} is not a voting member.`);
  return member;
}

export async function operator(db: CouncilDb): Promise<string | null> {
  return operatorOf((await db.settings.get('operator'))?.value);
}

export function requireReason(reason: string, what: string): string {
  const trimmed = reason.trim();
  if (trimmed === '') throw new RoomRefusal('REASON_REQUIRED', { what }, `A reason is required (${what}).`);
  return trimmed;
}
