/**
 * What checking a bundle found, in the shape `council-desk validate --json` prints (FORMATS.md)
 * and the Bundles screen shows: every problem names the file, the NDJSON line where there is one,
 * and the JSON path, in words a secretary understands.
 */
import type { SignatureStatus } from './bundle-types';

/** Groups for the report, so a secretary sees "3 hash mismatches" rather than a wall of text. */
export const PROBLEM_KINDS = [
  'zip', // not a ZIP, damaged, encrypted entries
  'limits', // too many entries, too large, suspicious compression ratio
  'entry-name', // absolute paths, .., backslashes, duplicates, links
  'manifest', // manifest missing, unreadable, schema
  'policy', // tier table
  'signature', // unsigned when required, untrusted, bad signature
  'files', // listed but missing, present but unlisted, caseCount
  'hash', // SHA-256 differs
  'case', // a case line: schema, duplicate caseId, amounts
  'evidence', // referenced evidence missing, content not of its media type
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface BundleProblem {
  kind: ProblemKind;
  /** The file inside the bundle the problem is in (or the bundle's own name for ZIP problems). */
  file: string;
  /** 1-based line of an NDJSON file, else null. */
  line: number | null;
  /** JSON path, like business.registrationNo or files["evidence/1015-000123/pos.csv"]; "" for none. */
  path: string;
  /**
   * The problem as an English sentence about `file` (after "file · line N · path —"): what the CLI
   * prints and `validate --json` keeps, as FORMATS.md requires. The UI shows it only when it does
   * not know `code`.
   */
  message: string;
  /**
   * A stable code for the UI to translate (like HASH_MISMATCH or REGISTRATION_NO_FORMAT), with
   * `params` filling in its sentence. Absent in reports from before codes existed.
   */
  code?: string;
  /** The values the code's sentence names: file names, counts, sizes (names ending in "Bytes"). */
  params?: Record<string, string | number>;
}

export interface BundleReport {
  valid: boolean;
  /** The bundle file's name as the user knows it. */
  fileName: string;
  bundleId: string | null;
  caseCount: number | null;
  signedBy: { keyid: string; name: string } | null;
  signature: SignatureStatus | null;
  /** The first problems found, up to the reader's cap. */
  errors: BundleProblem[];
  warnings: BundleProblem[];
  /** How many errors there were in all (more than errors.length when the cap was reached). */
  errorCount: number;
}
