/**
 * Proposals on one case of the meeting: opened by the chair (the suggestion as it stands, reject,
 * defer awaiting documents, or an amount), numbered 1, 2, ... per meeting and case, one open at a
 * time, and none while a passed one awaits its decision; closed as passed or failed with the count
 * at that moment stored as its tally. A failed proposal can be followed by another.
 */
import { tallyOf } from '../../../shared/meeting/counting';
import { appendAudit } from '../../db/audit';
import type { CaseRow, ProposalRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { awardWarnings, checkAward, type AwardWarning } from './award-rules';
import { countCase } from './room-count';
import { nowOf, openMeeting, roomTransaction, roster, unlockedCase, type When } from './room-guards';
import { RoomRefusal } from './room-refusal';

export type ProposalInput =
  | { kind: 'suggestion' }
  | { kind: 'reject' }
  | { kind: 'defer'; missingDocuments: string[] }
  | { kind: 'amount'; amount: number };

export interface ProposalKey {
  meetingId: string;
  caseId: string;
  no: number;
}

type Terms = Pick<ProposalRow, 'outcome' | 'tier' | 'amount' | 'fromSuggestion' | 'missingDocuments'>;

/** What the input puts to the vote, checked against the case and its policy's required documents. */
export function proposalTerms(row: CaseRow, requiredDocuments: readonly string[], input: ProposalInput): Terms {
  const none = { tier: null, amount: null, fromSuggestion: false, missingDocuments: [] };
  switch (input.kind) {
    case 'suggestion': {
      const { tier, award } = row.suggestion;
      if (award === null) {
        throw new RoomRefusal('SUGGESTION_HAS_NO_AWARD', { caseId: row.caseId, tier: tier ?? '' }, `The suggestion for ${row.caseId} names no award (${tier === null ? 'no tier' : 'case by case'}).`);
      }
      checkAward(row, award);
      return { outcome: 'award', tier, amount: award, fromSuggestion: true, missingDocuments: [] };
    }
    case 'amount':
      checkAward(row, input.amount);
      return { outcome: 'award', tier: row.suggestion.tier, amount: input.amount, fromSuggestion: input.amount === row.suggestion.award, missingDocuments: [] };
    case 'reject':
      return { outcome: 'reject', ...none };
    case 'defer': {
      const kinds = [...new Set(input.missingDocuments)];
      if (kinds.length === 0) throw new RoomRefusal('DOCUMENTS_REQUIRED', {}, 'A deferral names the documents awaited.');
      const unknown = kinds.find((k) => !requiredDocuments.includes(k));
      if (unknown !== undefined) throw new RoomRefusal('DOCUMENT_KIND_UNKNOWN', { kind: unknown }, `${unknown} is not a document kind the policy requires.`);
      return { outcome: 'defer', ...none, missingDocuments: kinds };
    }
  }
}

export interface OpenedProposal {
  proposal: ProposalRow;
  /** Said to the chair, not refused: e.g. an amount above the assessed loss. */
  warnings: AwardWarning[];
}

export async function openProposal(db: CouncilDb, target: { meetingId: string; caseId: string; proposal: ProposalInput }, when?: When): Promise<OpenedProposal> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const meeting = await openMeeting(db, target.meetingId);
    const row = await unlockedCase(db, meeting, target.caseId);
    const bundle = await db.bundles.get(row.bundleId);
    const terms = proposalTerms(row, bundle?.manifest.policy.requiredDocuments ?? [], target.proposal);
    const earlier = await db.proposals.where('[meetingId+caseId]').equals([target.meetingId, target.caseId]).toArray();
    const decidedOn = new Set((await db.decisions.where('caseId').equals(row.caseId).toArray()).filter((d) => d.meetingId === target.meetingId).map((d) => d.proposalNo));
    const open = earlier.find((p) => p.status === 'open');
    if (open) throw new RoomRefusal('PROPOSAL_ALREADY_OPEN', { no: open.no, caseId: row.caseId }, `Proposal ${open.no} on ${row.caseId} is still open.`);
    const waiting = earlier.find((p) => p.status === 'passed' && p.closedAt !== null && !decidedOn.has(p.no));
    if (waiting) throw new RoomRefusal('PROPOSAL_AWAITS_DECISION', { no: waiting.no, caseId: row.caseId }, `Proposal ${waiting.no} on ${row.caseId} passed; record its decision first.`);
    const no = earlier.reduce((max, p) => Math.max(max, p.no), 0) + 1;
    const proposal: ProposalRow = { meetingId: target.meetingId, caseId: row.caseId, no, ...terms, status: 'open', openedAt: at, closedAt: null, tally: null };
    await db.proposals.add(proposal);
    await appendAudit(db, {
      at,
      entity: 'proposal',
      entityId: `${proposal.meetingId}/${proposal.caseId}/${no}`,
      action: 'open',
      detail: { meetingId: proposal.meetingId, caseId: proposal.caseId, no, kind: target.proposal.kind, ...terms },
    });
    return { proposal, warnings: awardWarnings(row, terms.amount) };
  });
}

export async function openProposalRow(db: CouncilDb, key: ProposalKey): Promise<ProposalRow> {
  return proposalOpen(await db.proposals.get([key.meetingId, key.caseId, key.no]), key);
}

/** openProposalRow's check on the row already read. */
export function proposalOpen(p: ProposalRow | undefined, key: ProposalKey): ProposalRow {
  if (!p) throw new RoomRefusal('PROPOSAL_NOT_FOUND', { no: key.no, caseId: key.caseId }, `No proposal ${key.no} on ${key.caseId}.`);
  if (p.status !== 'open') throw new RoomRefusal('PROPOSAL_NOT_OPEN', { no: key.no, status: p.status }, `Proposal ${key.no} on ${key.caseId} is ${p.status}.`);
  return p;
}

/**
 * Closes the vote: passed or failed by the counting rules as they stand now. Refused without
 * quorum: a vote without quorum is no vote (it can be closed once members are back).
 */
export async function closeProposal(db: CouncilDb, key: ProposalKey, when?: When): Promise<ProposalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const meeting = await openMeeting(db, key.meetingId);
    await unlockedCase(db, meeting, key.caseId);
    const proposal = await openProposalRow(db, key);
    const [members, recusals, votes] = await Promise.all([
      roster(db),
      db.recusals.where('[meetingId+caseId]').equals([key.meetingId, key.caseId]).toArray(),
      db.votes.where('[meetingId+caseId+proposalNo]').equals([key.meetingId, key.caseId, key.no]).toArray(),
    ]);
    const count = countCase({ meeting, roster: members, recusals, votes, at });
    if (!count.quorumMet) {
      throw new RoomRefusal('NO_QUORUM', { present: count.present, needed: count.quorumNeeded, members: count.members }, `No quorum: ${count.present} present, ${count.quorumNeeded} needed.`);
    }
    const tally = tallyOf(count);
    const closed: ProposalRow = { ...proposal, status: tally.passed ? 'passed' : 'failed', closedAt: at, tally };
    await db.proposals.put(closed);
    await appendAudit(db, {
      at,
      entity: 'proposal',
      entityId: `${key.meetingId}/${key.caseId}/${key.no}`,
      action: 'close',
      detail: { meetingId: key.meetingId, caseId: key.caseId, no: key.no, status: closed.status, tally, notVoted: count.notVoted, ignored: count.ignored },
    });
    return closed;
  });
}
