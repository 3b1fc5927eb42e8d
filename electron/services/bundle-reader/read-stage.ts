/** What the reading stages (cases, evidence) share: where to read, where to log, whom to call. */
import type { EvidencePiece } from '../../../shared/bundle-import';
import type { CaseRecord } from '../../../shared/schemas/case-record';
import type { CaseLineOptions } from './case-line-pipeline';
import type { EvidenceOptions } from './read-bundle';
import type { CaseWorkers } from './read-cases';
import type { EntryReader } from './entry-chunks';
import type { ManifestInfo } from './manifest-reader';
import type { BundleDirectory } from './zip-directory';

export interface ReadStage {
  reader: EntryReader;
  directory: BundleDirectory;
  manifest: ManifestInfo;
  onCase?: ((record: CaseRecord, line: number) => void | Promise<void>) | undefined;
  onEvidencePiece?: ((piece: EvidencePiece) => void | Promise<void>) | undefined;
  caseLines?: CaseLineOptions | undefined;
  /** Started by readBundle once the directory is read; readCases starts them itself when not. */
  caseWorkers?: CaseWorkers | undefined;
  /** readBundle's option: the fast path for evidence only checked, and its hashing worker. */
  evidence?: EvidenceOptions | undefined;
}

/** Awaits a callback's answer only when it is a promise: most calls return nothing, and a line costs microseconds. */
export function settle(result: void | Promise<void>): Promise<void> | undefined {
  return result && typeof (result as Promise<void>).then === 'function' ? result : undefined;
}
