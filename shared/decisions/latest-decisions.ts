/**
 * A meeting's decisions as its decision files settle them (FORMATS.md, "Decision file"): for each
 * case, the decision at its highest revision across the files; and the totals those make, which a
 * minutes attestation states.
 */
import type { DecisionEntry, DecisionFilePayload, DecisionTotals } from './decision-file-schema';
import { totalsOf } from './payload-check';

/** Each case once, at its highest revision, in the order the cases first appear in the files. */
export function latestDecisions(payloads: readonly Pick<DecisionFilePayload, 'decisions'>[]): DecisionEntry[] {
  const latest = new Map<string, DecisionEntry>();
  for (const payload of payloads) {
    for (const d of payload.decisions) {
      const before = latest.get(d.caseId);
      if (before === undefined || d.revision > before.revision) latest.set(d.caseId, d);
    }
  }
  return [...latest.values()];
}

/** The totals of the meeting's cases at their highest revision. */
export function meetingTotals(payloads: readonly Pick<DecisionFilePayload, 'decisions'>[]): DecisionTotals {
  return totalsOf(latestDecisions(payloads));
}
