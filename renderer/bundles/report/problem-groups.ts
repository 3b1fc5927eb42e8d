/** A validation report's problems grouped by kind, in the order of PROBLEM_KINDS. */
import type { BundleReport } from '../../../shared/bundle-report';
import { PROBLEM_KINDS, type ProblemKind } from '../../../shared/problems/problem';

type ReportProblem = BundleReport['errors'][number];

export interface ProblemGroup {
  kind: ProblemKind;
  /** How many problems of this kind the report lists in all. */
  count: number;
  /** The ones of them to show. */
  problems: ReportProblem[];
}

/** Groups `shown` by kind, counting each kind over `all` (the shown ones are a prefix of all). */
export function groupProblems(all: readonly ReportProblem[], shown: readonly ReportProblem[] = all): ProblemGroup[] {
  const counts = new Map<ProblemKind, number>();
  for (const p of all) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const lists = new Map<ProblemKind, ReportProblem[]>();
  for (const p of shown) {
    const list = lists.get(p.kind);
    if (list) list.push(p);
    else lists.set(p.kind, [p]);
  }
  return PROBLEM_KINDS.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)!, problems: lists.get(kind) ?? [] }));
}
