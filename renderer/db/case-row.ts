/** The stored row of a case as it first arrives from a bundle: revision 1, nothing computed yet. */
import type { CaseRecord } from '../../shared/schemas/case-record';
import type { CaseRow } from './rows';

export function caseRowOf(record: CaseRecord, bundleId: string, importedAt: string): CaseRow {
  return {
    caseId: record.caseId,
    bundleId,
    status: 'undecided',
    revision: 1,
    registrationNo: record.business.registrationNo,
    bankAccountFingerprint: record.bankAccountFingerprint,
    claimedLoss: record.claimedLoss,
    businessName: record.business.name,
    assessedLoss: null,
    suggestedTier: null,
    suggestion: null,
    flags: [],
    duplicates: [],
    record,
    importedAt,
    previousBundleId: null,
  };
}
