/**
 * Recusals on one case of the meeting: a suggestion from a declared conflict confirmed or
 * dismissed (with a reason), a recusal declared on the spot (with a reason), and a confirmed
 * recusal withdrawn (with a reason: status 'withdrawn', counted as none).
 *
 * A member recused while a proposal on the case is open may have voted on it already. Votes are
 * never deleted (DESIGN.md), so the vote row stays; the counting rules leave a recused member's
 * vote out of the count (countVote lists it as ignored), and the recusal's audit entry names the
 * votes it set aside. Withdrawn, the recusal no longer keeps that vote out: it counts again (the
 * withdrawal's entry names it under `votesCountAgain`), and the member can vote or change it
 * while the proposal is open. A proposal closed meanwhile keeps the tally of its close.
 */
import { conflictMatches, type ConflictFacts } from '../../../shared/meeting/conflicts';
import { appendAudit } from '../../db/audit';
import type { CaseRow, MemberRow, RecusalRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { nowOf, openMeeting, operator, requireReason, roomTransaction, roster, unlockedCase, votingMember, type When } from './room-guards';
import { RoomRefusal } from './room-refusal';

export interface RecusalTarget {
  meetingId: string;
  caseId: string;
  memberId: string;
}

export function conflictFacts(row: Pick<CaseRow, 'bundleId' | 'record'>): ConflictFacts {
  const b = row.record.business;
  return { bundleId: row.bundleId, registrationNo: b.registrationNo, businessName: b.name, region: b.region };
}

interface Context {
  row: CaseRow;
  member: MemberRow;
  existing: RecusalRow | undefined;
}

/** The open meeting, the unlocked agenda case and the member's recusal row there, if any. */
async function target(db: CouncilDb, t: RecusalTarget): Promise<{ row: CaseRow; existing: RecusalRow | undefined }> {
  const meeting = await openMeeting(db, t.meetingId);
  const row = await unlockedCase(db, meeting, t.caseId);
  return { row, existing: await db.recusals.get([t.meetingId, t.caseId, t.memberId]) };
}

/** For a new recusal (or its dismissal): the member votes and is not recused there already. */
async function context(db: CouncilDb, t: RecusalTarget): Promise<Context> {
  const { row, existing } = await target(db, t);
  const member = votingMember(await roster(db), t.memberId);
  if (existing?.status === 'recused') throw new RoomRefusal('ALREADY_RECUSED', { memberId: t.memberId, caseId: t.caseId }, `${t.memberId} is recused on ${t.caseId} already.`);
  return { row, member, existing };
}

function declaredConflict(ctx: Context, conflictId: string) {
  const conflict = ctx.member.conflicts.find((c) => c.conflictId === conflictId);
  if (!conflict || !conflictMatches(conflict.kind, conflict.value, conflictFacts(ctx.row))) {
    throw new RoomRefusal('CONFLICT_NOT_FOUND', { memberId: ctx.member.memberId, conflictId }, `${ctx.member.memberId} declared no conflict ${conflictId} matching ${ctx.row.caseId}.`);
  }
  return conflict;
}

/** The member's votes on the case's open proposals in this meeting: set aside by a recusal, counted again once it is withdrawn. */
async function openVotes(db: CouncilDb, t: RecusalTarget) {
  const open = await db.proposals.where('[meetingId+caseId]').equals([t.meetingId, t.caseId]).filter((p) => p.status === 'open').toArray();
  const votes = [];
  for (const p of open) {
    const vote = await db.votes.get([t.meetingId, t.caseId, p.no, t.memberId]);
    if (vote) votes.push({ proposalNo: p.no, vote: vote.vote });
  }
  return votes;
}

async function write(db: CouncilDb, before: RecusalRow | undefined, row: RecusalRow, action: string, at: string): Promise<RecusalRow> {
  const votes = row.status === 'dismissed' ? [] : await openVotes(db, row);
  await db.recusals.put(row);
  await appendAudit(db, {
    at,
    entity: 'recusal',
    entityId: `${row.meetingId}/${row.caseId}/${row.memberId}`,
    action,
    detail: {
      meetingId: row.meetingId,
      caseId: row.caseId,
      memberId: row.memberId,
      status: row.status,
      reason: row.withdrawal?.reason ?? row.reason,
      conflictId: row.conflictId,
      before: before ? { status: before.status, reason: before.reason } : null,
      ...(row.status === 'withdrawn' ? { votesCountAgain: votes } : { votesSetAside: votes }),
    },
  });
  return row;
}

/** Confirms the recusal a declared conflict suggests; its reason is the declared one. */
export async function confirmRecusal(db: CouncilDb, t: RecusalTarget & { conflictId: string }, when?: When): Promise<RecusalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const ctx = await context(db, t);
    const conflict = declaredConflict(ctx, t.conflictId);
    const row: RecusalRow = { meetingId: t.meetingId, caseId: t.caseId, memberId: t.memberId, status: 'recused', reason: conflict.reason, conflictId: conflict.conflictId, confirmedBy: await operator(db), at, withdrawal: null };
    return write(db, ctx.existing, row, 'confirm', at);
  });
}

/** Dismisses a suggested recusal: the member stays in the count; the reason says why. */
export async function dismissRecusal(db: CouncilDb, t: RecusalTarget & { conflictId: string; reason: string }, when?: When): Promise<RecusalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const reason = requireReason(t.reason, 'dismiss a suggested recusal');
    const ctx = await context(db, t);
    const conflict = declaredConflict(ctx, t.conflictId);
    const row: RecusalRow = { meetingId: t.meetingId, caseId: t.caseId, memberId: t.memberId, status: 'dismissed', reason, conflictId: conflict.conflictId, confirmedBy: await operator(db), at, withdrawal: null };
    return write(db, ctx.existing, row, 'dismiss', at);
  });
}

/** A recusal declared in the room, with no declared conflict behind it: the reason is required. */
export async function declareRecusal(db: CouncilDb, t: RecusalTarget & { reason: string }, when?: When): Promise<RecusalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const reason = requireReason(t.reason, 'declare a recusal');
    const ctx = await context(db, t);
    const row: RecusalRow = { meetingId: t.meetingId, caseId: t.caseId, memberId: t.memberId, status: 'recused', reason, conflictId: null, confirmedBy: await operator(db), at, withdrawal: null };
    return write(db, ctx.existing, row, 'declare', at);
  });
}

/**
 * Withdraws a confirmed recusal (a mistake, or the conflict turned out not to be one): the reason
 * is required; the recusal's own reason stays on the row. Refused unless the member is recused on
 * the case, the meeting open and the case not locked by a decision.
 */
export async function withdrawRecusal(db: CouncilDb, t: RecusalTarget & { reason: string }, when?: When): Promise<RecusalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const reason = requireReason(t.reason, 'withdraw a recusal');
    const { existing } = await target(db, t);
    if (existing?.status !== 'recused') throw new RoomRefusal('NOT_RECUSED', { memberId: t.memberId, caseId: t.caseId }, `${t.memberId} is not recused on ${t.caseId}.`);
    const row: RecusalRow = { ...existing, status: 'withdrawn', withdrawal: { reason, by: await operator(db), at } };
    return write(db, existing, row, 'withdraw', at);
  });
}
