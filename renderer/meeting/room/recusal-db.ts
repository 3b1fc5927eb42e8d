/**
 * Recusals on one case of the meeting: a suggestion from a declared conflict confirmed or
 * dismissed (with a reason), or a recusal declared on the spot (with a reason).
 *
 * A member recused while a proposal on the case is open may have voted on it already. Votes are
 * never deleted (DESIGN.md), so the vote row stays; the counting rules leave a recused member's
 * vote out of the count (countVote lists it as ignored), and the recusal's audit entry names the
 * votes it set aside.
 */
import { conflictMatches, type ConflictFacts } from '../../../shared/meeting/conflicts';
import { appendAudit } from '../../db/audit';
import type { CaseRow, MeetingRow, MemberRow, RecusalRow } from '../../db/rows';
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
  meeting: MeetingRow;
  row: CaseRow;
  member: MemberRow;
  existing: RecusalRow | undefined;
}

async function context(db: CouncilDb, t: RecusalTarget): Promise<Context> {
  const meeting = await openMeeting(db, t.meetingId);
  const row = await unlockedCase(db, meeting, t.caseId);
  const member = votingMember(await roster(db), t.memberId);
  const existing = await db.recusals.get([t.meetingId, t.caseId, t.memberId]);
  if (existing?.status === 'recused') throw new RoomRefusal('ALREADY_RECUSED', { memberId: t.memberId, caseId: t.caseId }, `${t.memberId} is recused on ${t.caseId} already.`);
  return { meeting, row, member, existing };
}

function declaredConflict(ctx: Context, conflictId: string) {
  const conflict = ctx.member.conflicts.find((c) => c.conflictId === conflictId);
  if (!conflict || !conflictMatches(conflict.kind, conflict.value, conflictFacts(ctx.row))) {
    throw new RoomRefusal('CONFLICT_NOT_FOUND', { memberId: ctx.member.memberId, conflictId }, `${ctx.member.memberId} declared no conflict ${conflictId} matching ${ctx.row.caseId}.`);
  }
  return conflict;
}

/** The member's votes on the case's open proposals in this meeting: set aside by a recusal. */
async function votesSetAside(db: CouncilDb, t: RecusalTarget) {
  const open = await db.proposals.where('[meetingId+caseId]').equals([t.meetingId, t.caseId]).filter((p) => p.status === 'open').toArray();
  const votes = [];
  for (const p of open) {
    const vote = await db.votes.get([t.meetingId, t.caseId, p.no, t.memberId]);
    if (vote) votes.push({ proposalNo: p.no, vote: vote.vote });
  }
  return votes;
}

async function write(db: CouncilDb, ctx: Context, row: RecusalRow, action: string, at: string): Promise<RecusalRow> {
  const setAside = row.status === 'recused' ? await votesSetAside(db, row) : [];
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
      reason: row.reason,
      conflictId: row.conflictId,
      before: ctx.existing ? { status: ctx.existing.status, reason: ctx.existing.reason } : null,
      votesSetAside: setAside,
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
    const row: RecusalRow = { meetingId: t.meetingId, caseId: t.caseId, memberId: t.memberId, status: 'recused', reason: conflict.reason, conflictId: conflict.conflictId, confirmedBy: await operator(db), at };
    return write(db, ctx, row, 'confirm', at);
  });
}

/** Dismisses a suggested recusal: the member stays in the count; the reason says why. */
export async function dismissRecusal(db: CouncilDb, t: RecusalTarget & { conflictId: string; reason: string }, when?: When): Promise<RecusalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const reason = requireReason(t.reason, 'dismiss a suggested recusal');
    const ctx = await context(db, t);
    const conflict = declaredConflict(ctx, t.conflictId);
    const row: RecusalRow = { meetingId: t.meetingId, caseId: t.caseId, memberId: t.memberId, status: 'dismissed', reason, conflictId: conflict.conflictId, confirmedBy: await operator(db), at };
    return write(db, ctx, row, 'dismiss', at);
  });
}

/** A recusal declared in the room, with no declared conflict behind it: the reason is required. */
export async function declareRecusal(db: CouncilDb, t: RecusalTarget & { reason: string }, when?: When): Promise<RecusalRow> {
  const at = nowOf(when);
  return roomTransaction(db, async () => {
    const reason = requireReason(t.reason, 'declare a recusal');
    const ctx = await context(db, t);
    const row: RecusalRow = { meetingId: t.meetingId, caseId: t.caseId, memberId: t.memberId, status: 'recused', reason, conflictId: null, confirmedBy: await operator(db), at };
    return write(db, ctx, row, 'declare', at);
  });
}
