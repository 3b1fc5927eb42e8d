/**
 * The computed part of a case row, pure: the tier engine's assessment (assessed loss, suggestion,
 * engine flags) from the record and its bundle's incident and policy, and the duplicate flags laid
 * over it (flags = engine flags + duplicate codes, in FLAG_ORDER).
 */
import { assessCase } from '../../shared/assessment';
import { DUPLICATE_FLAGS, registrationKey, sortFlags, type DuplicateCaseSummary, type DuplicateFlag } from '../../shared/duplicate-flags';
import type { BundleManifest } from '../../shared/schemas/bundle-manifest';
import type { CaseRecord } from '../../shared/schemas/case-record';
import type { CaseRow } from './rows';

/** What the engine reads of a bundle's manifest. */
export type AssessmentBasis = Pick<BundleManifest, 'incident' | 'policy'>;

export type CaseAssessmentFields = Pick<CaseRow, 'assessedLoss' | 'suggestedTier' | 'suggestion' | 'flags'>;

/** The stored assessment of a case; flags are the engine's own (no duplicates yet). */
export function caseAssessmentOf(record: CaseRecord, basis: AssessmentBasis): CaseAssessmentFields {
  const a = assessCase(record, basis.incident, basis.policy);
  const tier = a.tier === null ? null : a.tier.id;
  return {
    assessedLoss: a.assessedLoss,
    suggestedTier: tier,
    suggestion: { tier, award: a.award, amount: a.suggestionAmount, basis: a.basis },
    flags: [...a.flags],
  };
}

const isDuplicateCode = (flag: string) => (DUPLICATE_FLAGS as readonly string[]).includes(flag);

/** The flags a case has of itself: its stored flags without the duplicate codes. */
export function ownFlagsOf(flags: readonly string[]): string[] {
  return flags.filter((f) => !isDuplicateCode(f));
}

/** The row with these duplicate flags; null when its flags and duplicates would not change. */
export function withDuplicates(row: CaseRow, duplicates: readonly DuplicateFlag[]): CaseRow | null {
  const flags = sortFlags([...ownFlagsOf(row.flags), ...duplicates.map((d) => d.code)]);
  if (sameList(flags, row.flags) && sameDuplicates(duplicates, row.duplicates)) return null;
  return { ...row, flags, duplicates: duplicates.map((d) => ({ code: d.code, caseIds: [...d.caseIds] })) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameDuplicates(a: readonly DuplicateFlag[], b: readonly DuplicateFlag[]): boolean {
  return a.length === b.length && a.every((x, i) => x.code === b[i]!.code && sameList(x.caseIds, b[i]!.caseIds));
}

/**
 * What duplicate finding reads of a case revision: `hashOf` gives the SHA-256 of one of its
 * evidence files in the revision's bundle; files it does not know are left out.
 */
export function duplicateSummaryOf(record: CaseRecord, bundleId: string, hashOf: (file: string) => string | undefined): DuplicateCaseSummary {
  const documentHashes: string[] = [];
  for (const d of record.documents) {
    const hash = hashOf(d.file);
    if (hash !== undefined && hash !== '') documentHashes.push(hash);
  }
  return {
    caseId: record.caseId,
    bundleId,
    registrationNo: registrationKey(record.business.registrationNo),
    bankAccountFingerprint: record.bankAccountFingerprint,
    documentHashes,
  };
}
