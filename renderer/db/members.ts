/**
 * The roster's changes: add a member, edit one (name, affiliation, role, active), declare a
 * conflict of interest, withdraw one. Each is one read-write transaction with its audit entry
 * (entity 'member'; the detail says what changed, before and after), so the change and its record
 * commit together or not at all. Input is checked first (member-input.ts); a refusal is a
 * RosterError whose issues the form shows beside their fields.
 *
 * Rules: at most one active chair (making someone else chair needs `replaceChair`, which makes the
 * chair before a member, audited too); the operator cannot be made inactive; a member is never
 * deleted, because votes and decisions name them: one who leaves is made inactive. A withdrawn
 * conflict leaves the member but stays in the audit entry that withdrew it.
 *
 * While a meeting is open its counts rest on the voting members (FORMATS.md, "Counting rules":
 * members(c) is |V| minus the recused, whether present or not, and the tie rule asks the chair),
 * and every voting member is in its attendance from its opening. So the voting members stay as
 * they are until it closes: a voting member is not made inactive, secretary, chair or no longer
 * chair (MEMBER_IN_OPEN_MEETING), and nobody is made a voting member, added, made active again or
 * no longer secretary (VOTERS_FIXED_IN_OPEN_MEETING). Names, affiliations, conflicts and a
 * secretary's changes go on as usual.
 */
import type { DeclaredConflict } from '../../shared/council';
import { conflictKey } from '../../shared/meeting/conflicts';
import { votingMembers } from '../../shared/meeting/counting';
import { appendAudit } from './audit';
import { parseConflictInput, parseMemberEdit, parseMemberInput, refuse, type MemberEdit } from './member-input';
import type { MemberRow } from './rows';
import type { CouncilDb } from './schema';
import { operatorOf } from './settings';

export { RosterError, type ConflictInput, type MemberEdit, type MemberInput, type RosterField, type RosterIssue, type RosterIssueCode } from './member-input';

export interface RosterOptions {
  /** The time of the change (ISO 8601); now by default. */
  now?: () => string;
  /** The user confirmed that the active chair (another member) becomes a member. */
  replaceChair?: boolean;
}

const EDITED = ['name', 'affiliation', 'role', 'active'] as const;

/** The next free id of the form m6: one more than the highest mN in the roster. */
export function nextMemberId(members: readonly Pick<MemberRow, 'memberId'>[]): string {
  let highest = 0;
  for (const { memberId } of members) {
    const n = /^m(\d+)$/.exec(memberId);
    if (n) highest = Math.max(highest, Number(n[1]));
  }
  return `m${highest + 1}`;
}

function scope(db: CouncilDb) {
  return [db.members, db.meetings, db.settings, db.audit];
}

const votes = (m: Pick<MemberRow, 'memberId' | 'role' | 'active'>) => votingMembers([m]).length === 1;

/**
 * Refuses a change of who votes, or of who chairs, while a meeting is open (see the top): `before`
 * null for a member being added. The refusal names the meeting and sits on the field that changed.
 */
async function keepOpenMeetingVoters(db: CouncilDb, before: MemberRow | null, after: MemberRow): Promise<void> {
  const wasVoter = before !== null && votes(before);
  const isVoter = votes(after);
  const chairChanged = before !== null && before.role !== after.role && (before.role === 'chair' || after.role === 'chair');
  if (!wasVoter && !isVoter) return;
  if (wasVoter && isVoter && !chairChanged) return;
  const open = await db.meetings.where('status').equals('open').first();
  if (!open) return;
  const field = before !== null && before.active !== after.active ? 'active' : 'role';
  refuse(field, wasVoter ? 'MEMBER_IN_OPEN_MEETING' : 'VOTERS_FIXED_IN_OPEN_MEETING', { name: after.name, meeting: `${open.date} ${open.place}` });
}

async function memberOrRefuse(db: CouncilDb, memberId: string): Promise<MemberRow> {
  const member = await db.members.get(memberId);
  return member ?? refuse(null, 'MEMBER_NOT_FOUND', { memberId });
}

/**
 * Keeps one active chair: when `member` is (now) an active chair, any other active chair is made a
 * member, once the user confirmed it; without the confirmation the change is refused, naming the
 * chair. The demotions are audited after the change that caused them.
 */
async function otherChairs(db: CouncilDb, member: MemberRow, options: RosterOptions): Promise<MemberRow[]> {
  if (member.role !== 'chair' || !member.active) return [];
  const others = (await db.members.where('role').equals('chair').toArray()).filter((m) => m.active && m.memberId !== member.memberId);
  if (others.length > 0 && !options.replaceChair) refuse('role', 'CHAIR_CONFIRM_NEEDED', { chair: others.map((m) => m.name).join(', ') });
  return others;
}

async function demoteChairs(db: CouncilDb, chairs: readonly MemberRow[], newChair: string, at: string): Promise<void> {
  for (const chair of chairs) {
    await db.members.put({ ...chair, role: 'member' });
    await appendAudit(db, {
      at,
      entity: 'member',
      entityId: chair.memberId,
      action: 'update',
      detail: { changed: ['role'], before: { role: 'chair' }, after: { role: 'member' }, replacedBy: newChair },
    });
  }
}

function snapshot(m: MemberRow) {
  return { memberId: m.memberId, name: m.name, affiliation: m.affiliation, role: m.role, active: m.active };
}

/** Adds an active member with no conflicts under the next free id (m6, m7, ...). */
export async function addMember(db: CouncilDb, input: unknown, options: RosterOptions = {}): Promise<MemberRow> {
  const fields = parseMemberInput(input);
  const at = (options.now ?? (() => new Date().toISOString()))();
  return db.transaction('rw', scope(db), async () => {
    const member: MemberRow = { memberId: nextMemberId(await db.members.toArray()), ...fields, active: true, conflicts: [] };
    await keepOpenMeetingVoters(db, null, member);
    const chairs = await otherChairs(db, member, options);
    // add, not put: an id taken after all is an error, never an overwrite.
    await db.members.add(member);
    await appendAudit(db, { at, entity: 'member', entityId: member.memberId, action: 'add', detail: { changed: [...EDITED], before: null, after: snapshot(member) } });
    await demoteChairs(db, chairs, member.memberId, at);
    return member;
  });
}

/** Changes a member's name, affiliation, role and whether active; no entry when nothing changed. */
export async function updateMember(db: CouncilDb, memberId: string, input: unknown, options: RosterOptions = {}): Promise<MemberRow> {
  const edit = parseMemberEdit(input);
  const at = (options.now ?? (() => new Date().toISOString()))();
  return db.transaction('rw', scope(db), async () => {
    const before = await memberOrRefuse(db, memberId);
    const changed = EDITED.filter((key) => before[key] !== edit[key]);
    if (changed.length === 0) return before;
    if (before.active && !edit.active && operatorOf((await db.settings.get('operator'))?.value) === memberId) {
      refuse('active', 'OPERATOR_DEACTIVATE', { name: before.name });
    }
    const after: MemberRow = { ...before, ...edit };
    await keepOpenMeetingVoters(db, before, after);
    const chairs = await otherChairs(db, after, options);
    await db.members.put(after);
    const pick = (m: MemberEdit) => Object.fromEntries(changed.map((key) => [key, m[key]]));
    await appendAudit(db, { at, entity: 'member', entityId: memberId, action: 'update', detail: { changed, before: pick(before), after: pick(after) } });
    await demoteChairs(db, chairs, memberId, at);
    return after;
  });
}

/**
 * The next conflict id of a member, m3-c2 after m3-c1: past every id the member holds or ever
 * declared or withdrew (a withdrawn conflict's id is named by its audit entries and recusals, so
 * it is never given again; a conflict stored with the demo council has no declaring entry).
 */
async function nextConflictId(db: CouncilDb, member: MemberRow): Promise<string> {
  const recorded = await db.audit
    .where('entity')
    .equals('member')
    .filter((e) => e.entityId === member.memberId && (e.action === 'declare-conflict' || e.action === 'withdraw-conflict'))
    .toArray();
  const ids = [...member.conflicts.map((c) => c.conflictId), ...recorded.map((e) => String((e.detail.conflict as DeclaredConflict | undefined)?.conflictId ?? ''))];
  const prefix = `${member.memberId}-c`;
  let highest = 0;
  for (const id of ids) {
    const n = id.startsWith(prefix) ? id.slice(prefix.length) : '';
    if (/^\d+$/.test(n)) highest = Math.max(highest, Number(n));
  }
  return `${prefix}${highest + 1}`;
}

const ids = (conflicts: readonly DeclaredConflict[]) => conflicts.map((c) => c.conflictId);

/** Declares a conflict of interest for a member: a registration number is stored as its 10 digits. */
export async function declareConflict(db: CouncilDb, memberId: string, input: unknown, options: RosterOptions = {}): Promise<DeclaredConflict> {
  const fields = parseConflictInput(input);
  const declaredAt = (options.now ?? (() => new Date().toISOString()))();
  return db.transaction('rw', scope(db), async () => {
    const member = await memberOrRefuse(db, memberId);
    const key = conflictKey(fields.kind, fields.value);
    if (member.conflicts.some((c) => c.kind === fields.kind && conflictKey(c.kind, c.value) === key)) refuse('value', 'CONFLICT_DUPLICATE');
    const conflict: DeclaredConflict = { conflictId: await nextConflictId(db, member), ...fields, declaredAt };
    const conflicts = [...member.conflicts, conflict];
    await db.members.put({ ...member, conflicts });
    await appendAudit(db, {
      at: declaredAt,
      entity: 'member',
      entityId: memberId,
      action: 'declare-conflict',
      detail: { changed: ['conflicts'], conflict, before: { conflicts: ids(member.conflicts) }, after: { conflicts: ids(conflicts) } },
    });
    return conflict;
  });
}

/** Withdraws a declared conflict: gone from the member, kept whole in the audit entry. */
export async function withdrawConflict(db: CouncilDb, memberId: string, conflictId: string, options: RosterOptions = {}): Promise<DeclaredConflict> {
  const at = (options.now ?? (() => new Date().toISOString()))();
  return db.transaction('rw', scope(db), async () => {
    const member = await memberOrRefuse(db, memberId);
    const conflict = member.conflicts.find((c) => c.conflictId === conflictId) ?? refuse(null, 'CONFLICT_NOT_FOUND', { memberId, conflictId });
    const conflicts = member.conflicts.filter((c) => c.conflictId !== conflictId);
    await db.members.put({ ...member, conflicts });
    await appendAudit(db, {
      at,
      entity: 'member',
      entityId: memberId,
      action: 'withdraw-conflict',
      detail: { changed: ['conflicts'], conflict, before: { conflicts: ids(member.conflicts) }, after: { conflicts: ids(conflicts) } },
    });
    return conflict;
  });
}
