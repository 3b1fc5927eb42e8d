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

/**
 * Bytes held as a Blob, or as a range of one that becomes a Blob of its own when sliced (Node 20
 * and Chromium both have Blob; shared/ compiles without either's typings, so only what the
 * renderer uses of it is declared here).
 */
export interface BlobBytes {
  readonly size: number;
  slice(start?: number, end?: number, contentType?: string): BlobBytes;
}

/**
 * An evidence piece's bytes as the renderer receives them. The main process hands over a
 * Uint8Array; in browser mode the page's bridge passes them on as a range of the answer's Blob
 * (renderer/common/http-bridge.ts), so the bytes need not pass through the page's memory. Either
 * makes (a part of) the document's Blob.
 */
export type EvidenceBytes = Uint8Array | BlobBytes;

/** How many bytes either form holds. */
export function evidenceBytesSize(bytes: EvidenceBytes): number {
  return ArrayBuffer.isView(bytes) ? bytes.byteLength : bytes.size;
}

/** A piece of one evidence file; pieces of a file arrive in order, the last one has last: true. */
export interface EvidencePiece {
  file: string;
  bytes: Uint8Array;
  last: boolean;
}

/** An evidence piece as it reaches the renderer: its bytes in either form. */
export interface ReceivedEvidencePiece extends Omit<EvidencePiece, 'bytes'> {
  bytes: EvidenceBytes;
}

export interface ImportProgress {
  casesRead: number;
  evidenceRead: number;
  bytesRead: number;
  bytesTotal: number;
}

export type ImportChunk =
  | { kind: 'data'; cases: CaseRecord[]; evidence: ReceivedEvidencePiece[]; progress: ImportProgress }
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
