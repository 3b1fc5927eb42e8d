/**
 * The roster in the database (renderer/db/members.ts): adding and editing members, declaring and
 * withdrawing conflicts, each change audited in the operator's name, refused with a code by field
 * (the screen: roster.test.tsx).
 */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetAnnouncer } from '../../renderer/common/announcer';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { addMember, declareConflict, nextMemberId, RosterError, updateMember, withdrawConflict, type RosterIssueCode } from '../../renderer/db/members';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { storeDemoMembers } from '../../renderer/bundles/demo-import';
import { chooseOperator } from '../../renderer/welcome';
import { demoCouncil } from './support/demo-council';
import { freshDbName } from './support/render-app';
import { meetingRow } from './support/room-meeting';

let db: CouncilDb;
beforeEach(async () => {
  db = openCouncilDb(freshDbName());
  resetAnnouncer();
});

const AT = () => '2023-03-10T14:00:00+09:00';
const memberEntries = async () => (await db.audit.where('entity').equals('member').sortBy('sequence')).filter((e) => e.action !== 'store-demo-members');

/** The codes a change was refused with, by field. */
async function refusal(change: Promise<unknown>): Promise<[string | null, RosterIssueCode][]> {
  const err = await change.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RosterError);
  return (err as RosterError).issues.map((i) => [i.field, i.code]);
}

const edit = (memberId: string, over: Partial<{ name: string; affiliation: string; role: string; active: boolean }> = {}) =>
  db.members.get(memberId).then((m) => ({ name: m!.name, affiliation: m!.affiliation, role: m!.role, active: m!.active, ...over }));

describe('the roster in the database', () => {
  beforeEach(async () => {
    await storeDemoMembers(db, demoCouncil());
  });

  it('stores the demo council with 이도현\'s declared conflict', async () => {
    expect((await db.members.get('m3'))?.conflicts).toEqual([
      expect.objectContaining({ conflictId: 'm3-c1', kind: 'registrationNo', value: '7422419399' }),
    ]);
  });

  it('adds a member under the next id, trimmed, active and with no conflicts, audited with the operator as actor', async () => {
    expect(nextMemberId(await db.members.toArray())).toBe('m6');
    const added = await addMember(db, { name: '  한 서 진 ', affiliation: ' 한국소비자연맹', role: 'member' }, { now: AT });
    expect(added).toEqual({ memberId: 'm6', name: '한 서 진', affiliation: '한국소비자연맹', role: 'member', active: true, conflicts: [] });
    expect(await db.members.get('m6')).toEqual(added);
    const [entry] = await memberEntries();
    expect(entry).toMatchObject({
      entity: 'member',
      entityId: 'm6',
      action: 'add',
      actor: 's1',
      at: AT(),
      detail: { changed: ['name', 'affiliation', 'role', 'active'], before: null, after: { memberId: 'm6', name: '한 서 진', affiliation: '한국소비자연맹', role: 'member', active: true } },
    });
    expect((await addMember(db, { name: '오세훈', affiliation: '사무국', role: 'secretary' })).memberId).toBe('m7');
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('refuses a bad member in words tied to each field, and writes nothing', async () => {
    expect(await refusal(addMember(db, { name: '   ', affiliation: '', role: 'boss' }))).toEqual([
      ['name', 'NAME_REQUIRED'],
      ['affiliation', 'AFFILIATION_REQUIRED'],
      ['role', 'ROLE_INVALID'],
    ]);
    expect(await refusal(addMember(db, { name: '가'.repeat(101), affiliation: 'x'.repeat(101), role: 'member' }))).toEqual([
      ['name', 'NAME_TOO_LONG'],
      ['affiliation', 'AFFILIATION_TOO_LONG'],
    ]);
    // 100 characters, once trimmed, is allowed.
    expect((await addMember(db, { name: ` ${'가'.repeat(100)} `, affiliation: 'x', role: 'member' })).name).toHaveLength(100);
    expect(await refusal(updateMember(db, 'm9', { name: 'a', affiliation: 'b', role: 'member', active: true }))).toEqual([[null, 'MEMBER_NOT_FOUND']]);
    const err = await addMember(db, { name: '', affiliation: 'x', role: 'member' }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('The name is empty.');
    expect(await db.members.count()).toBe(7);
    expect(await memberEntries()).toHaveLength(1);
  });

  it('edits name, affiliation, role and active, auditing only what changed, before and after; nothing changed, no entry', async () => {
    await updateMember(db, 'm4', await edit('m4', { affiliation: '녹색소비자연대', active: false }), { now: AT });
    expect(await db.members.get('m4')).toMatchObject({ affiliation: '녹색소비자연대', active: false, role: 'member' });
    expect((await memberEntries()).map((e) => e.detail)).toEqual([
      { changed: ['affiliation', 'active'], before: { affiliation: '한국소비자연맹', active: true }, after: { affiliation: '녹색소비자연대', active: false } },
    ]);
    await updateMember(db, 'm4', await edit('m4'));
    expect(await memberEntries()).toHaveLength(1);
    // Inactive, not deleted: votes keep naming the member.
    expect(await db.members.count()).toBe(6);
  });

  it('refuses to make the operator inactive, with a reason naming them', async () => {
    expect(await refusal(updateMember(db, 's1', await edit('s1', { active: false })))).toEqual([['active', 'OPERATOR_DEACTIVATE']]);
    const err = await updateMember(db, 's1', await edit('s1', { active: false })).catch((e: unknown) => e);
    expect((err as Error).message).toContain('윤하늘 is the operator');
    expect((await db.members.get('s1'))?.active).toBe(true);
    // Once someone else is the operator, the member may leave.
    await writeSetting(db, 'operator', 'm2');
    await updateMember(db, 's1', await edit('s1', { active: false }));
    expect((await db.members.get('s1'))?.active).toBe(false);
    expect((await memberEntries())[0]).toMatchObject({ entityId: 's1', actor: 'm2' });
    // And one who left cannot be chosen as the operator again.
    await expect(chooseOperator(db, 's1')).rejects.toThrow(/no longer an active member/);
  });

  it('keeps one active chair: another chair needs a confirmation, which makes the chair before a member, both audited', async () => {
    expect(await refusal(updateMember(db, 'm2', await edit('m2', { role: 'chair' })))).toEqual([['role', 'CHAIR_CONFIRM_NEEDED']]);
    const err = await updateMember(db, 'm2', await edit('m2', { role: 'chair' })).catch((e: RosterError) => e);
    expect((err as RosterError).issues[0]?.params).toEqual({ chair: '정한결' });
    expect(await refusal(addMember(db, { name: '새위원장', affiliation: 'x', role: 'chair' }))).toEqual([['role', 'CHAIR_CONFIRM_NEEDED']]);
    expect(await memberEntries()).toEqual([]);

    await updateMember(db, 'm2', await edit('m2', { role: 'chair' }), { replaceChair: true, now: AT });
    expect((await db.members.toArray()).filter((m) => m.role === 'chair').map((m) => m.memberId)).toEqual(['m2']);
    expect((await db.members.get('m1'))?.role).toBe('member');
    expect((await memberEntries()).map((e) => [e.entityId, e.action, e.actor, e.detail])).toEqual([
      ['m2', 'update', 's1', { changed: ['role'], before: { role: 'member' }, after: { role: 'chair' } }],
      ['m1', 'update', 's1', { changed: ['role'], before: { role: 'chair' }, after: { role: 'member' }, replacedBy: 'm2' }],
    ]);

    // An inactive chair is no chair: a new one needs no confirmation, but making the old one active again does.
    await updateMember(db, 'm2', await edit('m2', { active: false }));
    await updateMember(db, 'm5', await edit('m5', { role: 'chair' }));
    expect(await refusal(updateMember(db, 'm2', await edit('m2', { active: true })))).toEqual([['role', 'CHAIR_CONFIRM_NEEDED']]);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('keeps the voting members of an open meeting as they are until it closes, so its counts never change under the room', async () => {
    await db.meetings.put(meetingRow({ status: 'planned', openedAt: null }));
    // Planned: the roster changes as usual (the attendance is brought up to it at the opening).
    await updateMember(db, 'm5', await edit('m5', { active: false }));
    await db.meetings.update('2023-03-02', { status: 'open', openedAt: '2023-03-02T14:00:00+09:00' });
    const before = { members: await db.members.toArray(), entries: (await memberEntries()).length };

    // A voting member in its attendance is not made inactive, secretary, chair, nor (the chair) a member.
    expect(await refusal(updateMember(db, 'm4', await edit('m4', { active: false })))).toEqual([['active', 'MEMBER_IN_OPEN_MEETING']]);
    const err = await updateMember(db, 'm4', await edit('m4', { active: false })).catch((e: RosterError) => e);
    expect((err as RosterError).issues[0]?.params).toEqual({ name: '최지아', meeting: '2023-03-02 협의체 회의실' });
    expect(await refusal(updateMember(db, 'm4', await edit('m4', { role: 'secretary' })))).toEqual([['role', 'MEMBER_IN_OPEN_MEETING']]);
    // Asked before the chair question: no chair changes hands mid-meeting.
    expect(await refusal(updateMember(db, 'm2', await edit('m2', { role: 'chair' }), { replaceChair: true }))).toEqual([['role', 'MEMBER_IN_OPEN_MEETING']]);
    expect(await refusal(updateMember(db, 'm1', await edit('m1', { role: 'member' })))).toEqual([['role', 'MEMBER_IN_OPEN_MEETING']]);
    // Nobody becomes a voting member meanwhile either: added, made active again, no longer secretary.
    expect(await refusal(addMember(db, { name: '한서진', affiliation: '한국소비자연맹', role: 'member' }))).toEqual([['role', 'VOTERS_FIXED_IN_OPEN_MEETING']]);
    expect(await refusal(updateMember(db, 'm5', await edit('m5', { active: true })))).toEqual([['active', 'VOTERS_FIXED_IN_OPEN_MEETING']]);
    expect(await refusal(updateMember(db, 's1', await edit('s1', { role: 'member' })))).toEqual([['role', 'VOTERS_FIXED_IN_OPEN_MEETING']]);
    expect({ members: await db.members.toArray(), entries: (await memberEntries()).length }).toEqual(before);

    // What leaves the count alone goes on: a name or an affiliation, a secretary added.
    await updateMember(db, 'm4', await edit('m4', { affiliation: '녹색소비자연대' }));
    expect((await addMember(db, { name: '오세훈', affiliation: '사무국', role: 'secretary' })).memberId).toBe('m6');

    // Closed, the member may leave.
    await db.meetings.update('2023-03-02', { status: 'closed', closedAt: '2023-03-02T17:00:00+09:00' });
    expect((await updateMember(db, 'm4', await edit('m4', { active: false }))).active).toBe(false);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('declares a conflict: a registration number stored as its digits, under the member\'s next conflict id', async () => {
    const c = await declareConflict(db, 'm3', { kind: 'registrationNo', value: ' 123-45-67891 ', reason: ' 친족의 사업장 ' }, { now: AT });
    expect(c).toEqual({ conflictId: 'm3-c2', kind: 'registrationNo', value: '1234567891', reason: '친족의 사업장', declaredAt: AT() });
    expect((await db.members.get('m3'))?.conflicts.map((x) => x.conflictId)).toEqual(['m3-c1', 'm3-c2']);
    expect((await memberEntries())[0]).toMatchObject({
      entityId: 'm3',
      action: 'declare-conflict',
      actor: 's1',
      detail: { changed: ['conflicts'], conflict: c, before: { conflicts: ['m3-c1'] }, after: { conflicts: ['m3-c1', 'm3-c2'] } },
    });
    expect((await declareConflict(db, 'm5', { kind: 'businessName', value: '플라워'.normalize('NFD'), reason: '지분 보유' })).value).toBe('플라워');
  });

  it('refuses a conflict that is badly formed, or already declared (the same digits, the same name as read)', async () => {
    const bad = (input: object) => refusal(declareConflict(db, 'm2', input));
    expect(await bad({ kind: 'registrationNo', value: '123-45-6789', reason: 'r' })).toEqual([['value', 'REGISTRATION_NO_FORMAT']]);
    expect(await bad({ kind: 'registrationNo', value: '123-45-6789a', reason: 'r' })).toEqual([['value', 'REGISTRATION_NO_FORMAT']]);
    expect(await bad({ kind: 'registrationNo', value: '', reason: '' })).toEqual([['value', 'CONFLICT_VALUE_REQUIRED'], ['reason', 'REASON_REQUIRED']]);
    expect(await bad({ kind: 'region', value: '종로구', reason: 'x'.repeat(501) })).toEqual([['reason', 'REASON_TOO_LONG']]);
    expect(await bad({ kind: 'friend', value: 'x', reason: 'r' })).toEqual([['kind', 'CONFLICT_KIND_INVALID']]);
    expect(await refusal(declareConflict(db, 'm3', { kind: 'registrationNo', value: '742-24-19399', reason: 'again' }))).toEqual([['value', 'CONFLICT_DUPLICATE']]);
    await declareConflict(db, 'm2', { kind: 'businessName', value: '오늘의 플라워', reason: 'r' });
    expect(await bad({ kind: 'businessName', value: '오늘의플라워'.normalize('NFD'), reason: 'r' })).toEqual([['value', 'CONFLICT_DUPLICATE']]);
    // The same words as another kind are another conflict.
    await declareConflict(db, 'm2', { kind: 'region', value: '오늘의 플라워', reason: 'r' });
    expect(await refusal(declareConflict(db, 'x9', { kind: 'region', value: 'a', reason: 'r' }))).toEqual([[null, 'MEMBER_NOT_FOUND']]);
    expect((await db.members.get('m2'))?.conflicts).toHaveLength(2);
  });

  it('withdraws a conflict: gone from the member, kept whole in the audit, its id never given again', async () => {
    const demo = (await db.members.get('m3'))!.conflicts[0]!;
    expect(await withdrawConflict(db, 'm3', 'm3-c1', { now: AT })).toEqual(demo);
    expect((await db.members.get('m3'))?.conflicts).toEqual([]);
    expect((await memberEntries())[0]).toMatchObject({
      entityId: 'm3',
      action: 'withdraw-conflict',
      actor: 's1',
      detail: { changed: ['conflicts'], conflict: demo, before: { conflicts: ['m3-c1'] }, after: { conflicts: [] } },
    });
    expect(await refusal(withdrawConflict(db, 'm3', 'm3-c1'))).toEqual([[null, 'CONFLICT_NOT_FOUND']]);
    const declared = await declareConflict(db, 'm3', { kind: 'region', value: '종로구', reason: 'r' });
    await withdrawConflict(db, 'm3', declared.conflictId);
    expect(declared.conflictId).toBe('m3-c2');
    expect((await declareConflict(db, 'm3', { kind: 'region', value: '종로구', reason: 'r' })).conflictId).toBe('m3-c3');
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });
});
