/**
 * Which revision of each case a meeting's decision files stand at (FORMATS.md: "A receiver
 * applies, for each caseId, the highest revision"). One home for the rule, so the minutes and the
 * payment list's sum check read the files the same way.
 */
import { CouncilError } from '../result';
import type { DecisionEntry, DecisionTotals } from '../decisions/decision-file-schema';
import { totalsOf } from '../decisions/payload-check';
import type { MinutesDecisionFileInput } from './minutes-model';

/** A decision and the file that holds it. */
export interface FiledDecision {
  entry: DecisionEntry;
  fileName: string;
  payloadSha256: string;
  sequence: number;
}

export interface CaseRevisions {
  /** The highest revision of the case in the files. */
  latest: FiledDecision;
  /** Its lower revisions in the files, oldest first. */
  earlier: FiledDecision[];
}

/**
 * For each caseId, its highest revision and the earlier ones, in the order the cases first appear
 * in the files. A case with the same revision in two places makes the files contradict each other:
 * it throws CouncilError('MINUTES_INVALID') naming both files.
 */
export function revisionsByCase(files: readonly MinutesDecisionFileInput[]): Map<string, CaseRevisions> {
  const all = new Map<string, FiledDecision[]>();
  for (const f of files) {
    for (const entry of f.payload.decisions) {
      const filed: FiledDecision = { entry, fileName: f.fileName, payloadSha256: f.payloadSha256, sequence: f.payload.sequence };
      const list = all.get(entry.caseId) ?? [];
      const twin = list.find((x) => x.entry.revision === entry.revision);
      if (twin) {
        throw new CouncilError('MINUTES_INVALID', `Case ${entry.caseId} has revision ${entry.revision} both in ${twin.fileName} and in ${f.fileName}.`);
      }
      list.push(filed);
      all.set(entry.caseId, list);
    }
  }
  const out = new Map<string, CaseRevisions>();
  for (const [caseId, list] of all) {
    const sorted = [...list].sort((a, b) => a.entry.revision - b.entry.revision);
    out.set(caseId, { latest: sorted[sorted.length - 1]!, earlier: sorted.slice(0, -1) });
  }
  return out;
}

/** The totals of the meeting's cases at their highest revision: what a minutes attestation states. Throws as revisionsByCase. */
export function totalsAtHighestRevision(files: readonly MinutesDecisionFileInput[]): DecisionTotals {
  return totalsOf([...revisionsByCase(files).values()].map((r) => r.latest.entry));
}
