/**
 * What checking a bundle found, in the shape `council-desk validate --json` prints (FORMATS.md)
 * and the Bundles screen shows: every problem (shared/problems/problem.ts) names its kind, the
 * file, the NDJSON line where there is one, and the JSON path, in words a secretary understands.
 */
import type { SignatureStatus } from './bundle-types';
import type { Problem, ProblemKind } from './problems/problem';

export interface BundleReport {
  valid: boolean;
  /** The bundle file's name as the user knows it. */
  fileName: string;
  bundleId: string | null;
  caseCount: number | null;
  signedBy: { keyid: string; name: string } | null;
  signature: SignatureStatus | null;
  /** The first problems found, up to the reader's cap; each names the kind the report groups it under. */
  errors: (Problem & { kind: ProblemKind })[];
  warnings: (Problem & { kind: ProblemKind })[];
  /**
   * How many errors were found (more than errors.length when the cap was reached). Once the cap
   * is reached the reader stops checking, so there may be more it did not look for.
   */
  errorCount: number;
  /** Lines of cases.ndjson only counted, not checked, because the error cap was reached (0 or absent: none). */
  linesNotChecked?: number;
  /** Files the manifest lists that were not read because the error cap was reached (0 or absent: none). */
  filesNotChecked?: number;
}
