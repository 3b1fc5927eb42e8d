/** The Cases list's small row of a case, derived from the case row alone. */
import type { CaseRow, CaseSummaryRow } from './rows';

export function caseSummaryOf(row: CaseRow): CaseSummaryRow {
  return {
    caseId: row.caseId,
    bundleId: row.bundleId,
    status: row.status,
    revision: row.revision,
    businessName: row.businessName,
    registrationNo: row.registrationNo,
    claimedLoss: row.claimedLoss,
    assessedLoss: row.assessedLoss,
    suggestedTier: row.suggestedTier,
    award: row.suggestion.award,
    flags: row.flags,
  };
}
