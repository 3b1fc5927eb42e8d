/**
 * Verifying a decision file (*.dsse.json, payload type decisions), the one way for `council-desk
 * verify`, the inbox and "Open decision file…": the DSSE signature against the trusted keys, by a
 * key trusted as chair (FORMATS.md: URL-safe base64 accepted, signatures by one key count once),
 * and an envelope no byte of which changed (decision-envelope.ts);
 * the payload as UTF-8 strict JSON in its RFC 8785 form; its full schema; the payload check of
 * shared/decisions/payload-check.ts (every tally recounted, totals, awards); the signer inside
 * naming the key that verified; and the file's name that of its meeting and sequence.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { decisionFileName } from '../../../shared/decisions/decision-file-name';
import { decisionFilePayloadSchema, type DecisionFilePayload, type DecisionSigner, type DecisionTotals } from '../../../shared/decisions/decision-file-schema';
import { checkDecisionPayload } from '../../../shared/decisions/payload-check';
import { PAYLOAD_TYPE_DECISIONS } from '../../../shared/dsse';
import { canonicalFormMismatch } from '../../../shared/json/canonical-form';
import { parseStrictJson, type DuplicateKey } from '../../../shared/json/strict-json';
import { problemAt, type CodedMessage, type Problem } from '../../../shared/problems/problem';
import { wordIssues } from '../../../shared/problems/zod-wording';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { sha256Hex } from '../../../shared/sha256';
import { verifyEnvelope, type VerifyFailureReason } from '../dsse-signing';
import { envelopeProblems } from './decision-envelope';
import { decisionFileProblem, type DecisionFileCode } from './decision-file-problems';

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

/** Where in the envelope each way of failing is, and its code (each with the failure's own words as detail). */
const FAILURES = {
  'not-an-envelope': { path: '', code: 'DECISION_NOT_ENVELOPE' },
  'payload-not-base64': { path: 'payload', code: 'DECISION_PAYLOAD_NOT_BASE64' },
  'wrong-payload-type': { path: 'payloadType', code: 'DECISION_PAYLOAD_TYPE' },
  'bad-signature': { path: 'signatures', code: 'DECISION_SIGNATURE_BAD' },
  'role-not-allowed': { path: 'signatures', code: 'DECISION_SIGNER_ROLE_NOT_ALLOWED' },
  'no-trusted-signature': { path: 'signatures', code: 'DECISION_SIGNATURE_UNTRUSTED' },
} as const satisfies Record<VerifyFailureReason, { path: string; code: DecisionFileCode }>;

type Report = (where: string, coded: CodedMessage) => void;

const duplicateParams = ({ key, line, column }: DuplicateKey) => ({ key, line, column });

function emptyResult(file: string): DecisionFileVerification {
  return { valid: false, file, payloadType: null, keyid: null, verifiedBy: null, signer: null, summary: {}, errors: [], payload: null, payloadSha256: null };
}

/** Reads the file (at most MAX_DECISION_FILE_BYTES, a regular file only) and verifies it. */
export async function verifyDecisionFile(path: string, keys: readonly TrustedKey[]): Promise<DecisionFileVerification> {
  const bytes = await readDecisionBytes(path);
  if ('problem' in bytes) return { ...emptyResult(path), errors: [problemAt({ file: path }, bytes.problem)] };
  return verifyDecisionBytes(path, bytes.bytes, keys);
}

/** Verifies a decision file's bytes; `file` names it (its base name must be the payload's decision file name). */
export function verifyDecisionBytes(file: string, bytes: Uint8Array, keys: readonly TrustedKey[]): DecisionFileVerification {
  const result = emptyResult(file);
  const problem: Report = (where, coded) => result.errors.push(problemAt({ file, path: where }, coded));
  const envelope = envelopeJson(bytes, problem);
  if (envelope === undefined) return result;
  const type = (envelope as { payloadType?: unknown } | null)?.payloadType;
  if (typeof type === 'string') result.payloadType = type;

  const verified = verifyEnvelope(envelope, keys, { payloadType: PAYLOAD_TYPE_DECISIONS, role: 'chair' });
  if (!verified.ok) {
    result.keyid = verified.keyids[0] ?? null;
    const { path: where, code } = FAILURES[verified.reason];
    const detail = where !== '' && verified.message.startsWith(`${where}: `) ? verified.message.slice(where.length + 2) : verified.message;
    problem(where, decisionFileProblem(code, { detail }));
    return result;
  }
  const key = keys.find((k) => k.keyid === verified.signer.keyid)!;
  result.keyid = key.keyid;
  result.verifiedBy = { keyid: key.keyid, name: key.name };
  result.payloadSha256 = sha256Hex(verified.body);
  for (const { path: where, coded } of envelopeProblems(envelope, key, verified.body)) problem(where, coded);

  const payload = signedPayload(verified.body, problem);
  if (payload === undefined) return result;
  result.payload = payload;
  result.signer = payload.signer;
  result.summary = {
    meetingId: payload.meeting.meetingId,
    sequence: payload.sequence,
    previous: payload.previous,
    payloadSha256: result.payloadSha256,
    decisions: payload.decisions.length,
    totals: payload.totals,
    signer: payload.signer,
  };
  if (payload.signer.keyid !== key.keyid) problem('signer.keyid', decisionFileProblem('DECISION_SIGNER_KEYID', { named: payload.signer.keyid, signedBy: key.keyid }));
  for (const p of checkDecisionPayload(payload)) problem(p.path, p);
  const expected = decisionFileName(payload.meeting.meetingId, payload.sequence);
  const name = basename(file);
  if (name !== expected) problem('', decisionFileProblem('DECISION_FILE_NAME', { name, expected }));
  result.valid = result.errors.length === 0;
  return result;
}

/** The envelope's JSON; undefined (with a problem) when the file is not UTF-8 strict JSON. */
function envelopeJson(bytes: Uint8Array, problem: Report): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (e) {
    problem('', decisionFileProblem('DECISION_FILE_NOT_JSON', { detail: (e as Error).message }));
    return undefined;
  }
  const strict = parseStrictJson(text);
  if (strict.ok) return strict.value;
  if (strict.error === 'not-json') problem('', decisionFileProblem('DECISION_FILE_NOT_JSON', { detail: strict.detail }));
  else problem(strict.duplicate.path, decisionFileProblem('DECISION_FILE_DUPLICATE_KEY', duplicateParams(strict.duplicate)));
  return undefined;
}

/** The signed payload, when it is canonical strict JSON of the full schema; undefined (with problems) else. */
function signedPayload(body: Uint8Array, problem: Report): DecisionFilePayload | undefined {
  let text: string;
  try {
    // The BOM kept: in signed bytes it is not canonical, and the form check below says so.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (e) {
    problem('payload', decisionFileProblem('DECISION_PAYLOAD_NOT_JSON', { detail: (e as Error).message }));
    return undefined;
  }
  const strict = parseStrictJson(text.replace(/^\uFEFF/, ''));
  if (!strict.ok) {
    if (strict.error === 'not-json') problem('payload', decisionFileProblem('DECISION_PAYLOAD_NOT_JSON', { detail: strict.detail }));
    else problem(strict.duplicate.path, decisionFileProblem('DECISION_PAYLOAD_DUPLICATE_KEY', duplicateParams(strict.duplicate)));
    return undefined;
  }
  const form = canonicalFormMismatch(text, strict.value);
  if (form !== null) {
    problem('payload', decisionFileProblem('DECISION_PAYLOAD_NOT_CANONICAL', form));
    return undefined;
  }
  const parsed = decisionFilePayloadSchema.safeParse(strict.value);
  if (!parsed.success) {
    for (const issue of wordIssues(parsed.error.issues, strict.value)) problem(issue.path, issue);
    return undefined;
  }
  return parsed.data;
}

/**
 * The file's bytes, or why they cannot be had: not there, not a regular file (opened without
 * blocking, so a FIFO cannot stall main), or larger than MAX_DECISION_FILE_BYTES.
 */
export async function readDecisionBytes(path: string): Promise<{ bytes: Uint8Array } | { problem: CodedMessage }> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? decisionFileProblem('DECISION_FILE_NOT_FOUND') : decisionFileProblem('DECISION_FILE_UNREADABLE', { detail: (e as Error).message }) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: decisionFileProblem('DECISION_FILE_UNREADABLE', { detail: 'it is not a regular file' }) };
    if (info.size > MAX_DECISION_FILE_BYTES) return { problem: decisionFileProblem('DECISION_FILE_TOO_LARGE', { sizeBytes: info.size, maxBytes: MAX_DECISION_FILE_BYTES }) };
    // Read what fstat saw, never more: a file growing meanwhile is cut there (and fails as JSON).
    const bytes = new Uint8Array(info.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return { bytes: bytes.subarray(0, at) };
  } catch (e) {
    return { problem: decisionFileProblem('DECISION_FILE_UNREADABLE', { detail: (e as Error).message }) };
  } finally {
    await handle.close();
  }
}
