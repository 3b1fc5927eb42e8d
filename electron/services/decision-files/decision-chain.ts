/**
 * Each meeting's chain across decision files verified together (the files named to `council-desk
 * verify`, the inbox): the status of each (shared/decisions/chain-check.ts) and, for `verify`, the
 * problem a broken link is. Only payloads whose signature verified and that passed their schema
 * take part: what anyone else says about a sequence proves nothing.
 */
import type { ChainStatus } from '../../../shared/api';
import { chainStatuses, type ChainLink } from '../../../shared/decisions/chain-check';
import type { PayloadProblem } from '../../../shared/decisions/payload-check';
import { payloadProblem } from '../../../shared/decisions/payload-problems';
import type { DecisionFileVerification } from './verify-decision-file';

type Chained = Pick<DecisionFileVerification, 'payload' | 'payloadSha256'>;

function linkOf(v: Chained): ChainLink | null {
  if (v.payload === null || v.payloadSha256 === null) return null;
  return { meetingId: v.payload.meeting.meetingId, sequence: v.payload.sequence, previous: v.payload.previous, payloadSha256: v.payloadSha256 };
}

export interface ChainPlace {
  status: ChainStatus;
  /** What is wrong with the link (null for first and follows), at its JSON path. */
  problem: PayloadProblem | null;
}

/** Each file's place in its meeting's chain, in the order given; null for a file that takes no part. */
export function chainPlaces(files: readonly Chained[]): (ChainPlace | null)[] {
  const links = files.map(linkOf);
  const taking = links.filter((l): l is ChainLink => l !== null);
  const statuses = chainStatuses(taking);
  const statusOf = new Map(taking.map((l, i) => [l, statuses[i]!]));
  return links.map((l) => (l === null ? null : { status: statusOf.get(l)!, problem: chainProblem(l, statusOf.get(l)!, taking) }));
}

function chainProblem(link: ChainLink, status: ChainStatus, links: readonly ChainLink[]): PayloadProblem | null {
  const same = links.filter((o) => o.meetingId === link.meetingId);
  switch (status) {
    case 'first':
    case 'follows':
      return null;
    case 'duplicate':
      return { path: 'sequence', ...payloadProblem('DECISION_CHAIN_FORK', { sequence: link.sequence }) };
    case 'gap': {
      let expected = 1;
      while (same.some((o) => o.sequence === expected)) expected += 1;
      return { path: 'sequence', ...payloadProblem('DECISION_CHAIN_GAP', { sequence: link.sequence, expected }) };
    }
    case 'previous-mismatch': {
      const before = same.find((o) => o.sequence === link.sequence - 1);
      return { path: 'previous', ...payloadProblem('DECISION_CHAIN_PREVIOUS', { expected: before?.payloadSha256 ?? '' }) };
    }
  }
}
