/**
 * A meeting as its setup screen shows it: the row, and each agenda item with its case's summary
 * and where it stands (on the agenda, deferred awaiting documents, being voted on, decided),
 * read in one transaction from the meeting tables.
 */
import { standingDecision } from '../db/case-meeting-state';
import type { CaseSummaryRow, DecisionRow, MeetingRow } from '../db/rows';
import type { CouncilDb } from '../db/schema';

export type AgendaItemState =
  | { kind: 'agenda' }
  | { kind: 'deferred'; missingDocuments: string[] }
  | { kind: 'proposal-open'; no: number }
  | { kind: 'decided'; outcome: 'award' | 'reject'; award: number | null };

export interface AgendaItem {
  caseId: string;
  /** null: no such case is stored (it was rolled back with its bundle). */
  summary: CaseSummaryRow | null;
  state: AgendaItemState;
  /** Proposals on the case in this meeting: once there is one, the case stays on the agenda. */
  proposals: number;
}

export interface MeetingView {
  meeting: MeetingRow;
  items: AgendaItem[];
  /** Proposals open in this meeting: while there is one, the meeting does not close. */
  openProposals: number;
}

function itemState(decision: DecisionRow | null, openProposal: number | undefined): AgendaItemState {
  if (openProposal !== undefined) return { kind: 'proposal-open', no: openProposal };
  if (decision === null) return { kind: 'agenda' };
  if (decision.outcome === 'defer') return { kind: 'deferred', missingDocuments: decision.missingDocuments };
  return { kind: 'decided', outcome: decision.outcome, award: decision.award };
}

export async function loadMeetingView(db: CouncilDb, meetingId: string): Promise<MeetingView | null> {
  return db.transaction('r', [db.meetings, db.caseSummaries, db.decisions, db.proposals], async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const [summaries, decisions, proposals] = await Promise.all([
      db.caseSummaries.bulkGet(meeting.agenda),
      db.decisions.where('caseId').anyOf(meeting.agenda).toArray(),
      db.proposals.where('meetingId').equals(meetingId).toArray(),
    ]);
    const decisionsOf = new Map<string, DecisionRow[]>();
    for (const d of decisions) decisionsOf.set(d.caseId, [...(decisionsOf.get(d.caseId) ?? []), d]);
    const proposalCount = new Map<string, number>();
    const openNo = new Map<string, number>();
    for (const p of proposals) {
      proposalCount.set(p.caseId, (proposalCount.get(p.caseId) ?? 0) + 1);
      if (p.status === 'open') openNo.set(p.caseId, p.no);
    }
    const items = meeting.agenda.map((caseId, i) => ({
      caseId,
      summary: summaries[i] ?? null,
      state: itemState(standingDecision(decisionsOf.get(caseId) ?? []), openNo.get(caseId)),
      proposals: proposalCount.get(caseId) ?? 0,
    }));
    return { meeting, items, openProposals: openNo.size };
  });
}
