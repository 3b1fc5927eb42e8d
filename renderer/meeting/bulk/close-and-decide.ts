/**
 * After a bulk vote: closes the open proposals of the cases and records the decision of each one
 * that passed. Each case goes through the room's own closeProposal and recordDecision, so every
 * rule of a single decision applies unchanged: quorum now, the award within the claim, a
 * rationale where award-rules.ts asks for one. Both run in ONE transaction per case (Dexie nests
 * the room's transactions in it), so a case is closed and decided whole, or left as it was, its
 * proposal open: a refusal of its decision (a bulk decision gives no rationale) undoes its close
 * too, and a page closed or killed between the two leaves no case closed without its decision.
 * A failed proposal is closed alone (a failed vote has no decision). A refusal on one case does
 * not undo others, and storage running out stops the run there: the cases decided before stay
 * decided, the one it stopped on is left as it was. Without quorum nothing can be closed: the first such refusal stops the run.
 */
import type { CouncilDb } from '../../db/schema';
import { closeProposal } from '../room/proposal-db';
import { recordDecision } from '../room/decision-db';
import { roomTransaction } from '../room/room-guards';
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
      const passed = await roomTransaction(db, async () => {
        const closed = await closeProposal(db, { meetingId, caseId, no }, when);
        if (closed.status !== 'passed') return false;
        await recordDecision(db, { meetingId, caseId, proposalNo: no, rationale: '' }, when);
        return true;
      });
      (passed ? result.decided : result.failed).push(caseId);
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
