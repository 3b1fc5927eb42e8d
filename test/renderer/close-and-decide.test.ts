/**
 * Closing and deciding after a bulk vote (closeAndDecideBulk): each case closed and decided in
 * one transaction, with both audit entries and its status; a case whose decision is refused, or
 * whose decision's write fails, is left as it was, its proposal open, its close undone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import type { CouncilDb } from '../../renderer/db/schema';
import { bulkOpenSuggestionProposals, closeAndDecideBulk, recordBulkVote } from '../../renderer/meeting/bulk';
import { AGENDA, CASE_BY_CASE, EXTRA, MEETING, NOW, seedBulkMeeting, VOTABLE } from './support/bulk-meeting';
import { freshDbEachTest } from './support/fresh-db';

const when = { now: NOW };

let db: CouncilDb;
freshDbEachTest((d) => (db = d));
beforeEach(async () => {
  await seedBulkMeeting(db);
  expect((await bulkOpenSuggestionProposals(db, MEETING, AGENDA, when)).kind).toBe('opened');
  for (const m of ['m1', 'm2', 'm3', 'm4', 'm5']) expect((await recordBulkVote(db, MEETING, m, 'approve', AGENDA, when)).kind).toBe('recorded');
});

/** The case as the database holds it: its proposal's status, its decisions, its status, and its close and decision entries. */
async function caseState(caseId: string) {
  const [proposal, decisions, row, entries] = await Promise.all([
    db.proposals.get([MEETING, caseId, 1]),
    db.decisions.where('caseId').equals(caseId).toArray(),
    db.cases.get(caseId),
    db.audit.filter((e) => (e.entity === 'proposal' && e.action === 'close' && e.entityId === `${MEETING}/${caseId}/1`) || (e.entity === 'decision' && e.entityId === `${caseId}/1`)).toArray(),
  ]);
  return { proposal: proposal?.status, decisions: decisions.map((d) => d.revision), status: row?.status, entries: entries.map((e) => `${e.entity}:${e.action}`) };
}

const DECIDED = { proposal: 'passed', decisions: [1], status: 'decided', entries: ['proposal:close', 'decision:record'] };
const AS_IT_WAS = { proposal: 'open', decisions: [], status: 'undecided', entries: [] };

describe('closeAndDecideBulk', () => {
  it('closes and decides every passed case, each with its close and decision entries, the chain intact', async () => {
    const result = await closeAndDecideBulk(db, MEETING, AGENDA, when);
    expect(result).toEqual({ decided: VOTABLE, failed: [], refused: [], notOpen: [CASE_BY_CASE], stoppedNoQuorum: false });
    for (const caseId of VOTABLE) expect(await caseState(caseId), caseId).toEqual(DECIDED);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('leaves a case whose decision is refused as it was: its proposal still open, no entry of a close', async () => {
    // an award above the assessed loss needs a rationale, and a bulk decision gives none
    const needy = EXTRA[2]!;
    const row = (await db.cases.get(needy))!;
    await db.cases.put({ ...row, assessedLoss: row.suggestion.award! - 1 });
    const result = await closeAndDecideBulk(db, MEETING, AGENDA, when);
    expect(result.refused).toEqual([{ caseId: needy, code: 'RATIONALE_REQUIRED' }]);
    expect(result.decided).toEqual(VOTABLE.filter((c) => c !== needy));
    expect(await caseState(needy)).toEqual(AS_IT_WAS);
    expect(await caseState(EXTRA[3]!)).toEqual(DECIDED);
  });

  it("undoes a case's close when its decision's write fails: no case is ever closed without its decision", async () => {
    const broken = EXTRA[5]!;
    db.decisions.hook('creating', (_key, decision) => {
      if (decision.caseId === broken) throw new Error('the disk failed');
    });
    await expect(closeAndDecideBulk(db, MEETING, AGENDA, when)).rejects.toThrow('the disk failed');
    const order = VOTABLE.indexOf(broken);
    for (const caseId of VOTABLE.slice(0, order)) expect(await caseState(caseId), caseId).toEqual(DECIDED);
    for (const caseId of VOTABLE.slice(order)) expect(await caseState(caseId), caseId).toEqual(AS_IT_WAS);
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });
});
