/**
 * What the meeting room's data tests share (meeting-room-db.test.ts, meeting-decision-db.test.ts):
 * a fresh database for each test, the meeting's cases, the clock, and the small steps they repeat
 * (a refusal caught, a count taken, votes recorded, a proposal put to the vote and closed).
 */
import type { CouncilDb } from '../../../renderer/db/schema';
import { closeProposal, openProposal, type ProposalInput } from '../../../renderer/meeting/room/proposal-db';
import { countCase, countMeeting } from '../../../renderer/meeting/room/room-count';
import { isRoomRefusal, type RefusalCode } from '../../../renderer/meeting/room/room-refusal';
import { recordVote } from '../../../renderer/meeting/room/vote-db';
import type { VoteChoice } from '../../../shared/meeting/types';
import { freshDbEachTest } from './fresh-db';
import { MEETING_ID } from './room-meeting';

export const M = MEETING_ID;
export const C1 = '1015-000001'; // claimed 120,000: T1, 30,000
export const C2 = '1015-000002'; // claimed 420,000: T2, 50,000
export const C3 = '1015-000003'; // claimed 900,000: T3, case by case

/** 14:mm on the meeting's day, Seoul time. */
export const at = (minute: number) => ({ now: `2023-03-02T14:${String(minute).padStart(2, '0')}:00+09:00` });

export const ALL_APPROVE: Record<string, VoteChoice> = { m1: 'approve', m2: 'approve', m3: 'approve', m4: 'approve', m5: 'approve' };

export async function refusal(work: Promise<unknown>): Promise<{ code: RefusalCode; params: Record<string, unknown> }> {
  try {
    await work;
  } catch (err) {
    if (isRoomRefusal(err)) return { code: err.code, params: err.params };
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Registers a fresh database for each test of the file; the steps below work on it. */
export function roomDbKit() {
  let db!: CouncilDb;
  freshDbEachTest((d) => (db = d));

  async function quorumAt(minute: number) {
    const meeting = (await db.meetings.get(M))!;
    return countMeeting(meeting, await db.members.toArray(), at(minute).now);
  }

  async function countOf(caseId: string, no: number, minute: number) {
    const [meeting, members, recusals, votes] = await Promise.all([
      db.meetings.get(M),
      db.members.toArray(),
      db.recusals.where('[meetingId+caseId]').equals([M, caseId]).toArray(),
      db.votes.where('[meetingId+caseId+proposalNo]').equals([M, caseId, no]).toArray(),
    ]);
    return countCase({ meeting: meeting!, roster: members, recusals, votes, at: at(minute).now });
  }

  async function vote(caseId: string, no: number, votes: Record<string, VoteChoice>, minute = 10) {
    for (const [memberId, choice] of Object.entries(votes)) await recordVote(db, { meetingId: M, caseId, proposalNo: no, memberId, vote: choice }, at(minute));
  }

  /** Opens a proposal, records the votes, closes it; returns the closed row. */
  async function putToVote(caseId: string, proposal: ProposalInput, votes: Record<string, VoteChoice>, minute = 10) {
    const { proposal: opened } = await openProposal(db, { meetingId: M, caseId, proposal }, at(minute));
    await vote(caseId, opened.no, votes, minute);
    return closeProposal(db, { meetingId: M, caseId, no: opened.no }, at(minute + 1));
  }

  async function declareConflict(memberId: string, value: string) {
    await db.members.update(memberId, { conflicts: [{ conflictId: 'c1', kind: 'businessName', value, reason: '신청인이 배우자의 가게', declaredAt: '2023-02-01T10:00:00+09:00' }] });
  }

  return { db: () => db, quorumAt, countOf, vote, putToVote, declareConflict };
}
