/**
 * Where a selection of cases stands after bulk votes: the count of each case's open proposal by
 * the counting rules (countVote, from the rows read back), and each voting member's progress (how
 * many of the selection's open proposals they have a vote on), so the secretary sees who is left.
 * The pure part (bulkStandingOf) is apart from the read (loadBulkStanding).
 */
import { countVote, presentAt, votingMembers, type VoteCount } from '../../../shared/meeting/counting';
import type { MeetingRow, MemberRow, ProposalRow, RecusalRow, VoteRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { sortMembers } from '../../common/council-store';
import { openProposalsByCase, sumAmounts, type BulkWhen } from './bulk-vote-db';

export interface MemberProgress {
  memberId: string;
  name: string;
  role: MemberRow['role'];
  present: boolean;
  /** Open proposals of the selection this member has a vote on. */
  voted: number;
  /** Open proposals of the selection this member may vote on (not recused there). */
  votable: number;
}

export interface BulkStanding {
  /** Distinct cases of the selection. */
  selected: number;
  /** Of them, those with an open proposal in the meeting. */
  open: number;
  /** The amounts those proposals award, KRW. */
  totalAmount: number;
  /** Each open case's count now (caseId -> count), in the order of the selection. */
  counts: Map<string, VoteCount>;
  /** Open cases whose proposal passes as the votes stand. */
  passing: number;
  /** The voting members, in roster order. */
  members: MemberProgress[];
}

export interface StandingRows {
  meeting: Pick<MeetingRow, 'agenda' | 'attendance' | 'rules'>;
  roster: readonly MemberRow[];
  proposals: readonly ProposalRow[];
  recusals: readonly RecusalRow[];
  votes: readonly VoteRow[];
  caseIds: readonly string[];
  /** ISO 8601: who is present is who is present now. */
  at: string;
}

export function bulkStandingOf({ meeting, roster, proposals, recusals, votes, caseIds, at }: StandingRows): BulkStanding {
  const ids = [...new Set(caseIds)];
  const agenda = new Set(meeting.agenda);
  const open = openProposalsByCase(proposals);
  const chosen: ProposalRow[] = [];
  for (const caseId of ids) {
    const p = agenda.has(caseId) ? open.get(caseId) : undefined;
    if (p) chosen.push(p);
  }
  const chosenCases = new Set(chosen.map((p) => p.caseId));
  const recusedOf = new Map<string, Set<string>>();
  for (const r of recusals) {
    if (r.status !== 'recused' || !chosenCases.has(r.caseId)) continue;
    const set = recusedOf.get(r.caseId);
    if (set) set.add(r.memberId);
    else recusedOf.set(r.caseId, new Set([r.memberId]));
  }
  const votesOf = new Map<string, { memberId: string; vote: VoteRow['vote'] }[]>();
  for (const v of votes) {
    const p = open.get(v.caseId);
    if (!p || p.no !== v.proposalNo || !chosenCases.has(v.caseId)) continue;
    const list = votesOf.get(v.caseId);
    const entry = { memberId: v.memberId, vote: v.vote };
    if (list) list.push(entry);
    else votesOf.set(v.caseId, [entry]);
  }
  const present = presentAt(meeting.attendance, at);
  const voters = votingMembers(sortMembers(roster)) as MemberRow[];
  const progress = new Map(voters.map((m) => [m.memberId, { voted: 0, votable: 0 }]));
  const none = new Set<string>();
  const counts = new Map<string, VoteCount>();
  let passing = 0;
  for (const p of chosen) {
    const recused = recusedOf.get(p.caseId) ?? none;
    const caseVotes = votesOf.get(p.caseId) ?? [];
    const count = countVote({ rules: meeting.rules, roster, present, recused, votes: caseVotes });
    counts.set(p.caseId, count);
    if (count.passed) passing += 1;
    for (const [memberId, mine] of progress) if (!recused.has(memberId)) mine.votable += 1;
    for (const v of caseVotes) {
      const mine = progress.get(v.memberId);
      if (mine && !recused.has(v.memberId)) mine.voted += 1;
    }
  }
  return {
    selected: ids.length,
    open: chosen.length,
    totalAmount: sumAmounts(chosen),
    counts,
    passing,
    members: voters.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role, present: present.has(m.memberId), ...progress.get(m.memberId)! })),
  };
}

/** Reads the meeting's rows in one transaction and counts the selection (null: no such meeting). */
export async function loadBulkStanding(db: CouncilDb, meetingId: string, caseIds: readonly string[], when?: BulkWhen): Promise<BulkStanding | null> {
  const at = when?.now ?? new Date().toISOString();
  return db.transaction('r', [db.meetings, db.members, db.proposals, db.recusals, db.votes], async () => {
    const [meeting, roster, proposals, recusals, votes] = await Promise.all([
      db.meetings.get(meetingId),
      db.members.toArray(),
      db.proposals.where('meetingId').equals(meetingId).toArray(),
      db.recusals.where('meetingId').equals(meetingId).toArray(),
      db.votes.where('meetingId').equals(meetingId).toArray(),
    ]);
    if (!meeting) return null;
    return bulkStandingOf({ meeting, roster, proposals, recusals, votes, caseIds, at });
  });
}
