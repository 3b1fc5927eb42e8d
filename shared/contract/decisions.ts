/**
 * Signed decision files (electron/services/notary/ and decision-files/): main is the notary, and verifies what other devices sent.
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import { MEETING_ID_PATTERN } from '../decisions/decision-file-name';
import type { DecisionFilePayload } from '../decisions/decision-file-schema';
import { filePath } from './arg-schemas';
import type { DialogLanguage } from './app';

/** What the notary answers for an export of decisions. */
export interface DecisionExportResult {
  fileName: string;
  meetingId: string;
  sequence: number;
  /** SHA-256 (hex) of the payload bytes (what the next file's `previous` names). */
  payloadSha256: string;
  /** 'written': in <sync>/outbox/, read back and verified; 'queued': signed, waiting for the sync folder to come back. */
  state: 'written' | 'queued';
  /** True when this very payload had been signed before: nothing new was signed. */
  existed: boolean;
  /** Where it was written; null while queued. */
  path: string | null;
}

/** What the notary's ledger says it signed for one meeting. */
export interface DecisionLedger {
  meetingId: string;
  /** 0 when nothing was signed yet for the meeting. */
  lastSequence: number;
  /** The last signed file's payload SHA-256: the next file's `previous`; null before the first. */
  lastPayloadSha256: string | null;
  files: { sequence: number; fileName: string; payloadSha256: string; state: 'written' | 'queued' }[];
}

/** The outbox as main sees it: the sync folder, whether it is there, and what waits for it. */
export interface OutboxStatus {
  syncFolder: string | null;
  available: boolean;
  queued: { fileName: string; meetingId: string; sequence: number }[];
  /** Why the last try to write failed (the folder gone, the disk full); null when nothing failed. */
  lastError: string | null;
}

/** A problem found in a received file: where (JSON path), a stable code, and its English sentence. */
export interface ReceivedProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * How a received decision file stands in its meeting's chain, among the files received with it:
 * first (sequence 1), follows (its previous is the file before it), gap (an earlier sequence is
 * missing), previous-mismatch (previous names another payload than the file before it: a reorder
 * or a replaced file), duplicate (two different files with one meeting and sequence).
 */
export type ChainStatus = 'first' | 'follows' | 'gap' | 'previous-mismatch' | 'duplicate';

/** A decision file from another device (the inbox, or "Open decision file…"), verified by main. */
export interface ReceivedDecisionFile {
  fileName: string;
  path: string;
  status: 'verified' | 'failed';
  /** Why it failed (empty when verified). */
  problems: ReceivedProblem[];
  /** The trusted key that verified it; null when none did. */
  verifiedBy: { keyid: string; name: string } | null;
  signer: { memberId: string; name: string; role: string; keyid: string } | null;
  meetingId: string | null;
  sequence: number | null;
  payloadSha256: string | null;
  chain: ChainStatus | null;
  /** The verified payload (null when it failed): shown read-only, compared with this device's decisions. */
  payload: DecisionFilePayload | null;
}

export interface DecisionHandlers {
  /** What the notary signed for a meeting: the next file's sequence and previous follow it. */
  getDecisionLedger(arg: { meetingId: string }): Promise<DecisionLedger>;
  /**
   * Signs a decision file with this device's chair key once the payload passes every check
   * (schema, recounts, totals, awards, sequence and previous against the ledger) and the signer
   * confirmed the native dialog, and writes it into <sync>/outbox/ (or queues it when the folder is
   * gone). Refused: DECISION_REFUSED naming the decision and the field; CONFIRMATION_DECLINED.
   */
  exportDecisions(arg: { payload: unknown; language?: DialogLanguage }): Promise<DecisionExportResult>;
  getOutboxStatus(arg: undefined): Promise<OutboxStatus>;
  /** Tries the queued files again now (main also retries by itself). */
  retryOutbox(arg: undefined): Promise<OutboxStatus>;
  /** The decision files (*.dsse.json) in <sync>/inbox/, each verified against the trust file (role chair). */
  listInboxDecisions(arg: undefined): Promise<ReceivedDecisionFile[]>;
  /** "Open decision file…": main's file dialog (or browser mode's picked path), then the same verification; null when cancelled. */
  openDecisionFile(arg: { path?: string }): Promise<ReceivedDecisionFile | null>;
}

export const decisionArgSchemas = {
  getDecisionLedger: z.strictObject({ meetingId: z.string().regex(MEETING_ID_PATTERN) }),
  // The payload is checked by the notary itself (the full decisions schema and every recount), so its problems name the decision and the field.
  exportDecisions: z.strictObject({ payload: z.unknown(), language: z.enum(['ko', 'en']).optional() }),
  getOutboxStatus: z.undefined(),
  retryOutbox: z.undefined(),
  listInboxDecisions: z.undefined(),
  openDecisionFile: z.strictObject({ path: filePath.optional() }),
} as const satisfies ArgSchemasOf<DecisionHandlers>;
