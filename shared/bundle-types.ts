import type { BundleManifest } from './schemas/bundle-manifest';
import type { CaseRecord, EvidenceMediaType } from './schemas/case-record';

/** Who signed a bundle, in the words the Bundles screen shows. */
export type SignatureStatus =
  | { state: 'trusted'; keyid: string; name: string }
  | { state: 'untrusted'; keyid: string }
  | { state: 'unsigned' };

/** One evidence file of a case, with its bytes: stored as a Blob so the bundle file may go. */
export interface EvidenceFile {
  caseId: string;
  /** The path inside the bundle, e.g. evidence/1015-000123/pos.csv: what a case's document points to. */
  file: string;
  mediaType: EvidenceMediaType;
  sha256: string;
  bytes: Uint8Array;
}

/** A verified bundle, whole: what the main process hands the renderer to store. */
export interface VerifiedBundle {
  manifest: BundleManifest;
  /** Lowercase hex SHA-256 of the manifest's bytes as they are in the bundle. */
  manifestSha256: string;
  signature: SignatureStatus;
  cases: CaseRecord[];
  evidence: EvidenceFile[];
}
