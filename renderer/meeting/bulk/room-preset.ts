/**
 * The room's bulk vote preset: "all unflagged T1 and T2 cases with their suggestion" — the agenda
 * cases without a flag whose suggestion has a fixed award (a tier decided case by case has none),
 * not decided yet. The count and the total of their suggested awards are shown before anything
 * is opened.
 */
import type { CaseRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';

export interface BulkPreset {
  caseIds: string[];
  total: number;
}

export function presetOf(rows: readonly (CaseRow | undefined)[]): BulkPreset {
  const caseIds: string[] = [];
  let total = 0;
  for (const row of rows) {
    if (!row || row.flags.length > 0 || row.suggestion.award === null || row.status === 'decided' || row.status === 'deferred') continue;
    caseIds.push(row.caseId);
    total += row.suggestion.award;
  }
  return { caseIds, total };
}

export async function loadBulkPreset(db: CouncilDb, agenda: readonly string[]): Promise<BulkPreset> {
  return presetOf(await db.cases.bulkGet([...agenda]));
}
