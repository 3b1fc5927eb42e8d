/**
 * Importing a bundle across the process boundary, pulled by the renderer chunk by chunk:
 * importBegin checks the ZIP's directory, the manifest and the signature; importNext hands over
 * validated cases and evidence bytes; the last chunk says whether every check passed. Only then
 * does the renderer mark the bundle ready; on a failed chunk or a cancel it rolls it back.
 */
import type { BundleReport } from './bundle-report';
import type { SignatureStatus } from './bundle-types';
import type { BundleManifest } from './schemas/bundle-manifest';
import type { CaseRecord } from './schemas/case-record';

export interface BundleSummary {
  fileName: string;
  manifest: BundleManifest;
  manifestSha256: string;
  signature: SignatureStatus;
  caseCount: number;
  evidenceCount: number;
  /** Inflated bytes of everything to read, from the ZIP's directory: for the progress bar. */
  bytesTotal: number;
}

export type ImportBeginResult =
  | { started: true; importId: string; summary: BundleSummary }
  | { started: false; report: BundleReport };

/** A piece of one evidence file; pieces of a file arrive in order, the last one has last: true. */
export interface EvidencePiece {
  file: string;
  bytes: Uint8Array;
  last: boolean;
}

export interface ImportProgress {
  casesRead: number;
  evidenceRead: number;
  bytesRead: number;
  bytesTotal: number;
}

export type ImportChunk =
  | { kind: 'data'; cases: CaseRecord[]; evidence: EvidencePiece[]; progress: ImportProgress }
  /** Everything was read and every check passed: the renderer may mark the bundle ready. */
  | { kind: 'done'; report: BundleReport; progress: ImportProgress }
  /** A check failed: the renderer rolls back what it stored; the report lists what was found. */
  | { kind: 'failed'; report: BundleReport; progress: ImportProgress };

/** A bundle file waiting in the sync folder's inbox/. */
export interface InboxEntry {
  path: string;
  fileName: string;
  size: number;
  modifiedAt: string;
  /** From a quick look at the manifest; null when it could not be read (the import says why). */
  bundleId: string | null;
  manifestSha256: string | null;
}
