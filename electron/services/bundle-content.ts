import type { BundleManifest } from '../../shared/schemas/bundle-manifest';
import type { CaseRecordInput } from '../../shared/schemas/case-record';

/**
 * Everything a .cdbundle holds, before it is written: the manifest without the parts the writer
 * computes (files' SHA-256 and caseCount), the case records, and the evidence files by path.
 */
export interface BundleContent {
  manifest: Omit<BundleManifest, 'files' | 'caseCount'>;
  cases: CaseRecordInput[];
  files: { path: string; bytes: Uint8Array }[];
}
