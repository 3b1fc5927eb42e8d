/**
 * What the projector shows, read from the database: the meeting, the case in front of the council
 * and its proposal with the tally. Only what may be shown to a room is read into it: the business
 * name, region and category, the amounts, the suggestion, the proposal and the counts. The
 * representative, the registration number, the bank-account fingerprint and the statement never
 * enter this shape, so no screen built on it can show them.
 */
import { countVote, presentAt, type VoteCount } from '../../../shared/meeting/counting';
import type { Outcome } from '../../../shared/meeting/types';
import type { CaseSuggestion, MeetingRow, ProposalStatus } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { PROJECTOR_FOCUS_KEY, projectorFocusOf } from './projector-focus';

export interface ProjectedCase {
  caseId: string;
  businessName: string;
  region: string;
  category: string;
  claimedLoss: number;
  assessedLoss: number | null;
  suggestion: CaseSuggestion;
  /** Place on the agenda, 1-based, and the agenda's length. */
  position: number;
  agendaSize: number;
}

export interface ProjectedProposal {
  no: number;
  outcome: Outcome;
  tier: string | null;
  amount: number | null;
  status: ProposalStatus;
  count: VoteCount;
}

export interface ProjectorState {
  meeting: Pick<MeetingRow, 'meetingId' | 'date' | 'place' | 'status' | 'rules'>;
  /** Present now, of the voting members, and whether that meets quorum for the whole council. */
  presentNow: number;
  case: ProjectedCase | null;
  proposal: ProjectedProposal | null;
}

export async function loadProjectorState(db: CouncilDb, meetingId: string, now: string = new Date().toISOString()): Promise<ProjectorState | null> {
  return db.transaction('r', [db.meetings, db.members, db.settings, db.cases, db.proposals, db.votes, db.recusals], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const [members, focusRow, proposals] = await Promise.all([db.members.toArray(), db.settings.get(PROJECTOR_FOCUS_KEY), db.proposals.where('meetingId').equals(meetingId).toArray()]);
    const focus = projectorFocusOf(focusRow?.value);
    const open = proposals.find((p) => p.status === 'open');
    const caseId = focus?.meetingId === meetingId && focus.caseId !== null ? focus.caseId : (open?.caseId ?? null);
    const present = presentAt(meeting.attendance, now);
    const presentNow = members.filter((m) => m.active && m.role !== 'secretary' && present.has(m.memberId)).length;
    const { meetingId: id, date, place, status, rules } = meeting;
    const base = { meeting: { meetingId: id, date, place, status, rules }, presentNow };
    const row = caseId === null ? undefined : await db.cases.get(caseId);
    if (!row) return { ...base, case: null, proposal: null };
    const { business } = row.record;
    const projected: ProjectedCase = {
      caseId: row.caseId,
      businessName: business.name,
      region: business.region,
      category: business.category,
      claimedLoss: row.claimedLoss,
      assessedLoss: row.assessedLoss,
      suggestion: row.suggestion,
      position: meeting.agenda.indexOf(row.caseId) + 1,
      agendaSize: meeting.agenda.length,
    };
    const ofCase = proposals.filter((p) => p.caseId === row.caseId).sort((a, b) => b.no - a.no);
    const latest = ofCase[0];
    if (!latest) return { ...base, case: projected, proposal: null };
    const [votes, recusals] = await Promise.all([
      db.votes.where('[meetingId+caseId+proposalNo]').equals([meetingId, row.caseId, latest.no]).toArray(),
      db.recusals.where('[meetingId+caseId]').equals([meetingId, row.caseId]).toArray(),
    ]);
    const at = latest.status === 'open' || latest.closedAt === null ? now : latest.closedAt;
    const count = countVote({
      rules,
      roster: members,
      present: presentAt(meeting.attendance, at),
      recused: new Set(recusals.filter((r) => r.status === 'recused').map((r) => r.memberId)),
      votes,
    });
    return { ...base, case: projected, proposal: { no: latest.no, outcome: latest.outcome, tier: latest.tier, amount: latest.amount, status: latest.status, count } };
  });
}
