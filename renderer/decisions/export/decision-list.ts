/**
 * The Decisions screen's table for one meeting: every decision, exported or not, with the file
 * that holds it (name, sequence, queued or written), and how many the next file would hold.
 */
import { decisionKey, decisionsToExport } from '../../../shared/decisions/build-payload';
import type { DecisionRow, ExportRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { signedDecisions } from './export-input';

export interface DecisionListRow {
  caseId: string;
  revision: number;
  outcome: DecisionRow['outcome'];
  award: number | null;
  decidedAt: string;
  /** Reopened (and so set aside): a reopened decision not yet exported never goes out. */
  reopened: boolean;
  file: Pick<ExportRow, 'fileName' | 'sequence'> & { state: 'queued' | 'written' } | null;
}

export interface MeetingDecisionList {
  rows: DecisionListRow[];
  /** Decisions the next file would hold. */
  pending: number;
}

export async function readDecisionList(db: CouncilDb, meetingId: string): Promise<MeetingDecisionList> {
  const [decisions, exports] = await db.transaction('r', [db.decisions, db.exports], () =>
    Promise.all([db.decisions.where('meetingId').equals(meetingId).toArray(), db.exports.where('meetingId').equals(meetingId).toArray()]),
  );
  const holding = new Map<string, ExportRow>();
  for (const row of exports) if (row.state !== 'signing') for (const key of row.decisions) holding.set(key, row);
  const rows = decisions
    .map((d): DecisionListRow => {
      const file = holding.get(decisionKey(d));
      return {
        caseId: d.caseId,
        revision: d.revision,
        outcome: d.outcome,
        award: d.award,
        decidedAt: d.decidedAt,
        reopened: d.reopened !== null,
        file: file ? { fileName: file.fileName, sequence: file.sequence, state: file.state === 'queued' ? 'queued' : 'written' } : null,
      };
    })
    .sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt) || a.caseId.localeCompare(b.caseId) || a.revision - b.revision);
  return { rows, pending: decisionsToExport(meetingId, decisions, signedDecisions(exports)).length };
}
