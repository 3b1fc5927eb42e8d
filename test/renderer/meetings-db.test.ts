/**
 * Meetings and their agenda in the database (renderer/meeting/meetings-db.ts): each change with
 * its audit entry in one transaction, the checks of a new meeting, what the agenda refuses, the
 * status planned -> open -> closed, and a closed meeting that refuses every change.
 */
import { describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import type { ProposalRow } from '../../renderer/db/rows';
import { DEFAULT_COUNTING_RULES, type CountingRules } from '../../shared/meeting/rules';
import {
  addToAgenda,
  closeMeeting,
  COUNCIL_RULES_SETTING,
  createMeeting,
  listMeetings,
  moveAgendaItem,
  openMeeting,
  planAgendaAdd,
  removeFromAgenda,
  updateMeetingDetails,
} from '../../renderer/meeting/meetings-db';
import { MeetingError } from '../../renderer/meeting/meeting-error';
import { freshDbEachTest } from './support/fresh-db';
import { caseIdOf, decision, seedMeetingCouncil } from './support/meeting-council';

let db: CouncilDb;
freshDbEachTest((fresh) => (db = fresh));

const AT = '2023-03-01T09:00:00+09:00';
const details = { meetingId: '2023-03-02', date: '2023-03-02', place: '협의체 회의실', startTime: '14:00' };

async function seeded() {
  await seedMeetingCouncil(db);
  return createMeeting(db, details, AT);
}

async function refusal(promise: Promise<unknown>): Promise<MeetingError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MeetingError);
  return err as MeetingError;
}

const lastAudit = () => db.audit.orderBy('sequence').last();

function proposal(caseId: string, status: ProposalRow['status'], meetingId = details.meetingId): ProposalRow {
  return { meetingId, caseId, no: 1, outcome: 'award', tier: 'T1', amount: 30_000, fromSuggestion: true, missingDocuments: [], status, openedAt: AT, closedAt: null, tally: null };
}

describe('createMeeting', () => {
  it('stores a planned meeting with the default rules and one absent entry per voting member, audited by the operator', async () => {
    const row = await seeded();
    expect(row).toEqual({
      ...details,
      rules: DEFAULT_COUNTING_RULES,
      agenda: [],
      attendance: ['m1', 'm2', 'm3', 'm4', 'm5'].map((memberId) => ({ memberId, present: false, arrivedAt: null, leftAt: null })),
      status: 'planned',
      createdAt: AT,
      openedAt: null,
      closedAt: null,
    });
    expect(await db.meetings.get(details.meetingId)).toEqual(row);
    expect(await lastAudit()).toMatchObject({
      entity: 'meeting',
      entityId: '2023-03-02',
      action: 'create',
      actor: 's1',
      at: AT,
      detail: { date: '2023-03-02', place: '협의체 회의실', startTime: '14:00', rules: DEFAULT_COUNTING_RULES, attendance: ['m1', 'm2', 'm3', 'm4', 'm5'] },
    });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it("starts with the council's own stored rules, and leaves an inactive member out of the attendance", async () => {
    await seedMeetingCouncil(db);
    const own: CountingRules = { quorum: { type: 'atLeast', count: 3 }, passing: 'majority-of-cast', recusedInBase: true, tie: 'chair-decides' };
    await db.settings.put({ key: COUNCIL_RULES_SETTING, value: own });
    await db.members.update('m5', { active: false });
    const row = await createMeeting(db, details, AT);
    expect(row.rules).toEqual(own);
    expect(row.attendance.map((a) => a.memberId)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('ignores stored rules that are not sound, and takes the rules given instead of the default', async () => {
    await seedMeetingCouncil(db);
    await db.settings.put({ key: COUNCIL_RULES_SETTING, value: { quorum: 'most' } });
    expect((await createMeeting(db, details, AT)).rules).toEqual(DEFAULT_COUNTING_RULES);
    const given: CountingRules = { ...DEFAULT_COUNTING_RULES, passing: 'two-thirds-of-present' };
    expect((await createMeeting(db, { ...details, meetingId: 'M-2', rules: given }, AT)).rules).toEqual(given);
  });

  it('refuses a bad id, an unreal date, an empty or long place, a bad time, each named, and writes nothing', async () => {
    await seedMeetingCouncil(db);
    const entries = await db.audit.count();
    const err = await refusal(createMeeting(db, { meetingId: '회의 1', date: '2023-02-30', place: '   ', startTime: '24:00' }, AT));
    expect(err.code).toBe('INVALID');
    expect(err.detail.fields).toEqual({ meetingId: 'format', date: 'notReal', place: 'required', startTime: 'format' });
    const long = await refusal(createMeeting(db, { ...details, meetingId: 'x'.repeat(65), date: '2023-3-2', place: '가'.repeat(201), startTime: '2pm' }, AT));
    expect(long.detail.fields).toEqual({ meetingId: 'format', date: 'format', place: 'tooLong', startTime: 'format' });
    expect((await refusal(createMeeting(db, { ...details, meetingId: '' }, AT))).detail.fields).toEqual({ meetingId: 'required' });
    expect(await db.meetings.count()).toBe(0);
    expect(await db.audit.count()).toBe(entries);
  });

  it('accepts the id characters FORMATS.md allows, trims the place, and refuses an id taken', async () => {
    await seedMeetingCouncil(db);
    const row = await createMeeting(db, { ...details, meetingId: 'A-z_0.9', place: '  회의실  ' }, AT);
    expect(row.place).toBe('회의실');
    const err = await refusal(createMeeting(db, { ...details, meetingId: 'A-z_0.9' }, AT));
    expect(err.detail.fields).toEqual({ meetingId: 'taken' });
    expect(await db.meetings.count()).toBe(1);
  });

  it('lists meetings the latest date first', async () => {
    await seedMeetingCouncil(db);
    await createMeeting(db, { ...details, meetingId: 'B', date: '2023-01-05' }, AT);
    await createMeeting(db, { ...details, meetingId: 'C', date: '2023-04-01' }, AT);
    await createMeeting(db, { ...details, meetingId: 'A', date: '2023-01-05' }, AT);
    expect((await listMeetings(db)).map((m) => m.meetingId)).toEqual(['C', 'A', 'B']);
  });
});

describe('updateMeetingDetails', () => {
  it('changes the details while planned, audits what changed from what, and writes nothing for no change', async () => {
    await seeded();
    const row = await updateMeetingDetails(db, details.meetingId, { place: '제2회의실', startTime: '15:30', date: '2023-03-02' }, AT);
    expect(row).toMatchObject({ place: '제2회의실', startTime: '15:30', date: '2023-03-02' });
    expect(await lastAudit()).toMatchObject({
      entity: 'meeting',
      action: 'update',
      detail: { changes: { place: { from: '협의체 회의실', to: '제2회의실' }, startTime: { from: '14:00', to: '15:30' } } },
    });
    const entries = await db.audit.count();
    await updateMeetingDetails(db, details.meetingId, { place: '제2회의실' }, AT);
    expect(await db.audit.count()).toBe(entries);
    expect((await refusal(updateMeetingDetails(db, details.meetingId, { date: '2023-13-01' }, AT))).detail.fields).toEqual({ date: 'notReal' });
  });

  it('refuses once the meeting is open', async () => {
    await seeded();
    await openMeeting(db, details.meetingId, AT);
    expect((await refusal(updateMeetingDetails(db, details.meetingId, { place: '다른 곳' }, AT))).code).toBe('NOT_PLANNED');
  });
});

describe('the agenda', () => {
  it('adds cases in order with one audit entry, and refuses those already on it and unknown ones', async () => {
    await seeded();
    const first = await addToAgenda(db, details.meetingId, [caseIdOf(2), caseIdOf(1)], AT);
    expect(first).toEqual({ add: [caseIdOf(2), caseIdOf(1)], deferred: [], refused: [], agenda: [caseIdOf(2), caseIdOf(1)] });
    expect(await lastAudit()).toMatchObject({ entity: 'agenda', entityId: details.meetingId, action: 'add', actor: 's1', detail: { added: [caseIdOf(2), caseIdOf(1)], deferred: [], refused: [] } });

    const second = await addToAgenda(db, details.meetingId, [caseIdOf(1), caseIdOf(3), caseIdOf(3), '1015-999999'], AT);
    expect(second.add).toEqual([caseIdOf(3)]);
    expect(second.refused).toEqual([
      { caseId: caseIdOf(1), reason: 'on-agenda' },
      { caseId: '1015-999999', reason: 'unknown-case' },
    ]);
    expect((await db.meetings.get(details.meetingId))!.agenda).toEqual([caseIdOf(2), caseIdOf(1), caseIdOf(3)]);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('refuses a decided case (award or reject), takes a reopened one, and marks a deferred one with the documents it waits for', async () => {
    await seeded();
    await db.decisions.bulkPut([
      decision(caseIdOf(1), 'award'),
      decision(caseIdOf(2), 'reject'),
      decision(caseIdOf(3), 'award', { reopened: { reason: '서류 보완', at: AT } }),
      decision(caseIdOf(4), 'defer', { missingDocuments: ['bank-account', 'sales-loss-proof'] }),
      // a later revision settles it: case 5 was deferred, then awarded
      decision(caseIdOf(5), 'defer'),
      decision(caseIdOf(5), 'award', { revision: 2 }),
    ]);
    const ids = [1, 2, 3, 4, 5].map(caseIdOf);
    const plan = await planAgendaAdd(db, details.meetingId, ids);
    const result = await addToAgenda(db, details.meetingId, ids, AT);
    expect(result.add).toEqual([caseIdOf(3), caseIdOf(4)]);
    expect(result.deferred).toEqual([{ caseId: caseIdOf(4), missingDocuments: ['bank-account', 'sales-loss-proof'] }]);
    expect(result.refused).toEqual([
      { caseId: caseIdOf(1), reason: 'decided' },
      { caseId: caseIdOf(2), reason: 'decided' },
      { caseId: caseIdOf(5), reason: 'decided' },
    ]);
    // the preview said the same, and wrote nothing
    expect(plan).toEqual({ add: result.add, deferred: result.deferred, refused: result.refused });
    expect(await lastAudit()).toMatchObject({ action: 'add', detail: { deferred: [{ caseId: caseIdOf(4), missingDocuments: ['bank-account', 'sales-loss-proof'] }] } });
  });

  it('writes nothing when nothing is added', async () => {
    await seeded();
    await db.decisions.put(decision(caseIdOf(1), 'award'));
    const entries = await db.audit.count();
    const result = await addToAgenda(db, details.meetingId, [caseIdOf(1)], AT);
    expect(result).toMatchObject({ add: [], agenda: [] });
    expect(await db.audit.count()).toBe(entries);
  });

  it('moves an item, audited with its positions from 1, and refuses positions off the agenda', async () => {
    await seeded();
    await addToAgenda(db, details.meetingId, [1, 2, 3, 4].map(caseIdOf), AT);
    expect(await moveAgendaItem(db, details.meetingId, 3, 0, AT)).toEqual([4, 1, 2, 3].map(caseIdOf));
    expect(await lastAudit()).toMatchObject({ entity: 'agenda', action: 'move', detail: { caseId: caseIdOf(4), fromPosition: 4, toPosition: 1 } });
    expect(await moveAgendaItem(db, details.meetingId, 1, 2, AT)).toEqual([4, 2, 1, 3].map(caseIdOf));
    expect((await db.meetings.get(details.meetingId))!.agenda).toEqual([4, 2, 1, 3].map(caseIdOf));
    const entries = await db.audit.count();
    expect(await moveAgendaItem(db, details.meetingId, 2, 2, AT)).toEqual([4, 2, 1, 3].map(caseIdOf));
    expect((await refusal(moveAgendaItem(db, details.meetingId, 0, 4, AT))).code).toBe('BAD_POSITION');
    expect((await refusal(moveAgendaItem(db, details.meetingId, -1, 0, AT))).code).toBe('BAD_POSITION');
    expect((await refusal(moveAgendaItem(db, details.meetingId, 0.5, 0, AT))).code).toBe('BAD_POSITION');
    expect(await db.audit.count()).toBe(entries);
  });

  it('removes a case, audited, but not one with a proposal in this meeting', async () => {
    await seeded();
    await addToAgenda(db, details.meetingId, [1, 2, 3].map(caseIdOf), AT);
    expect(await removeFromAgenda(db, details.meetingId, caseIdOf(2), AT)).toEqual([1, 3].map(caseIdOf));
    expect(await lastAudit()).toMatchObject({ entity: 'agenda', action: 'remove', detail: { caseId: caseIdOf(2), position: 2 } });
    // a proposal of another meeting does not hold it
    await db.proposals.put(proposal(caseIdOf(1), 'failed', 'other'));
    await db.proposals.put(proposal(caseIdOf(3), 'failed'));
    expect((await refusal(removeFromAgenda(db, details.meetingId, caseIdOf(3), AT))).code).toBe('HAS_PROPOSAL');
    expect((await refusal(removeFromAgenda(db, details.meetingId, caseIdOf(2), AT))).code).toBe('NOT_ON_AGENDA');
    expect(await removeFromAgenda(db, details.meetingId, caseIdOf(1), AT)).toEqual([caseIdOf(3)]);
  });

  it('refuses every change to a meeting that does not exist', async () => {
    await seedMeetingCouncil(db);
    expect((await refusal(addToAgenda(db, 'nope', [caseIdOf(1)], AT))).code).toBe('NO_SUCH_MEETING');
    expect((await refusal(planAgendaAdd(db, 'nope', [caseIdOf(1)]))).code).toBe('NO_SUCH_MEETING');
    expect((await refusal(openMeeting(db, 'nope', AT))).code).toBe('NO_SUCH_MEETING');
  });
});

describe('status', () => {
  it('goes planned -> open -> closed, with openedAt, closedAt and an audit entry each', async () => {
    await seeded();
    const OPEN = '2023-03-02T14:00:00+09:00';
    const CLOSE = '2023-03-02T17:00:00+09:00';
    const open = await openMeeting(db, details.meetingId, OPEN);
    expect(open).toMatchObject({ status: 'open', openedAt: OPEN, closedAt: null });
    expect(await lastAudit()).toMatchObject({ entity: 'meeting', action: 'open', at: OPEN, detail: { openedAt: OPEN } });
    expect((await refusal(openMeeting(db, details.meetingId, OPEN))).code).toBe('BAD_TRANSITION');
    // the agenda still changes while the meeting is open
    await addToAgenda(db, details.meetingId, [caseIdOf(1)], OPEN);
    const closed = await closeMeeting(db, details.meetingId, CLOSE);
    expect(closed).toMatchObject({ status: 'closed', openedAt: OPEN, closedAt: CLOSE });
    expect(await lastAudit()).toMatchObject({ entity: 'meeting', action: 'close', detail: { closedAt: CLOSE, agenda: 1 } });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('does not close a planned meeting, nor one with a proposal open', async () => {
    await seeded();
    expect((await refusal(closeMeeting(db, details.meetingId, AT))).code).toBe('BAD_TRANSITION');
    await openMeeting(db, details.meetingId, AT);
    await addToAgenda(db, details.meetingId, [caseIdOf(1)], AT);
    await db.proposals.put(proposal(caseIdOf(1), 'open'));
    const err = await refusal(closeMeeting(db, details.meetingId, AT));
    expect(err.code).toBe('PROPOSAL_OPEN');
    expect(err.detail.caseId).toBe(caseIdOf(1));
    expect((await db.meetings.get(details.meetingId))!.status).toBe('open');
    await db.proposals.put(proposal(caseIdOf(1), 'passed'));
    expect((await closeMeeting(db, details.meetingId, AT)).status).toBe('closed');
  });

  it('brings the attendance up to the roster when the meeting opens', async () => {
    await seeded();
    await db.members.update('m5', { active: false });
    await db.members.put({ memberId: 'm6', name: '새 위원', affiliation: '소비자단체', role: 'member', active: true, conflicts: [] });
    const open = await openMeeting(db, details.meetingId, AT);
    expect(open.attendance.map((a) => a.memberId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm6']);
  });

  it('a closed meeting refuses every change and writes nothing', async () => {
    await seeded();
    await addToAgenda(db, details.meetingId, [1, 2].map(caseIdOf), AT);
    await openMeeting(db, details.meetingId, AT);
    await closeMeeting(db, details.meetingId, AT);
    const before = await db.meetings.get(details.meetingId);
    const entries = await db.audit.count();
    const attempts = [
      updateMeetingDetails(db, details.meetingId, { place: '다른 곳' }, AT),
      addToAgenda(db, details.meetingId, [caseIdOf(3)], AT),
      removeFromAgenda(db, details.meetingId, caseIdOf(1), AT),
      moveAgendaItem(db, details.meetingId, 0, 1, AT),
      openMeeting(db, details.meetingId, AT),
      closeMeeting(db, details.meetingId, AT),
    ];
    for (const attempt of attempts) expect((await refusal(attempt)).code).toBe('MEETING_CLOSED');
    expect(await db.meetings.get(details.meetingId)).toEqual(before);
    expect(await db.audit.count()).toBe(entries);
  });
});
