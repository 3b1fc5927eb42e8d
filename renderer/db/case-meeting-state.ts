/**
 * Where each case stands in the council's meetings, for the Cases list and the case review: on
 * an agenda, with a proposal open, decided (with outcome and award) or deferred (with the
 * documents it waits for). Read from the meeting tables themselves, so it can never disagree with
 * them: a case's latest decision that was not reopened settles it; else an open proposal; else an
 * agenda of a meeting not yet closed.
 */
import type { DecisionRow, MeetingRow, ProposalRow } from './rows';
import type { CouncilDb } from './schema';

export type CaseMeetingState =
  | { kind: 'agenda'; meetingId: string }
  | { kind: 'proposal-open'; meetingId: string; no: number }
  | { kind: 'decided'; outcome: 'award' | 'reject'; award: number | null; meetingId: string; revision: number }
  | { kind: 'deferred'; meetingId: string; missingDocuments: string[]; revision: number; onAgenda: string | null };

/** Of a case's decisions, the one that stands: the highest revision, unless it was reopened. */
export function standingDecision(decisions: readonly DecisionRow[]): DecisionRow | null {
  let latest: DecisionRow | null = null;
  for (const d of decisions) if (latest === null || d.revision > latest.revision) latest = d;
  return latest === null || latest.reopened !== null ? null : latest;
}

/** Every case's state from the rows, keyed by caseId (cases in no meeting are absent). */
export function caseMeetingStates(meetings: readonly MeetingRow[], proposals: readonly ProposalRow[], decisions: readonly DecisionRow[]): Map<string, CaseMeetingState> {
  const onAgenda = new Map<string, string>();
  for (const m of meetings) if (m.status !== 'closed') for (const caseId of m.agenda) if (!onAgenda.has(caseId)) onAgenda.set(caseId, m.meetingId);
  const byCase = new Map<string, DecisionRow[]>();
  for (const d of decisions) {
    const list = byCase.get(d.caseId);
    if (list) list.push(d);
    else byCase.set(d.caseId, [d]);
  }
  const states = new Map<string, CaseMeetingState>();
  for (const [caseId, meetingId] of onAgenda) states.set(caseId, { kind: 'agenda', meetingId });
  for (const p of proposals) if (p.status === 'open') states.set(p.caseId, { kind: 'proposal-open', meetingId: p.meetingId, no: p.no });
  for (const [caseId, list] of byCase) {
    const d = standingDecision(list);
    if (d === null) continue;
    if (d.outcome === 'defer') {
      if (states.get(caseId)?.kind === 'proposal-open') continue; // back on a later agenda, being voted on
      const again = onAgenda.get(caseId);
      states.set(caseId, { kind: 'deferred', meetingId: d.meetingId, missingDocuments: d.missingDocuments, revision: d.revision, onAgenda: again !== undefined && again !== d.meetingId ? again : null });
    } else {
      states.set(caseId, { kind: 'decided', outcome: d.outcome, award: d.award, meetingId: d.meetingId, revision: d.revision });
    }
  }
  return states;
}

export async function loadCaseMeetingStates(db: CouncilDb): Promise<Map<string, CaseMeetingState>> {
  const [meetings, proposals, decisions] = await db.transaction('r', [db.meetings, db.proposals, db.decisions], () =>
    Promise.all([db.meetings.where('status').anyOf('planned', 'open').toArray(), db.proposals.where('status').equals('open').toArray(), db.decisions.toArray()]),
  );
  return caseMeetingStates(meetings, proposals, decisions);
}

/** One case's state, read inside the caller's transaction (it needs meetings, proposals and decisions in scope). */
export async function loadOneCaseMeetingState(db: CouncilDb, caseId: string): Promise<CaseMeetingState | null> {
  const [meetings, proposals, decisions] = await Promise.all([
    db.meetings.where('status').anyOf('planned', 'open').filter((m) => m.agenda.includes(caseId)).toArray(),
    db.proposals.where('status').equals('open').filter((p) => p.caseId === caseId).toArray(),
    db.decisions.where('caseId').equals(caseId).toArray(),
  ]);
  // Only this case's place on those agendas matters: an agenda of 10,000 cases is not walked for it.
  const agendas = meetings.map((m) => ({ ...m, agenda: [caseId] }));
  return caseMeetingStates(agendas, proposals, decisions).get(caseId) ?? null;
}
