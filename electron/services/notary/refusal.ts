/**
 * Why the notary refuses a payload, in words that name the decision and the field:
 * "decisions[3] (caseId 1015-000123).tally.approve: the tally says approve 4, but …".
 */
import type { z } from 'zod';
import { formatJsonPath } from '../../../shared/json-path';
import { boundText } from '../../../shared/problems/problem';
import { CouncilError } from '../../../shared/result';

/** Problems spelled out in one refusal; the rest are counted. */
const SHOWN = 5;

export interface Refused {
  /** JSON path in the payload, like decisions[3].tally.approve. */
  path: string;
  message: string;
}

/** The path with the decision's caseId after `decisions[i]`, when the payload has one there. */
export function namedPath(path: string, payload: unknown): string {
  const m = /^decisions\[(\d+)\]/.exec(path);
  if (m === null) return path;
  const decisions = (payload as { decisions?: unknown } | null)?.decisions;
  const entry = Array.isArray(decisions) ? (decisions[Number(m[1])] as { caseId?: unknown } | undefined) : undefined;
  const caseId = entry !== null && typeof entry === 'object' ? entry.caseId : undefined;
  if (typeof caseId !== 'string') return path;
  return `${m[0]} (caseId ${boundText(caseId, 64)})${path.slice(m[0].length)}`;
}

/** DECISION_REFUSED naming each problem's decision and field. */
export function refusal(problems: readonly Refused[], payload: unknown): CouncilError {
  const lines = problems.slice(0, SHOWN).map((p) => (p.path === '' ? p.message : `${namedPath(p.path, payload)}: ${p.message}`));
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more problem${problems.length - SHOWN === 1 ? '' : 's'}` : '';
  return new CouncilError('DECISION_REFUSED', `The decision file was not signed: ${lines.join('; ')}${more}.`);
}

/** The refusal for a payload the decisions schema does not accept. */
export function schemaRefusal(error: z.ZodError, payload: unknown): CouncilError {
  return refusal(
    error.issues.map((i) => ({ path: formatJsonPath(i.path), message: i.message })),
    payload,
  );
}
