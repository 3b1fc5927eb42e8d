/**
 * What importing a bundle can end in, and the progress it reports on the way. The refusal codes
 * are stable (the Bundles screen translates the ones it knows, and shows any other code as it
 * is), and none is also a code of the bundle reader's problems: a refusal is about the import,
 * a problem about the bundle.
 */
import type { ImportProgress } from '../../../shared/bundle-import';
import type { BundleReport } from '../../../shared/bundle-report';
import type { SignatureStatus } from '../../../shared/bundle-types';
import type { ClientErrorCode, ShownErrorCode } from '../../common/council-api';
import type { StorageFigures } from '../../common/storage';

/** A different bundle was already imported under the same bundleId. */
export const BUNDLE_ID_CONFLICT = 'BUNDLE_ID_CONFLICT' satisfies ClientErrorCode;
/** The bundle re-issues cases the council has already decided (listed in caseIds). */
export const CASE_ALREADY_DECIDED = 'CASE_ALREADY_DECIDED' satisfies ClientErrorCode;
/** Another import is running in this window (the main process says the same of its own). */
export const IMPORT_BUSY = 'IMPORT_BUSY' satisfies ShownErrorCode;
/**
 * The main process said "done" while files the cases point to had not (all) arrived. Not the
 * reader's EVIDENCE_MISSING (a case points to a file the bundle does not hold).
 */
export const IMPORT_EVIDENCE_MISSING = 'IMPORT_EVIDENCE_MISSING' satisfies ClientErrorCode;
/**
 * The main process said "done" with fewer or more cases than the bundle announced. Not the
 * reader's CASE_COUNT_MISMATCH (the manifest's caseCount differs from the lines of cases.ndjson).
 */
export const IMPORT_CASE_COUNT_MISMATCH = 'IMPORT_CASE_COUNT_MISMATCH' satisfies ClientErrorCode;
/** The bundle's row went away while its chunks were written. */
export const IMPORT_LOST = 'IMPORT_LOST' satisfies ClientErrorCode;

/** Every code the import refuses with that the UI says in its own words (notice.codes). */
export const IMPORT_REFUSAL_CODES = [BUNDLE_ID_CONFLICT, CASE_ALREADY_DECIDED, IMPORT_BUSY, IMPORT_EVIDENCE_MISSING, IMPORT_CASE_COUNT_MISMATCH] as const;
export type ImportRefusalCode = (typeof IMPORT_REFUSAL_CODES)[number];

export type ImportOutcome =
  | {
      kind: 'imported';
      fileName: string;
      bundleId: string;
      cases: number;
      documents: number;
      /** Cases that came back from an earlier bundle and were stored as their next revision. */
      revised: string[];
      signature: SignatureStatus;
      warnings: BundleReport['warnings'];
    }
  /** The very same bundle (bundleId and manifest hash) is already stored: nothing was done. */
  | { kind: 'already-imported'; fileName: string; bundleId: string }
  /** Checking the bundle found errors: the report says what; nothing was stored. */
  | { kind: 'invalid'; fileName: string; report: BundleReport }
  /**
   * Refused for a reason other than the bundle's own validity; nothing was stored. With
   * STORAGE_FULL, `storage` holds what was used and left when the storage ran out.
   */
  | { kind: 'refused'; fileName: string; bundleId: string | null; code: ShownErrorCode; message: string; caseIds: string[]; storage?: StorageFigures | null }
  | { kind: 'cancelled'; fileName: string; bundleId: string | null };

/** Progress as the main process counts it, plus what the bundle announced and the time spent. */
export interface ImportProgressEvent extends ImportProgress {
  fileName: string;
  bundleId: string;
  casesTotal: number;
  evidenceTotal: number;
  elapsedMs: number;
  /**
   * Where the rate of progress is measured from: the moment writing began, once the main process
   * had read the bundle's start and the bundle row was stored (elapsed then, fraction done then).
   */
  rateFrom?: { elapsedMs: number; fraction: number };
}

/** Thrown inside the import to refuse it with a code (the import then rolls back). */
export class ImportRefusal extends Error {
  constructor(
    readonly code: ShownErrorCode,
    message: string,
    readonly caseIds: string[] = [],
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

/** "dir/sub/batch7.cdbundle" (or with backslashes) -> "batch7.cdbundle". */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
