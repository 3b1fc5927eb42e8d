/**
 * Exporting a meeting's decisions from IndexedDB: the notary gets a payload right by every check
 * (its votes as the room recorded them, a recusal, a member who did not vote, a failed proposal,
 * attendance with a member who left and came back), the export is recorded with its audit entry
 * after the entry the payload names, exporting again calls nothing, a reopened case goes out in a
 * later file, and a file queued while the sync folder is gone is recorded written after a retry.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decisionFilePayloadSchema } from '../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../shared/decisions/payload-check';
import { createCouncilApi, type CouncilApi } from '../../renderer/common/council-api';
import type { CouncilDb } from '../../renderer/db/schema';
import { exportMeetingDecisions } from '../../renderer/decisions/export/export-decisions';
import { retryQueued } from '../../renderer/decisions/export/outbox';
import { markArrived, markLeft } from '../../renderer/meeting/room/attendance-db';
import { recordDecision, reopenDecision } from '../../renderer/meeting/room/decision-db';
import { decideTwoCases } from './support/decided-meeting';
import { demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { CHAIR_KEYID, fakeNotary } from './support/fake-notary';
import { ALL_APPROVE, at, C1, C2, M, roomDbKit } from './support/room-db-kit';
import { seatMembers, seedOpenMeeting, VOTERS } from './support/room-meeting';

const FILE1 = `decisions-${M}-0001.dsse.json`;
const FILE2 = `decisions-${M}-0002.dsse.json`;
const EXPORT_AT = { now: '2023-03-02T17:00:00+09:00' };

let db: CouncilDb;
let bridge: FakeBridge;
let api: CouncilApi;
const kit = roomDbKit();
beforeEach(() => {
  db = kit.db();
  bridge = fakeBridge(demoCouncil());
  api = createCouncilApi(() => bridge);
});

const decidedMeeting = () => decideTwoCases(db, kit.putToVote);

const exportNow = () => exportMeetingDecisions(db, api, M, EXPORT_AT);

/** Every call made of the bridge so far. */
const bridgeCalls = () => Object.values(bridge).reduce((n, f) => n + (typeof f === 'function' && 'mock' in f ? (f as { mock: { calls: unknown[] } }).mock.calls.length : 0), 0);

describe('exporting the decisions of a meeting', () => {
  it('hands the notary a payload right by every check, then records the file and its audit entry after the entry it names', async () => {
    const notary = fakeNotary(bridge);
    await decidedMeeting();
    const headBefore = (await db.audit.orderBy('sequence').last())!;

    const outcome = await exportNow();
    expect(outcome).toMatchObject({ kind: 'exported', decisions: [`${C1}@1`, `${C2}@1`], result: { fileName: FILE1, sequence: 1, state: 'written' } });
    expect(bridge.exportDecisions).toHaveBeenCalledTimes(1);
    const payload = decisionFilePayloadSchema.parse(bridge.exportDecisions.mock.calls[0]![0].payload);
    expect(checkDecisionPayload(payload)).toEqual([]);
    expect(payload).toMatchObject({ sequence: 1, previous: null, auditHead: headBefore.hash, signer: { memberId: 'm1', role: 'chair', keyid: CHAIR_KEYID }, createdAt: EXPORT_AT.now });
    const [d1, d2] = payload.decisions;
    expect(d1!.votes).toEqual([
      { memberId: 'm1', vote: 'approve' },
      { memberId: 'm2', vote: 'approve' },
      { memberId: 'm3', vote: 'recused', reason: '신청인과 친족 관계' },
      { memberId: 'm4', vote: 'approve' },
      { memberId: 'm5', vote: 'none' },
    ]);
    expect(d2!.earlierProposals.map((p) => [p.no, p.outcome, p.tally.approve, p.tally.passed])).toEqual([[1, 'reject', 2, false]]);
    expect(d2!.proposal).toMatchObject({ no: 2, outcome: 'award' });

    const row = await db.exports.get([M, 1]);
    expect(row).toEqual({
      meetingId: M,
      sequence: 1,
      fileName: FILE1,
      payloadSha256: notary.ledger(M).lastPayloadSha256,
      decisions: [`${C1}@1`, `${C2}@1`],
      state: 'written',
      path: `/media/usb/sync/outbox/${FILE1}`,
      createdAt: EXPORT_AT.now,
      writtenAt: EXPORT_AT.now,
    });
    const entry = (await db.audit.orderBy('sequence').last())!;
    expect(entry).toMatchObject({ entity: 'export', entityId: FILE1, action: 'sign', prevHash: headBefore.hash, actor: 's1' });
    expect(entry.detail).toMatchObject({ meetingId: M, sequence: 1, fileName: FILE1, payloadSha256: row!.payloadSha256, state: 'written', decisions: row!.decisions });
  });

  it('calls nothing and writes nothing when exported again', async () => {
    fakeNotary(bridge);
    await decidedMeeting();
    await exportNow();
    const entries = await db.audit.count();
    const calls = bridgeCalls();

    expect(await exportNow()).toEqual({ kind: 'nothing' });
    expect(bridgeCalls()).toBe(calls);
    expect(await db.audit.count()).toBe(entries);
    expect(await db.exports.count()).toBe(1);
  });

  it('sends a reopened and re-decided case as its next revision in the next file, naming the first', async () => {
    const notary = fakeNotary(bridge);
    await decidedMeeting();
    await exportNow();
    await reopenDecision(db, { meetingId: M, caseId: C1, reason: '청구 금액 정정 서류 접수' }, at(40));
    const again = await kit.putToVote(C1, { kind: 'reject' }, { m1: 'approve', m2: 'approve', m4: 'approve', m5: 'approve' }, 45);
    await recordDecision(db, { meetingId: M, caseId: C1, proposalNo: again.no, rationale: '정정 서류로 손실 없음 확인' }, at(47));

    const outcome = await exportMeetingDecisions(db, api, M, { now: '2023-03-02T17:30:00+09:00' });
    expect(outcome).toMatchObject({ kind: 'exported', decisions: [`${C1}@2`], result: { fileName: FILE2, sequence: 2 } });
    const second = notary.signed[1]!;
    expect(second.previous).toBe((await db.exports.get([M, 1]))!.payloadSha256);
    expect(second.decisions[0]).toMatchObject({
      caseId: C1,
      revision: 2,
      outcome: 'reject',
      reopened: { reason: '청구 금액 정정 서류 접수', previousRevision: { file: FILE1, payloadSha256: notary.ledger(M).files[0]!.payloadSha256 } },
    });
  });

  it('queues the file while the sync folder is gone, and records it written once a retry wrote it', async () => {
    const notary = fakeNotary(bridge, { syncFolder: '/media/usb/sync' });
    await decidedMeeting();
    notary.setAvailable(false);
    expect(await exportNow()).toMatchObject({ kind: 'exported', result: { state: 'queued', path: null } });
    expect(await db.exports.get([M, 1])).toMatchObject({ state: 'queued', path: null, writtenAt: null });

    expect(await retryQueued(db, api)).toMatchObject({ status: { available: false, queued: [{ fileName: FILE1, meetingId: M, sequence: 1 }] }, written: 0 });
    expect((await db.exports.get([M, 1]))!.state).toBe('queued');

    notary.setAvailable(true);
    expect(await retryQueued(db, api)).toMatchObject({ status: { queued: [] }, written: 1 });
    expect(await db.exports.get([M, 1])).toMatchObject({ state: 'written', path: `/media/usb/sync/outbox/${FILE1}` });
    const entry = (await db.audit.orderBy('sequence').last())!;
    expect(entry).toMatchObject({ entity: 'export', entityId: FILE1, action: 'write', detail: { state: 'written', sequence: 1 } });
  });

  it('lists a member who left and came back with both stretches, so a vote of the first still recounts', async () => {
    fakeNotary(bridge);
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const c1 = await kit.putToVote(C1, { kind: 'suggestion' }, ALL_APPROVE, 10);
    await recordDecision(db, { meetingId: M, caseId: C1, proposalNo: c1.no, rationale: '제안대로 지급' }, at(12));
    await markLeft(db, M, 'm5', at(20));
    await markArrived(db, M, 'm5', at(25));

    await exportNow();
    const payload = decisionFilePayloadSchema.parse(bridge.exportDecisions.mock.calls[0]![0].payload);
    expect(payload.meeting.attendance.filter((a) => a.memberId === 'm5').map((a) => [a.arrivedAt, a.leftAt])).toEqual([
      ['2023-03-02T14:00:00+09:00', at(20).now],
      [at(25).now, null],
    ]);
    expect(payload.decisions[0]!.votes.at(-1)).toEqual({ memberId: 'm5', vote: 'approve' });
  });

  it('makes the chair key on first use under the keychain; under a passphrase it signs nothing and says why', async () => {
    fakeNotary(bridge, { chairKey: 'none' });
    await decidedMeeting();
    expect(await exportNow()).toMatchObject({ kind: 'exported' });
    expect(bridge.createDeviceKey).toHaveBeenCalledWith({ role: 'chair' });

    bridge = fakeBridge(demoCouncil());
    fakeNotary(bridge, { chairKey: 'passphrase' });
    await reopenDecision(db, { meetingId: M, caseId: C2, reason: '재심의' }, at(40));
    const again = await kit.putToVote(C2, { kind: 'suggestion' }, ALL_APPROVE, 45);
    await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: again.no, rationale: '제안대로 지급' }, at(47));
    expect(await exportMeetingDecisions(db, api, M, EXPORT_AT)).toEqual({ kind: 'no-key', block: 'passphrase' });
    expect(bridge.exportDecisions).not.toHaveBeenCalled();
  });

  it('keeps nothing of a refused file, and settles an answer lost on the way by the ledger', async () => {
    fakeNotary(bridge);
    await decidedMeeting();
    bridge.exportDecisions.mockResolvedValueOnce({ ok: false, error: { code: 'DECISION_REFUSED', message: `decisions[0].tally.approve (case ${C1}): the tally does not recount.` } });
    await expect(exportNow()).rejects.toMatchObject({ code: 'DECISION_REFUSED', message: expect.stringContaining(C1) });
    expect(await db.exports.count()).toBe(0);

    // Signed and written by main, but the answer never arrived.
    const sign = bridge.exportDecisions.getMockImplementation()!;
    bridge.exportDecisions.mockImplementationOnce(async (arg) => {
      await sign(arg);
      throw new Error('The window was reloaded.');
    });
    await expect(exportNow()).rejects.toMatchObject({ code: 'BRIDGE_FAILED' });
    expect(await db.exports.get([M, 1])).toMatchObject({ state: 'written', decisions: [`${C1}@1`, `${C2}@1`] });
    expect(await exportNow()).toEqual({ kind: 'nothing' });
  });
});
