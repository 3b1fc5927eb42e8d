/**
 * Which of the cases asked for go on an agenda, and why the others do not: pure, so the preview
 * the setup screen shows before adding and the add itself (meetings-db.ts) decide alike.
 *
 * A case whose standing decision (db/case-meeting-state.ts) is an award or a rejection is
 * decided and locked: refused. A deferred case (standing decision `defer`) comes back on a later
 * agenda: accepted, and marked with the documents it waits for.
 */
import type { DecisionRow } from '../db/rows';

export type AgendaRefusal = 'decided' | 'on-agenda' | 'unknown-case';

export interface DeferredCase {
  caseId: string;
  missingDocuments: string[];
}

export interface AgendaPlan {
  /** The cases that go on the agenda, in the order asked, each once. */
  add: string[];
  /** Of those, the deferred ones. */
  deferred: DeferredCase[];
  refused: { caseId: string; reason: AgendaRefusal }[];
}

export function planAgenda(
  agenda: readonly string[],
  caseIds: readonly string[],
  known: ReadonlySet<string>,
  standing: ReadonlyMap<string, DecisionRow | null>,
): AgendaPlan {
  const onAgenda = new Set(agenda);
  const seen = new Set<string>();
  const plan: AgendaPlan = { add: [], deferred: [], refused: [] };
  for (const caseId of caseIds) {
    // the same case asked for twice is one request
    if (seen.has(caseId)) continue;
    seen.add(caseId);
    const decision = standing.get(caseId) ?? null;
    if (onAgenda.has(caseId)) plan.refused.push({ caseId, reason: 'on-agenda' });
    else if (!known.has(caseId)) plan.refused.push({ caseId, reason: 'unknown-case' });
    else if (decision !== null && decision.outcome !== 'defer') plan.refused.push({ caseId, reason: 'decided' });
    else {
      plan.add.push(caseId);
      if (decision !== null) plan.deferred.push({ caseId, missingDocuments: [...decision.missingDocuments] });
    }
  }
  return plan;
}

/** How many were refused for each reason. */
export function refusalCounts(plan: AgendaPlan): Record<AgendaRefusal, number> {
  const counts: Record<AgendaRefusal, number> = { decided: 0, 'on-agenda': 0, 'unknown-case': 0 };
  for (const r of plan.refused) counts[r.reason] += 1;
  return counts;
}
