/**
 * When the audit log is witnessed (issue 14, item 4): after the transaction of a vote's or a
 * decision's entry commits, never inside it; other entries once 50 wait; a failed call fails no
 * change and is made good at the next witness point, which sends everything after the last
 * sequence main witnessed.
 */
import { waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type CouncilApi } from '../../renderer/common/council-api';
import { appendAudit } from '../../renderer/db/audit';
import { DURABLE_MARK_KEY, witnessAuditLog, WITNESS_EVERY } from '../../renderer/db/audit-witness';
import type { CouncilDb } from '../../renderer/db/schema';
import { recordDecision } from '../../renderer/meeting/room/decision-db';
import { openProposal } from '../../renderer/meeting/room/proposal-db';
import type { FakeBridge } from './support/fake-bridge';
import { roomApiKit } from './support/room-api-kit';
import { ALL_APPROVE, at, C1, C2, M } from './support/room-db-kit';
import { seatMembers, seedOpenMeeting, VOTERS } from './support/room-meeting';

let db: CouncilDb;
let bridge: FakeBridge;
let api: CouncilApi;
const kit = roomApiKit();
beforeEach(() => {
  [db, bridge, api] = [kit.db(), kit.bridge(), kit.api()];
});

const pause = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
/** The log as main should witness it: every entry's sequence and hash. */
const heads = async () => (await db.audit.toArray()).map(({ sequence, hash }) => ({ sequence, hash }));
const witnessedHeads = () => bridge.witnessed().map(({ sequence, hash }) => ({ sequence, hash }));
/** The calls that carried entries (the first call of a run only asks main for its last one). */
const sends = () => bridge.witnessAudit.mock.calls.filter(([arg]) => arg.entries.length > 0);

describe('the audit witness', () => {
  it('flushes the database with a strict write before any hash goes to main', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const { proposal } = await openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'suggestion' } }, at(9));
    const strict: string[] = [];
    const idb = db.backendDB();
    const transaction = idb.transaction.bind(idb);
    idb.transaction = ((names: string | string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      if (options?.durability === 'strict') strict.push(`${String(names)} ${mode}`);
      return transaction(names, mode, options);
    }) as typeof idb.transaction;
    const markWhenSent: unknown[] = [];
    witnessAuditLog(db, {
      getWitness: () => api.getWitness(),
      witnessAudit: async (arg) => {
        if (arg.entries.length > 0) markWhenSent.push((await db.settings.get(DURABLE_MARK_KEY))?.value);
        return api.witnessAudit(arg);
      },
    });
    await kit.vote(C1, proposal.no, { m1: 'approve' });
    const vote = (await db.audit.where('entity').equals('vote').last())!;
    await waitFor(() => expect(witnessedHeads().at(-1)).toEqual({ sequence: vote.sequence, hash: vote.hash }));
    // the mark names the last entry sent, and was written (strict) before main was told of it
    expect(markWhenSent.at(-1)).toBe(vote.sequence);
    expect(strict).toContain('settings readwrite');
  });

  it("witnesses a vote's entry, with every entry before it, only once its transaction has committed", async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const { proposal } = await openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'suggestion' } }, at(9));
    let committed = false;
    const sentBeforeCommit: boolean[] = [];
    witnessAuditLog(db, {
      getWitness: () => api.getWitness(),
      witnessAudit: (arg) => {
        if (arg.entries.length > 0) sentBeforeCommit.push(!committed);
        return api.witnessAudit(arg);
      },
    });
    await db.transaction('rw', [db.settings, db.audit], async (tx) => {
      tx.on('complete', () => (committed = true));
      await appendAudit(db, { entity: 'vote', entityId: `${M}/${C1}/${proposal.no}/m1`, action: 'record', detail: {} });
      for (let i = 0; i < 10; i += 1) await db.audit.count(); // the transaction kept busy: nothing is sent meanwhile
      expect(bridge.witnessAudit).not.toHaveBeenCalled();
    });
    await waitFor(async () => expect(witnessedHeads()).toEqual(await heads()));

    await kit.vote(C1, proposal.no, { m1: 'approve' });
    const vote = (await db.audit.where('entity').equals('vote').last())!;
    await waitFor(() => expect(witnessedHeads().at(-1)).toEqual({ sequence: vote.sequence, hash: vote.hash }));
    expect(witnessedHeads()).toEqual(await heads());
    expect(sentBeforeCommit[0]).toBe(false);
  });

  it("witnesses a decision's entry as it is recorded", async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    const passed = await kit.putToVote(C2, { kind: 'suggestion' }, ALL_APPROVE);
    witnessAuditLog(db, api);
    bridge.witnessAudit.mockClear();
    await recordDecision(db, { meetingId: M, caseId: C2, proposalNo: passed.no, rationale: '' }, at(12));
    const decision = (await db.audit.where('entity').equals('decision').last())!;
    await waitFor(() => expect(witnessedHeads().at(-1)).toEqual({ sequence: decision.sequence, hash: decision.hash }));
    expect(witnessedHeads()).toEqual(await heads());
  });

  it(`witnesses other entries once ${WITNESS_EVERY} wait, not before`, async () => {
    witnessAuditLog(db, api);
    const add = (i: number) => db.transaction('rw', [db.settings, db.audit], () => appendAudit(db, { entity: 'case', entityId: `1015-${i}`, action: 'review', detail: {} }));
    for (let i = 1; i < WITNESS_EVERY; i += 1) await add(i);
    await pause();
    expect(sends()).toEqual([]);
    await add(WITNESS_EVERY);
    await waitFor(async () => expect(witnessedHeads()).toEqual(await heads()));
    expect(witnessedHeads()).toHaveLength(WITNESS_EVERY);
  });

  it('fails no vote when main cannot be reached, and sends the entry again with the next vote', async () => {
    await seedOpenMeeting(db);
    await seatMembers(db, VOTERS);
    let reachable = false;
    const sender = witnessAuditLog(db, {
      getWitness: () => api.getWitness(),
      witnessAudit: (arg) => (reachable ? api.witnessAudit(arg) : Promise.reject(new ApiError('BRIDGE_FAILED', 'The main process does not answer.'))),
    });
    const { proposal } = await openProposal(db, { meetingId: M, caseId: C1, proposal: { kind: 'suggestion' } }, at(9));
    await kit.vote(C1, proposal.no, { m1: 'approve' });
    await waitFor(() => expect(sender.lastError).toMatchObject({ code: 'BRIDGE_FAILED' }));
    expect(await db.votes.count()).toBe(1);
    expect(bridge.witnessed()).toEqual([]);

    reachable = true;
    await kit.vote(C1, proposal.no, { m2: 'approve' });
    await waitFor(async () => expect(witnessedHeads()).toEqual(await heads()));
    expect(await db.audit.where('entity').equals('vote').count()).toBe(2);
    expect(sender.lastError).toBeNull();
  });
});
