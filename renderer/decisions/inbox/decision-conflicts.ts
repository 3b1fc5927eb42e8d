/**
 * Other devices' decisions next to this device's (pure): what the verified received files say for
 * each case, and how that stands against the decisions stored here. FORMATS.md: "A receiver
 * applies, for each caseId, the highest revision", so a case's received decision is its highest
 * revision among the verified files; a failed file counts for nothing. Nothing here is ever
 * applied: the comparison is only shown.
 *
 * - same: this device's decision of that revision says the same outcome and award, and it has none later;
 * - conflict: the same revision here says another outcome or another award;
 * - newer-elsewhere: the received revision is higher than any decided here;
 * - newer-here: this device holds a higher revision than the one received;
 * - not-here: this device has no decision for the case.
 */
import type { ReceivedDecisionFile } from '../../../shared/api';
import type { DecisionEntry } from '../../../shared/decisions/decision-file-schema';
import type { DecisionRow } from '../../db/rows';

export type ComparisonKind = 'same' | 'conflict' | 'newer-elsewhere' | 'newer-here' | 'not-here';

/** What a decision's comparison looks at: FORMATS.md's outcome and award. */
export type ComparedField = 'outcome' | 'award';

/** A decision as received, with the file it came in. */
export interface ReceivedCaseDecision {
  entry: DecisionEntry;
  file: ReceivedDecisionFile;
}

export interface CaseComparison {
  caseId: string;
  kind: ComparisonKind;
  received: ReceivedCaseDecision;
  /**
   * This device's decision it was compared with: the same revision (same, conflict), this
   * device's latest (newer-here, newer-elsewhere); null when this device has none (not-here).
   */
  here: DecisionRow | null;
  /** What differs (only for a conflict). */
  differs: ComparedField[];
}

/** A received decision that a higher revision received in a file (this one or another) replaces. */
export interface SupersededDecision {
  caseId: string;
  kind: 'superseded';
  by: ReceivedCaseDecision;
}

export type EntryStanding = CaseComparison | SupersededDecision;

/** One decision of a file, and how it stands. */
export interface FileDecision {
  entry: DecisionEntry;
  standing: EntryStanding;
}

/** This device's decisions, by case. */
export type DecisionsByCase = ReadonlyMap<string, readonly DecisionRow[]>;

export function groupByCase(rows: readonly DecisionRow[]): Map<string, DecisionRow[]> {
  const byCase = new Map<string, DecisionRow[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId);
    if (list) list.push(row);
    else byCase.set(row.caseId, [row]);
  }
  return byCase;
}

function verifiedEntries(file: ReceivedDecisionFile): readonly DecisionEntry[] {
  return file.status === 'verified' && file.payload !== null ? file.payload.decisions : [];
}

/** Every case the verified files decide, once each, in the order first met. */
export function receivedCaseIds(files: readonly ReceivedDecisionFile[]): string[] {
  const ids = new Set<string>();
  for (const file of files) for (const entry of verifiedEntries(file)) ids.add(entry.caseId);
  return [...ids];
}

/** Each case's highest received revision among the verified files (the first file met holds a tie). */
export function highestReceived(files: readonly ReceivedDecisionFile[]): Map<string, ReceivedCaseDecision> {
  const best = new Map<string, ReceivedCaseDecision>();
  for (const file of files) {
    for (const entry of verifiedEntries(file)) {
      const held = best.get(entry.caseId);
      if (!held || entry.revision > held.entry.revision) best.set(entry.caseId, { entry, file });
    }
  }
  return best;
}

function latestOf(rows: readonly DecisionRow[]): DecisionRow | null {
  return rows.reduce<DecisionRow | null>((best, row) => (best === null || row.revision > best.revision ? row : best), null);
}

/** What a decision of this device says differently from a received one of the same revision. */
export function differences(entry: Pick<DecisionEntry, 'outcome' | 'award'>, here: Pick<DecisionRow, 'outcome' | 'award'>): ComparedField[] {
  const differs: ComparedField[] = [];
  if (entry.outcome !== here.outcome) differs.push('outcome');
  if (entry.award !== here.award) differs.push('award');
  return differs;
}

/** One received decision against this device's decisions for its case. */
export function compareCase(received: ReceivedCaseDecision, hereRows: readonly DecisionRow[]): CaseComparison {
  const { caseId, revision } = received.entry;
  const latest = latestOf(hereRows.filter((row) => row.caseId === caseId));
  if (latest === null) return { caseId, kind: 'not-here', received, here: null, differs: [] };
  if (latest.revision > revision) return { caseId, kind: 'newer-here', received, here: latest, differs: [] };
  if (latest.revision < revision) return { caseId, kind: 'newer-elsewhere', received, here: latest, differs: [] };
  const differs = differences(received.entry, latest);
  return { caseId, kind: differs.length === 0 ? 'same' : 'conflict', received, here: latest, differs };
}

/** Each case's highest received revision, compared with this device's decisions. */
export function compareReceived(files: readonly ReceivedDecisionFile[], hereRows: readonly DecisionRow[]): Map<string, CaseComparison> {
  const byCase = groupByCase(hereRows);
  const out = new Map<string, CaseComparison>();
  for (const [caseId, received] of highestReceived(files)) out.set(caseId, compareCase(received, byCase.get(caseId) ?? []));
  return out;
}

/**
 * How each decision of one file stands: compared with this device's when it is its case's highest
 * received revision, else superseded by the file holding the higher one. A failed file: none.
 */
export function fileStandings(file: ReceivedDecisionFile, highest: ReadonlyMap<string, ReceivedCaseDecision>, here: DecisionsByCase): FileDecision[] {
  return verifiedEntries(file).map((entry): FileDecision => {
    const best = highest.get(entry.caseId);
    if (best && best.entry.revision > entry.revision) return { entry, standing: { caseId: entry.caseId, kind: 'superseded', by: best } };
    return { entry, standing: compareCase({ entry, file }, here.get(entry.caseId) ?? []) };
  });
}
