/**
 * The stored row of a case as it first arrives from a bundle: revision 1, assessed by the tier
 * engine against its bundle's incident and policy; duplicate flags come when the bundle is ready.
 */
import { registrationKey } from '../../shared/duplicate-flags';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { caseAssessmentOf, type AssessmentBasis } from './case-assessment';
import type { CaseRow } from './rows';

export function caseRowOf(record: CaseRecord, bundleId: string, importedAt: string, basis: AssessmentBasis): CaseRow {
  return {
    caseId: record.caseId,
    bundleId,
    status: 'undecided',
    revision: 1,
    registrationNo: registrationKey(record.business.registrationNo),
    bankAccountFingerprint: record.bankAccountFingerprint,
    claimedLoss: record.claimedLoss,
    businessName: record.business.name,
    ...caseAssessmentOf(record, basis),
    duplicates: [],
    record,
    importedAt,
    previousBundleId: null,
  };
}
