/**
 * The bulk vote: one member's vote recorded on many cases at once (the secretary doing the 400, or
 * the 10,000, uncontested cases of a meeting member by member), and the suggestion proposals it
 * votes on, opened in bulk. Each is ONE Dexie read-write transaction with its audit entries
 * (appendAuditBatch: one entry per proposal or vote, the chain built in memory), so a bulk vote
 * is recorded whole or not at all: IndexedDB commits a transaction's writes together, and a
 * failure anywhere (or a tab closed half-way) aborts all of them. The rows are written with one
 * bulkPut and one bulkAdd; no chunking into several transactions, which would let half a vote
 * be stored.
 *
 * Whether a vote may be recorded is vote-eligibility.ts's rule, the same as for one vote.
 */
import Dexie from 'dexie';
import { standingDecision } from '../../db/case-meeting-state';
import { appendAuditBatch } from '../../db/audit-batch';
import type { AuditInput } from '../../db/audit';
import type { CaseRow, DecisionRow, ProposalRow, RecusalRow, VoteRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { operatorOf } from '../../db/settings';
import type { VoteChoice } from '../../../shared/meeting/types';
import { caseVoteBar, memberVoteBar, type MemberVoteBar } from './vote-eligibility';

/** The moment of the change (tests pass it; the screen uses the clock). */
export interface BulkWhen {
  now?: string;
}

const nowOf = (when: BulkWhen | undefined) => when?.now ?? new Date().toISOString();

function bulkTransaction<T>(db: CouncilDb, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [db.meetings, db.members, db.cases, db.recusals, db.proposals, db.votes, db.decisions, db.audit, db.settings], work);
}

/** The ids once each, in the order given. */
function distinct(caseIds: readonly string[]): string[] {
  return [...new Set(caseIds)];
}

/** The open proposal of each case of the meeting (one at a time per case). */
export function openProposalsByCase(proposals: readonly ProposalRow[]): Map<string, ProposalRow> {
  const open = new Map<string, ProposalRow>();
  for (const p of proposals) if (p.status === 'open') open.set(p.caseId, p);
  return open;
}

/** The cases the member is recused on (confirmed; a dismissed suggestion is no recusal). */
function recusedCases(recusals: readonly RecusalRow[], memberId: string): Set<string> {
  const out = new Set<string>();
  for (const r of recusals) if (r.memberId === memberId && r.status === 'recused') out.add(r.caseId);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Opening the suggestion proposals

/** A case whose suggestion cannot be put to the vote as it stands: the chair proposes on it alone. */
export type SuggestionRefusal = 'case-by-case' | 'no-tier' | 'above-claim';
/** A case left alone: nothing to open there. */
export type OpenSkip = 'not-on-agenda' | 'not-found' | 'decided' | 'already-open' | 'awaiting-decision';

export type BulkOpenResult =
  | { kind: 'refused'; reason: 'meeting-not-found' | 'meeting-not-open' }
  | {
      kind: 'opened';
      opened: ProposalRow[];
      refused: { caseId: string; reason: SuggestionRefusal }[];
      skipped: { caseId: string; reason: OpenSkip }[];
    };

/** Why the suggestion is not a proposal one can vote on as it stands, or null when it is. */
export function suggestionRefusal(row: Pick<CaseRow, 'suggestion' | 'claimedLoss'>): SuggestionRefusal | null {
  const { tier, award } = row.suggestion;
  if (tier === null) return 'no-tier';
  if (award === null) return 'case-by-case';
  // FORMATS.md: an award never exceeds the claimed loss.
  if (award > row.claimedLoss) return 'above-claim';
  return null;
}

/**
 * A decided case is locked: its standing decision is an award or a rejection, or a deferral made
 * in this meeting (a deferral of an earlier meeting comes back to be decided again).
 */
function isDecided(row: CaseRow, decisions: readonly DecisionRow[], meetingId: string): boolean {
  if (row.status === 'decided') return true;
  const standing = standingDecision(decisions);
  return standing !== null && (standing.outcome !== 'defer' || standing.meetingId === meetingId);
}

/**
 * For each given case on the agenda without an open proposal and not decided, opens its next
 * proposal from the suggestion (an award of the tier's amount). A case decided case by case, or
 * below the first tier, is refused and listed: its proposal is the chair's, one by one.
 */
export async function bulkOpenSuggestionProposals(db: CouncilDb, meetingId: string, caseIds: readonly string[], when?: BulkWhen): Promise<BulkOpenResult> {
  const at = nowOf(when);
  return bulkTransaction(db, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return { kind: 'refused', reason: 'meeting-not-found' };
    if (meeting.status !== 'open') return { kind: 'refused', reason: 'meeting-not-open' };
    const agenda = new Set(meeting.agenda);
    const ids = distinct(caseIds);
    const onAgenda = ids.filter((id) => agenda.has(id));
    const [rows, proposals, decisions] = await Promise.all([
      db.cases.bulkGet(onAgenda),
      db.proposals.where('meetingId').equals(meetingId).toArray(),
      db.decisions.where('caseId').anyOf(onAgenda).toArray(),
    ]);
    const proposalsOf = groupBy(proposals, (p) => p.caseId);
    const decisionsOf = groupBy(decisions, (d) => d.caseId);
    const opened: ProposalRow[] = [];
    const refused: { caseId: string; reason: SuggestionRefusal }[] = [];
    const skipped: { caseId: string; reason: OpenSkip }[] = [];
    for (const caseId of ids) if (!agenda.has(caseId)) skipped.push({ caseId, reason: 'not-on-agenda' });
    onAgenda.forEach((caseId, i) => {
      const row = rows[i];
      if (!row) return skipped.push({ caseId, reason: 'not-found' });
      const caseDecisions = decisionsOf.get(caseId) ?? [];
      if (isDecided(row, caseDecisions, meetingId)) return skipped.push({ caseId, reason: 'decided' });
      const earlier = proposalsOf.get(caseId) ?? [];
      if (earlier.some((p) => p.status === 'open')) return skipped.push({ caseId, reason: 'already-open' });
      // A passed proposal not yet decided on: its decision comes first (as in the room).
      const decidedOn = new Set(caseDecisions.filter((d) => d.meetingId === meetingId).map((d) => d.proposalNo));
      if (earlier.some((p) => p.status === 'passed' && !decidedOn.has(p.no))) return skipped.push({ caseId, reason: 'awaiting-decision' });
      const refusal = suggestionRefusal(row);
      if (refusal !== null) return refused.push({ caseId, reason: refusal });
      const no = earlier.reduce((max, p) => Math.max(max, p.no), 0) + 1;
      opened.push({
        meetingId,
        caseId,
        no,
        outcome: 'award',
        tier: row.suggestion.tier,
        amount: row.suggestion.award,
        fromSuggestion: true,
        missingDocuments: [],
        status: 'open',
        openedAt: at,
        closedAt: null,
        tally: null,
      });
    });
    if (opened.length > 0) {
      await db.proposals.bulkAdd(opened);
      await appendAuditBatch(db, opened.map((p): AuditInput => ({
        at,
        entity: 'proposal',
        entityId: `${meetingId}/${p.caseId}/${p.no}`,
        action: 'open',
        detail: { meetingId, caseId: p.caseId, no: p.no, kind: 'suggestion', outcome: p.outcome, tier: p.tier, amount: p.amount, fromSuggestion: true, missingDocuments: [], bulk: true },
      })));
    }
    return { kind: 'opened', opened, refused, skipped };
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The member's bulk vote

/** What the member's vote would be recorded on: the confirmation's figures. */
export interface BulkVotePlan {
  /** Why the member cannot vote at all (then nothing would be recorded), or null. */
  bar: MemberVoteBar | null;
  /** Distinct cases asked for. */
  selected: number;
  /** The cases the vote would be recorded on. */
  cases: number;
  /** The amounts their open proposals award (a rejection or deferral counts 0), KRW. */
  totalAmount: number;
  /** Cases where the member is recused: no vote is recorded there. */
  recusedOn: string[];
  /** Cases without an open proposal in this meeting (none yet, closed, decided, not on the agenda). */
  notOpen: string[];
  /** Of `cases`, those the member has a vote on already (the new one replaces it). */
  alreadyVoted: number;
}

/** What a vote goes to: the case and the number of its open proposal. */
type OpenKey = Pick<ProposalRow, 'caseId' | 'no'>;

interface Sorted<P extends OpenKey> {
  bar: MemberVoteBar | null;
  selected: number;
  /** The open proposals the vote goes to, in the order of the selection. */
  eligible: P[];
  recusedOn: string[];
  notOpen: string[];
}

/**
 * Reads what the member's vote on the cases depends on and sorts the cases by the eligibility
 * rule. `readOpen` reads the meeting's open proposals by case (the rows, or only their keys).
 */
async function sortCases<P extends OpenKey>(db: CouncilDb, meetingId: string, memberId: string, caseIds: readonly string[], at: string, readOpen: () => Promise<Map<string, P>>): Promise<Sorted<P>> {
  const ids = distinct(caseIds);
  const [meeting, member] = await Promise.all([db.meetings.get(meetingId), db.members.get(memberId)]);
  const bar = memberVoteBar(meeting, member, at);
  if (bar !== null || meeting === undefined) return { bar, selected: ids.length, eligible: [], recusedOn: [], notOpen: [] };
  const [open, recusals] = await Promise.all([readOpen(), db.recusals.where('memberId').equals(memberId).filter((r) => r.meetingId === meetingId).toArray()]);
  const recused = recusedCases(recusals, memberId);
  const agenda = new Set(meeting.agenda);
  const eligible: P[] = [];
  const recusedOn: string[] = [];
  const notOpen: string[] = [];
  const isOpen = { status: 'open' } as const;
  for (const caseId of ids) {
    const proposal = agenda.has(caseId) ? open.get(caseId) : undefined;
    const caseBar = caseVoteBar(proposal && isOpen, recused.has(caseId) ? { status: 'recused' } : undefined);
    if (caseBar === 'no-open-proposal') notOpen.push(caseId);
    else if (caseBar === 'recused') recusedOn.push(caseId);
    else eligible.push(proposal!);
  }
  return { bar, selected: ids.length, eligible, recusedOn, notOpen };
}

/** The open proposals of the meeting, whole rows (the plan needs their amounts). */
function openProposalRows(db: CouncilDb, meetingId: string): () => Promise<Map<string, ProposalRow>> {
  return async () => openProposalsByCase(await db.proposals.where('meetingId').equals(meetingId).toArray());
}

/** The open proposals of the meeting, their keys only: a vote needs no more, and keys cost far less to read than rows. */
function openProposalKeys(db: CouncilDb, meetingId: string): () => Promise<Map<string, OpenKey>> {
  return async () => {
    const keys = (await db.proposals.where('status').equals('open').primaryKeys()) as [string, string, number][];
    const open = new Map<string, OpenKey>();
    for (const [m, caseId, no] of keys) if (m === meetingId) open.set(caseId, { caseId, no });
    return open;
  };
}

/**
 * The member's votes on these open proposals, by case. Read as the meeting's vote keys (one
 * request, no rows) and then the rows of the few that are the member's: a get per case would be
 * 10,000 requests for a bulk vote, nearly always answered "none".
 */
async function memberVotesOn(db: CouncilDb, meetingId: string, memberId: string, proposals: readonly OpenKey[]): Promise<Map<string, VoteRow>> {
  const out = new Map<string, VoteRow>();
  if (proposals.length === 0) return out;
  const wanted = new Map(proposals.map((p) => [p.caseId, p.no]));
  const keys = (await db.votes.where('meetingId').equals(meetingId).primaryKeys()) as [string, string, number, string][];
  const mine = keys.filter(([, caseId, no, member]) => member === memberId && wanted.get(caseId) === no);
  if (mine.length === 0) return out;
  for (const row of await db.votes.bulkGet(mine)) if (row) out.set(row.caseId, row);
  return out;
}

/** The confirmation's figures for one member's vote on the cases, read in one transaction. */
export async function planBulkVote(db: CouncilDb, meetingId: string, memberId: string, caseIds: readonly string[], when?: BulkWhen): Promise<BulkVotePlan> {
  const at = nowOf(when);
  return db.transaction('r', [db.meetings, db.members, db.proposals, db.recusals, db.votes], async () => {
    const sorted = await sortCases(db, meetingId, memberId, caseIds, at, openProposalRows(db, meetingId));
    const existing = await memberVotesOn(db, meetingId, memberId, sorted.eligible);
    return {
      bar: sorted.bar,
      selected: sorted.selected,
      cases: sorted.eligible.length,
      totalAmount: sumAmounts(sorted.eligible),
      recusedOn: sorted.recusedOn,
      notOpen: sorted.notOpen,
      alreadyVoted: existing.size,
    };
  });
}

export function sumAmounts(proposals: readonly Pick<ProposalRow, 'outcome' | 'amount'>[]): number {
  let total = 0;
  for (const p of proposals) if (p.outcome === 'award' && p.amount !== null) total += p.amount;
  return total;
}

export type BulkVoteResult =
  | { kind: 'refused'; reason: MemberVoteBar }
  | {
      kind: 'recorded';
      /** New votes written. */
      recorded: number;
      /** Votes replaced by a different one (the audit entry says which it was). */
      changed: number;
      /** The member had this very vote there already: nothing written, no audit entry. */
      unchanged: number;
      recusedOn: string[];
      notOpen: string[];
      /** The moment the votes carry. */
      at: string;
    };

/**
 * Records `vote` of `memberId` on every case of `caseIds` where the eligibility rule allows it, in
 * one read-write transaction: the vote rows (recorded by the operator, at one moment), one audit
 * entry per vote written. Refused, with nothing written, when the meeting is not open or the
 * member cannot vote in it; the cases where the member is recused, or without an open proposal,
 * are skipped and reported.
 *
 * The votes are added, not first looked up: in a bulk vote the member has nearly always voted on
 * none of the cases yet, and an add refuses just the keys that exist. Those few are then read and
 * replaced (a different vote: a change, its audit entry saying what it was) or left (the same
 * vote: nothing written). The refused adds are caught inside the transaction, so it goes on.
 */
export async function recordBulkVote(db: CouncilDb, meetingId: string, memberId: string, vote: VoteChoice, caseIds: readonly string[], when?: BulkWhen): Promise<BulkVoteResult> {
  const at = nowOf(when);
  return bulkTransaction(db, async () => {
    const sorted = await sortCases(db, meetingId, memberId, caseIds, at, openProposalKeys(db, meetingId));
    if (sorted.bar !== null) return { kind: 'refused', reason: sorted.bar };
    const recordedBy = operatorOf((await db.settings.get('operator'))?.value);
    const rows: VoteRow[] = sorted.eligible.map((p) => ({ meetingId, caseId: p.caseId, proposalNo: p.no, memberId, vote, recordedBy, recordedAt: at }));
    const existed = await addNew(db, rows);
    const before = new Map<string, VoteChoice>();
    if (existed.length > 0) {
      const earlier = await db.votes.bulkGet(existed.map((r) => [meetingId, r.caseId, r.proposalNo, memberId] as [string, string, number, string]));
      const replaced: VoteRow[] = [];
      existed.forEach((row, i) => {
        const was = earlier[i];
        if (was === undefined || was.vote === row.vote) return;
        before.set(row.caseId, was.vote);
        replaced.push(row);
      });
      if (replaced.length > 0) await db.votes.bulkPut(replaced);
    }
    const added = new Set(rows);
    for (const row of existed) added.delete(row);
    const audit: AuditInput[] = [];
    for (const row of rows) {
      const was = before.get(row.caseId);
      if (!added.has(row) && was === undefined) continue; // the same vote was there already
      const detail: Record<string, unknown> = { meetingId, caseId: row.caseId, proposalNo: row.proposalNo, memberId, vote, bulk: true };
      if (was !== undefined) detail.before = was;
      audit.push({ at, entity: 'vote', entityId: `${meetingId}/${row.caseId}/${row.proposalNo}/${memberId}`, action: was === undefined ? 'record' : 'change', detail });
    }
    await appendAuditBatch(db, audit);
    const changed = before.size;
    return { kind: 'recorded', recorded: added.size, changed, unchanged: existed.length - changed, recusedOn: sorted.recusedOn, notOpen: sorted.notOpen, at };
  });
}

/** Adds the rows; returns those whose key was there already (not written). Any other failure throws. */
async function addNew(db: CouncilDb, rows: readonly VoteRow[]): Promise<VoteRow[]> {
  if (rows.length === 0) return [];
  try {
    await db.votes.bulkAdd(rows as VoteRow[]);
    return [];
  } catch (err) {
    if (!(err instanceof Dexie.BulkError)) throw err;
    const existed: VoteRow[] = [];
    for (const [pos, failure] of Object.entries(err.failuresByPos)) {
      if (failure.name !== 'ConstraintError') throw failure;
      existed.push(rows[Number(pos)]!);
    }
    return existed;
  }
}
