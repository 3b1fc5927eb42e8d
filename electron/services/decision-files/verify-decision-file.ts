/**
 * Verifying a decision file (*.dsse.json, payload type decisions), the one way for `council-desk
 * verify`, the inbox and "Open decision file…": the checks of every signed JSON file
 * (signed-files/verify-signed-json.ts: strict JSON, the DSSE signature by a key trusted as chair,
 * an envelope no byte of which changed, the payload in its RFC 8785 form and of its full schema);
 * then the payload check of shared/decisions/payload-check.ts (every tally recounted, totals,
 * awards); the signer inside naming the key that verified; and the file's name that of its
 * meeting and sequence.
 */
import { basename } from 'node:path';
import { decisionFileName } from '../../../shared/decisions/decision-file-name';
import { decisionFilePayloadSchema, type DecisionFilePayload, type DecisionSigner, type DecisionTotals } from '../../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../../shared/decisions/payload-check';
import { PAYLOAD_TYPE_DECISIONS } from '../../../shared/dsse';
import { problemAt, type CodedMessage, type Problem } from '../../../shared/problems/problem';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { readSignedFileBytes, verifySignedJson } from '../signed-files/verify-signed-json';
import { DECISION_FILE_WORDS, decisionFileProblem } from './decision-file-problems';

/** The most of a decision file read: room for tens of thousands of decisions, and a hostile file is refused before it is parsed. */
export const MAX_DECISION_FILE_BYTES = 64 * 1024 * 1024;

/** A type, not an interface, so it is a Record<string, unknown> where printers want one. */
export type DecisionFileSummary = {
  meetingId: string;
  sequence: number;
  previous: string | null;
  payloadSha256: string;
  decisions: number;
  totals: DecisionTotals;
  signer: DecisionSigner;
};

export interface DecisionFileVerification {
  /** True only when every check passed: the file may be relied on. */
  valid: boolean;
  /** The file as the caller named it (a path). */
  file: string;
  payloadType: string | null;
  /** The key the signature verified with; else the key the signature names (a hint), or null. */
  keyid: string | null;
  /** The trusted key that verified the signature. */
  verifiedBy: { keyid: string; name: string } | null;
  /** The signer written inside the payload (once the payload is known to be signed and of its schema). */
  signer: DecisionSigner | null;
  /** What the file says, once signed and of its schema; {} before. */
  summary: DecisionFileSummary | Record<string, never>;
  errors: Problem[];
  /**
   * The payload once its signature verified and it passed its schema: what the chair signed, even
   * when a later check failed (`valid` says whether it may be relied on). Null before that.
   */
  payload: DecisionFilePayload | null;
  /** SHA-256 (hex) of the signed payload bytes, once the signature verified. */
  payloadSha256: string | null;
}

function emptyResult(file: string): DecisionFileVerification {
  return { valid: false, file, payloadType: null, keyid: null, verifiedBy: null, signer: null, summary: {}, errors: [], payload: null, payloadSha256: null };
}

/** Reads the file (at most MAX_DECISION_FILE_BYTES, a regular file only) and verifies it. */
export async function verifyDecisionFile(path: string, keys: readonly TrustedKey[]): Promise<DecisionFileVerification> {
  const bytes = await readSignedFileBytes(path, MAX_DECISION_FILE_BYTES, DECISION_FILE_WORDS);
  if ('problem' in bytes) return { ...emptyResult(path), errors: [problemAt({ file: path }, bytes.problem)] };
  return verifyDecisionBytes(path, bytes.bytes, keys);
}

/** Verifies a decision file's bytes; `file` names it (its base name must be the payload's decision file name). */
export function verifyDecisionBytes(file: string, bytes: Uint8Array, keys: readonly TrustedKey[]): DecisionFileVerification {
  const signed = verifySignedJson(file, bytes, keys, { payloadType: PAYLOAD_TYPE_DECISIONS, role: 'chair', schema: decisionFilePayloadSchema, words: DECISION_FILE_WORDS });
  const result: DecisionFileVerification = { ...emptyResult(file), ...signed };
  const payload = signed.payload;
  if (payload === null || signed.verifiedBy === null) return result;
  const problem = (where: string, coded: CodedMessage) => result.errors.push(problemAt({ file, path: where }, coded));
  const keyid = signed.verifiedBy.keyid;
  result.signer = payload.signer;
  result.summary = {
    meetingId: payload.meeting.meetingId,
    sequence: payload.sequence,
    previous: payload.previous,
    payloadSha256: signed.payloadSha256!,
    decisions: payload.decisions.length,
    totals: payload.totals,
    signer: payload.signer,
  };
  if (payload.signer.keyid !== keyid) problem('signer.keyid', decisionFileProblem('DECISION_SIGNER_KEYID', { named: payload.signer.keyid, signedBy: keyid }));
  for (const p of checkDecisionPayload(payload)) problem(p.path, p);
  const expected = decisionFileName(payload.meeting.meetingId, payload.sequence);
  const name = basename(file);
  if (name !== expected) problem('', decisionFileProblem('DECISION_FILE_NAME', { name, expected }));
  result.valid = result.errors.length === 0;
  return result;
}
