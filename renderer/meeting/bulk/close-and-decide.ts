/**
 * After a bulk vote: closes the open proposals of the cases and records the decision of each one
 * that passed. Each case goes through the room's own closeProposal and recordDecision (one
 * transaction each, with its audit entry), so every rule of a single decision applies unchanged:
 * quorum now, the award within the claim, a rationale where award-rules.ts asks for one (a bulk
 * decision gives none, so such a case is left passed, awaiting its decision, and listed). The close
 * and the decision are whole each, one transaction apiece; a refusal on one case does not undo others,
 * and storage running out stops the run there: the cases decided before stay decided, and the case
 * it stopped on is left as it was or, when its close was written, passed and awaiting its decision.
 * Without quorum nothing can be closed: the first such refusal stops the run.
 */
import type { CouncilDb } from '../../db/schema';
import { closeProposal } from '../room/proposal-db';
import { recordDecision } from '../room/decision-db';
import { isRoomRefusal, type RefusalCode } from '../room/room-refusal';

export interface CloseDecideResult {
  /** Cases whose proposal passed and whose decision was recorded. */
  decided: string[];
  /** Cases whose proposal failed (closed, no decision). */
  failed: string[];
  /** Cases left without a close or a decision, and why. */
  refused: { caseId: string; code: RefusalCode }[];
  /** Cases of the selection without an open proposal (nothing to close). */
  notOpen: string[];
  /** True when the run stopped for want of quorum (the rest were not tried). */
  stoppedNoQuorum: boolean;
}

export async function closeAndDecideBulk(db: CouncilDb, meetingId: string, caseIds: readonly string[], when?: { now?: string }): Promise<CloseDecideResult> {
  const result: CloseDecideResult = { decided: [], failed: [], refused: [], notOpen: [], stoppedNoQuorum: false };
  const ids = [...new Set(caseIds)];
  const open = new Map<string, number>();
  for (const p of await db.proposals.where('meetingId').equals(meetingId).toArray()) if (p.status === 'open') open.set(p.caseId, p.no);
  for (const caseId of ids) {
    const no = open.get(caseId);
    if (no === undefined) {
      result.notOpen.push(caseId);
      continue;
    }
    try {
      const closed = await closeProposal(db, { meetingId, caseId, no }, when);
      if (closed.status !== 'passed') {
        result.failed.push(caseId);
        continue;
      }
      await recordDecision(db, { meetingId, caseId, proposalNo: no, rationale: '' }, when);
      result.decided.push(caseId);
    } catch (err) {
      if (!isRoomRefusal(err)) throw err;
      result.refused.push({ caseId, code: err.code });
      if (err.code === 'NO_QUORUM') {
        result.stoppedNoQuorum = true;
        break;
      }
    }
  }
  return result;
}
