/**
 * A meeting's decision files as a chain (FORMATS.md: `sequence` without gaps, `previous` the
 * SHA-256 of the previous file's payload bytes): where each file stands among the files given.
 * `council-desk verify` reports a gap, a wrong previous or a fork as an error; the inbox shows it.
 */
import type { ChainStatus } from '../api';

export interface ChainLink {
  meetingId: string;
  sequence: number;
  previous: string | null;
  payloadSha256: string;
}

/** Each link's status, in the order given. */
export function chainStatuses(links: readonly ChainLink[]): ChainStatus[] {
  const byMeeting = new Map<string, Map<number, ChainLink[]>>();
  for (const l of links) {
    const seqs = byMeeting.get(l.meetingId) ?? new Map<number, ChainLink[]>();
    seqs.set(l.sequence, [...(seqs.get(l.sequence) ?? []), l]);
    byMeeting.set(l.meetingId, seqs);
  }
  return links.map((l) => {
    const seqs = byMeeting.get(l.meetingId)!;
    if (new Set(seqs.get(l.sequence)!.map((o) => o.payloadSha256)).size > 1) return 'duplicate';
    if (l.sequence === 1) return l.previous === null ? 'first' : 'previous-mismatch';
    for (let s = 1; s < l.sequence; s += 1) if (!seqs.has(s)) return 'gap';
    const before = seqs.get(l.sequence - 1)!;
    return before.some((b) => b.payloadSha256 === l.previous) ? 'follows' : 'previous-mismatch';
  });
}
