/**
 * Verifying a minutes attestation (`minutes-<meetingId>.dsse.json`, payload type minutes), the one
 * way for `council-desk verify` and the notary's read-back: the checks of every signed JSON file
 * (signed-files/verify-signed-json.ts: strict JSON, the DSSE signature by a key trusted as
 * secretary, an envelope no byte of which changed, the payload in its RFC 8785 form and of its
 * schema); the signer inside naming the key that verified; the file's name that of its meeting;
 * then each listed file, in the attestation's folder (or the folder given), against its SHA-256:
 * one missing or changed is an error naming it.
 *
 * The decision files it lists are looked for in the folder given, beside the attestation, and in
 * the sync folder's outbox beside it (`../outbox/`, where `<sync>/minutes/` has them), the first
 * found checked: its payload's SHA-256 against the one listed (a changed one is an error), its
 * payload a decision file of that meeting and sequence. One not found is a warning (an attestation
 * may travel without them); when every one is found, the totals are recounted from them, each
 * case at its highest revision. Their own signatures are `verify`'s check of decision files.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { decisionFilePayloadSchema, type DecisionFilePayload, type DecisionTotals } from '../../../shared/decisions/decision-file-schema';
import { parseDecisionFileName } from '../../../shared/decisions/decision-file-name';
import { PAYLOAD_TYPE_MINUTES } from '../../../shared/dsse';
import { formatJsonPath } from '../../../shared/json-path';
import { minutesAttestationSchema, type MinutesAttestation, type MinutesSigner } from '../../../shared/minutes/attestation-schema';
import { minutesAttestationFileName } from '../../../shared/minutes/file-names';
import { totalsAtHighestRevision } from '../../../shared/minutes/highest-revision';
import type { MinutesDecisionFileInput } from '../../../shared/minutes/minutes-model';
import { CouncilError } from '../../../shared/result';
import { problemAt, type CodedMessage, type Problem } from '../../../shared/problems/problem';
import { dsseEnvelopeSchema } from '../../../shared/schemas/dsse-envelope';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { sha256Hex } from '../../../shared/sha256';
import { SYNC_SUBFOLDERS } from '../../../shared/sync-folder/folders';
import { DECISION_FILE_WORDS } from '../decision-files/decision-file-problems';
import { MAX_DECISION_FILE_BYTES } from '../decision-files/verify-decision-file';
import { decodeBase64 } from '../dsse-signing';
import { readSignedFileBytes, verifySignedJson } from '../signed-files/verify-signed-json';
import { fileSha256 } from './file-sha256';
import { MINUTES_FILE_WORDS, minutesProblem } from './minutes-problems';

/** The most of an attestation read: room for every file of a meeting and 9,999 decision files. */
export const MAX_MINUTES_ATTESTATION_BYTES = 4 * 1024 * 1024;

export type ListedFileStatus = 'matches' | 'changed' | 'missing' | 'unreadable';
export type ListedDecisionFileStatus = 'matches' | 'changed' | 'not-found' | 'unreadable' | 'invalid';

/** A type, not an interface, so it is a Record<string, unknown> where printers want one. */
export type MinutesSummary = {
  meetingId: string;
  council: string;
  createdAt: string;
  payloadSha256: string;
  /** Where the listed files were looked for. */
  folder: string;
  files: { name: string; sha256: string; status: ListedFileStatus }[];
  /** `path`: where the decision file was found (null: nowhere looked). */
  decisionFiles: { name: string; payloadSha256: string; status: ListedDecisionFileStatus; path: string | null }[];
  totals: DecisionTotals;
  /** Whether the totals were recounted from the decision files (all of them found and matching). */
  totalsRecounted: boolean;
  signer: MinutesSigner;
};

export interface MinutesVerification {
  /** True only when every check passed (warnings aside). */
  valid: boolean;
  file: string;
  payloadType: string | null;
  keyid: string | null;
  verifiedBy: { keyid: string; name: string } | null;
  signer: MinutesSigner | null;
  summary: MinutesSummary | Record<string, never>;
  errors: Problem[];
  warnings: Problem[];
  payload: MinutesAttestation | null;
  payloadSha256: string | null;
}

export interface MinutesVerifyOptions {
  /** Where the listed files are (default: the attestation's folder); looked in first for the decision files. */
  folder?: string;
}

/** Reads the attestation (at most MAX_MINUTES_ATTESTATION_BYTES, a regular file only) and verifies it and the files it lists. */
export async function verifyMinutesAttestation(path: string, keys: readonly TrustedKey[], opts: MinutesVerifyOptions = {}): Promise<MinutesVerification> {
  const result: MinutesVerification = { valid: false, file: path, payloadType: null, keyid: null, verifiedBy: null, signer: null, summary: {}, errors: [], warnings: [], payload: null, payloadSha256: null };
  const bytes = await readSignedFileBytes(path, MAX_MINUTES_ATTESTATION_BYTES, MINUTES_FILE_WORDS);
  if ('problem' in bytes) return { ...result, errors: [problemAt({ file: path }, bytes.problem)] };
  const signed = verifySignedJson(path, bytes.bytes, keys, { payloadType: PAYLOAD_TYPE_MINUTES, role: 'secretary', schema: minutesAttestationSchema, words: MINUTES_FILE_WORDS });
  Object.assign(result, signed);
  const payload = signed.payload;
  if (payload === null || signed.verifiedBy === null) return result;
  const problem = (where: string, coded: CodedMessage) => result.errors.push(problemAt({ file: path, path: where }, coded));

  result.signer = payload.signer;
  const keyid = signed.verifiedBy.keyid;
  if (payload.signer.keyid !== keyid) problem('signer.keyid', minutesProblem('MINUTES_SIGNER_KEYID', { named: payload.signer.keyid, signedBy: keyid }));
  const expected = minutesAttestationFileName(payload.meetingId);
  const name = basename(path);
  if (name !== expected) problem('', minutesProblem('MINUTES_FILE_NAME', { name, expected }));

  const folder = opts.folder ?? dirname(path);
  const files: MinutesSummary['files'] = [];
  for (const [listed, sha256] of Object.entries(payload.files)) {
    const at = join(folder, listed);
    const found = await fileSha256(at);
    const where = formatJsonPath(['files', listed]);
    if ('missing' in found) problem(where, minutesProblem('MINUTES_LISTED_FILE_MISSING', { path: at }));
    else if ('unreadable' in found) problem(where, minutesProblem('MINUTES_LISTED_FILE_UNREADABLE', { path: at, detail: found.unreadable }));
    else if (found.sha256 !== sha256) problem(where, minutesProblem('MINUTES_LISTED_FILE_CHANGED', { path: at, listed: sha256, actual: found.sha256 }));
    const status = 'missing' in found ? 'missing' : 'unreadable' in found ? 'unreadable' : found.sha256 === sha256 ? 'matches' : 'changed';
    files.push({ name: listed, sha256, status });
  }

  const places = [...new Set([opts.folder, dirname(path), join(dirname(path), '..', SYNC_SUBFOLDERS.outbox)].flatMap((d) => (d === undefined ? [] : [resolve(d)])))];
  const decisionFiles: MinutesSummary['decisionFiles'] = [];
  const found: MinutesDecisionFileInput[] = [];
  for (const [listed, payloadSha256] of Object.entries(payload.decisionFiles)) {
    const where = formatJsonPath(['decisionFiles', listed]);
    const file = await findDecisionFile(places, listed, payloadSha256);
    if (file.status === 'not-found') {
      result.warnings.push(problemAt({ file: path, path: where }, minutesProblem('MINUTES_DECISION_FILE_NOT_FOUND', { name: listed, looked: places.join(', ') })));
    } else if (file.problem !== undefined) problem(where, file.problem);
    if (file.payload !== undefined) found.push({ fileName: listed, payloadSha256, payload: file.payload });
    decisionFiles.push({ name: listed, payloadSha256, status: file.status, path: file.path });
  }

  const totalsRecounted = found.length === decisionFiles.length && recount(found, payload.totals, problem);
  result.summary = {
    meetingId: payload.meetingId,
    council: payload.council,
    createdAt: payload.createdAt,
    payloadSha256: signed.payloadSha256!,
    folder,
    files,
    decisionFiles,
    totals: payload.totals,
    totalsRecounted,
    signer: payload.signer,
  };
  result.valid = result.errors.length === 0;
  return result;
}

/** Recounts the totals from every decision file listed (each case at its highest revision), saying where they differ; false when the files contradict each other. */
function recount(files: readonly MinutesDecisionFileInput[], totals: DecisionTotals, problem: (where: string, coded: CodedMessage) => void): boolean {
  let recounted: DecisionTotals;
  try {
    recounted = totalsAtHighestRevision(files);
  } catch (e) {
    if (!(e instanceof CouncilError)) throw e;
    problem('decisionFiles', minutesProblem('MINUTES_DECISION_FILES_CONFLICT', { detail: e.message }));
    return false;
  }
  for (const field of ['decisions', 'awarded', 'rejected', 'deferred', 'amount'] as const) {
    if (totals[field] !== recounted[field]) problem(`totals.${field}`, minutesProblem('MINUTES_TOTALS_MISMATCH', { field, listed: totals[field], recounted: recounted[field] }));
  }
  return true;
}

export interface FoundDecisionFile {
  status: ListedDecisionFileStatus;
  path: string | null;
  problem?: CodedMessage;
  /** The decision file's payload, when it is the one listed. */
  payload?: DecisionFilePayload;
}

/** The listed decision file in the first of `places` that has it, checked against its payload hash. */
export async function findDecisionFile(places: readonly string[], name: string, listed: string): Promise<FoundDecisionFile> {
  for (const place of places) {
    const path = join(place, name);
    const read = await readSignedFileBytes(path, MAX_DECISION_FILE_BYTES, DECISION_FILE_WORDS);
    if ('problem' in read) {
      if (read.problem.code === 'DECISION_FILE_NOT_FOUND') continue;
      return { status: 'unreadable', path, problem: minutesProblem('MINUTES_DECISION_FILE_UNREADABLE', { path, detail: read.problem.message }) };
    }
    const body = payloadBytes(read.bytes);
    if (body === null) return { status: 'unreadable', path, problem: minutesProblem('MINUTES_DECISION_FILE_UNREADABLE', { path, detail: 'it is not a DSSE envelope' }) };
    const actual = sha256Hex(body);
    if (actual !== listed) return { status: 'changed', path, problem: minutesProblem('MINUTES_DECISION_FILE_CHANGED', { path, listed, actual }) };
    const decision = decisionPayloadOf(body, name);
    if (typeof decision === 'string') return { status: 'invalid', path, problem: minutesProblem('MINUTES_DECISION_FILE_INVALID', { path, detail: decision }) };
    return { status: 'matches', path, payload: decision };
  }
  return { status: 'not-found', path: null };
}

/** The envelope's payload bytes; null when the file is no DSSE envelope. */
function payloadBytes(bytes: Uint8Array): Uint8Array | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const envelope = dsseEnvelopeSchema.safeParse(json);
  return envelope.success ? decodeBase64(envelope.data.payload) : null;
}

/** The payload as a decision file of the meeting and sequence its name gives; else why it is not. */
function decisionPayloadOf(body: Uint8Array, name: string): DecisionFilePayload | string {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (e) {
    return `not UTF-8 JSON: ${(e as Error).message}`;
  }
  const parsed = decisionFilePayloadSchema.safeParse(json);
  if (!parsed.success) return `not a decision file's payload: ${formatJsonPath(parsed.error.issues[0]!.path) || 'the payload'}: ${parsed.error.issues[0]!.message}`;
  const named = parseDecisionFileName(name)!;
  const { meetingId } = parsed.data.meeting;
  if (meetingId !== named.meetingId || parsed.data.sequence !== named.sequence) return `it is sequence ${parsed.data.sequence} of meeting ${meetingId}`;
  return parsed.data;
}
