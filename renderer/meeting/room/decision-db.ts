/**
 * Decisions from passed proposals, and reopening them. A decision takes its outcome, tier, award
 * and missing documents from the passed proposal and its tally from the proposal's close; it needs
 * quorum now, a rationale where award-rules.ts says so, and never awards above the claimed loss.
 * The case becomes 'decided' (award, reject) or 'deferred', and is locked; reopening (with a
 * reason) marks the decision reopened and the case 'undecided', so its next decision is the next
 * revision, from a new proposal (a proposal already decided on is not decided on again).
 */
import { appendAudit } from '../../db/audit';
import type { CaseRow, DecisionRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { checkAward, rationaleNeeds } from './award-rules';
import { countCase } from './room-count';
import { agendaCase, latestDecision, nowOf, openMeeting, operator, requireReason, roomTransaction, roster, unlockedCase, type When } from './room-guards';
import { RoomRefusal } from './room-refusal';

export interface DecisionInput {
  meetingId: string;
  caseId: string;
  proposalNo: number;
  rationale: string;
}

async function writeCase(db: CouncilDb, row: CaseRow, status: CaseRow['status']): Promise<void> {
  // A put of the whole row: the summary sync (case-summary-sync.ts) writes the summary with it.
  await db.cases.put({ ...row, status });
}

export async function recordDecision(db: CouncilDb, input: DecisionInput, when?: When): Promise<DecisionRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const meeting = await openMeeting(db, input.meetingId);
    const row = await unlockedCase(db, meeting, input.caseId);
    const proposal = await db.proposals.get([input.meetingId, input.caseId, input.proposalNo]);
    if (!proposal) throw new RoomRefusal('PROPOSAL_NOT_FOUND', { no: input.proposalNo, caseId: input.caseId });
    if (proposal.status !== 'passed' || proposal.tally === null) {
      throw new RoomRefusal('PROPOSAL_NOT_PASSED', { no: proposal.no, status: proposal.status }, `Proposal ${proposal.no} is ${proposal.status}, not passed.`);
    }
    const decisions = await db.decisions.where('caseId').equals(input.caseId).toArray();
    if (decisions.some((d) => d.meetingId === input.meetingId && d.proposalNo === proposal.no)) {
      throw new RoomRefusal('PROPOSAL_ALREADY_DECIDED', { no: proposal.no }, `Proposal ${proposal.no} was decided on already; a reopened case needs a new proposal.`);
    }
    const [members, recusals] = await Promise.all([roster(db), db.recusals.where('[meetingId+caseId]').equals([input.meetingId, input.caseId]).toArray()]);
    const count = countCase({ meeting, roster: members, recusals, votes: [], at });
    if (!count.quorumMet) {
      throw new RoomRefusal('NO_QUORUM', { present: count.present, needed: count.quorumNeeded, members: count.members }, `No quorum: ${count.present} present, ${count.quorumNeeded} needed.`);
    }
    if (proposal.outcome === 'award' && proposal.amount !== null) checkAward(row, proposal.amount);
    const rationale = input.rationale.trim();
    const needs = rationaleNeeds(row, proposal.outcome, proposal.amount);
    if (needs.length > 0 && rationale === '') {
      throw new RoomRefusal('RATIONALE_REQUIRED', { needs: needs.join(',') }, `A rationale is required (${needs.join(', ')}).`);
    }
    const revision = decisions.reduce((max, d) => Math.max(max, d.revision), 0) + 1;
    const decision: DecisionRow = {
      caseId: row.caseId,
      revision,
      meetingId: input.meetingId,
      bundleId: row.bundleId,
      caseRevision: row.revision,
      outcome: proposal.outcome,
      tier: proposal.tier,
      award: proposal.outcome === 'award' ? proposal.amount : null,
      rationale,
      missingDocuments: proposal.outcome === 'defer' ? [...proposal.missingDocuments] : [],
      proposalNo: proposal.no,
      tally: proposal.tally,
      decidedAt: at,
      decidedBy: await operator(db),
      reopened: null,
    };
    await db.decisions.add(decision);
    await writeCase(db, row, decision.outcome === 'defer' ? 'deferred' : 'decided');
    await appendAudit(db, {
      at,
      entity: 'decision',
      entityId: `${row.caseId}/${revision}`,
      action: 'record',
      detail: {
        meetingId: input.meetingId,
        caseId: row.caseId,
        revision,
        proposalNo: proposal.no,
        outcome: decision.outcome,
        tier: decision.tier,
        award: decision.award,
        missingDocuments: decision.missingDocuments,
        rationale,
        rationaleNeeds: needs,
        tally: decision.tally,
        caseStatus: { before: row.status, after: decision.outcome === 'defer' ? 'deferred' : 'decided' },
      },
    });
    return decision;
  });
}

/** Reopens the case's latest decision: it stays, marked with the reason; the case is undecided again. */
export async function reopenDecision(db: CouncilDb, input: { meetingId: string; caseId: string; reason: string }, when?: When): Promise<DecisionRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const reason = requireReason(input.reason, 'reopen a decision');
    const meeting = await openMeeting(db, input.meetingId);
    const row = await agendaCase(db, meeting, input.caseId);
    const latest = await latestDecision(db, input.caseId);
    if (!latest || latest.reopened !== null || (row.status !== 'decided' && row.status !== 'deferred')) {
      throw new RoomRefusal('NO_DECISION_TO_REOPEN', { caseId: input.caseId }, `Case ${input.caseId} has no standing decision to reopen.`);
    }
    const reopened: DecisionRow = { ...latest, reopened: { reason, at } };
    await db.decisions.put(reopened);
    await writeCase(db, row, 'undecided');
    await appendAudit(db, {
      at,
      entity: 'decision',
      entityId: `${row.caseId}/${latest.revision}`,
      action: 'reopen',
      detail: { meetingId: input.meetingId, caseId: row.caseId, revision: latest.revision, reason, caseStatus: { before: row.status, after: 'undecided' } },
    });
    return reopened;
  });
}
