/**
 * Verifying a decision file (*.dsse.json, payload type decisions): the DSSE signature against the
 * given keys, then what the payload says, read loosely (its full schema belongs to the decisions
 * export): meeting, sequence, decisions, totals and the signer written inside. The signer's keyid,
 * when given, must be the key that signed; its role, when given, must be one the key is trusted for.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import { verifyEnvelope, type VerifyFailureReason } from '../services/dsse-signing';
import { wordIssues } from '../services/bundle-reader/zod-messages';
import type { VerifyProblem, VerifyResult } from './verify-result';

export const DECISIONS_FORMAT = 'council-desk/decisions';
const MAX_DECISION_FILE_BYTES = 64 * 1024 * 1024;

const optionalText = z.string().optional();
const optionalCount = z.number().int().min(0).optional();

/** The decision payload, loosely: every field optional, unknown fields kept. */
const looseDecisions = z.looseObject({
  format: optionalText,
  version: z.number().optional(),
  council: optionalText,
  meeting: z.looseObject({ meetingId: optionalText, date: optionalText, place: optionalText }).optional(),
  policyId: optionalText,
  bundleIds: z.array(z.string()).optional(),
  sequence: z.number().int().min(1).optional(),
  previous: z.string().nullable().optional(),
  decisions: z.array(z.looseObject({ caseId: optionalText, outcome: optionalText })).optional(),
  totals: z.looseObject({ decisions: optionalCount, awarded: optionalCount, rejected: optionalCount, deferred: optionalCount, amount: optionalCount }).optional(),
  auditHead: optionalText,
  signer: z.looseObject({ memberId: optionalText, name: optionalText, role: optionalText, keyid: optionalText }).optional(),
  createdAt: optionalText,
});

const FAILURE_PATHS: Record<VerifyFailureReason, string> = {
  'not-an-envelope': '',
  'payload-not-base64': 'payload',
  'wrong-payload-type': 'payloadType',
  'bad-signature': 'signatures',
  'role-not-allowed': 'signatures',
  'no-trusted-signature': 'signatures',
};

export function verifyDecisionFile(path: string, keys: readonly TrustedKey[]): VerifyResult {
  const result: VerifyResult = { valid: false, kind: 'decisions', file: path, payloadType: null, keyid: null, signer: null, verifiedBy: null, summary: {}, errors: [], warnings: [] };
  const problem = (where: string, message: string) => result.errors.push({ file: path, line: null, path: where, message } satisfies VerifyProblem);
  const json = readJson(path, problem);
  if (json === undefined) return result;
  if (json !== null && typeof json === 'object' && typeof (json as { payloadType?: unknown }).payloadType === 'string') {
    result.payloadType = (json as { payloadType: string }).payloadType;
  }
  const verified = verifyEnvelope(json, keys, { payloadType: PAYLOAD_TYPE_DECISIONS });
  if (!verified.ok) {
    result.keyid = verified.keyids[0] ?? null;
    const where = FAILURE_PATHS[verified.reason];
    problem(where, where !== '' && verified.message.startsWith(`${where}: `) ? verified.message.slice(where.length + 2) : verified.message);
    return result;
  }
  result.keyid = verified.signer.keyid;
  const key = keys.find((k) => k.keyid === verified.signer.keyid)!;
  result.verifiedBy = { keyid: key.keyid, name: key.name };

  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.body));
  } catch (e) {
    problem('payload', `is not UTF-8 JSON (${(e as Error).message})`);
    return result;
  }
  const parsed = looseDecisions.safeParse(payload);
  if (!parsed.success) {
    for (const p of wordIssues(parsed.error.issues, payload)) problem(p.path, p.message);
    return result;
  }
  const d = parsed.data;
  if (d.format !== undefined && d.format !== DECISIONS_FORMAT) problem('format', `is "${d.format}", but a decision file's format is "${DECISIONS_FORMAT}"`);
  if (d.signer?.keyid !== undefined && d.signer.keyid !== key.keyid) {
    problem('signer.keyid', `names key ${d.signer.keyid}, but the file is signed by key ${key.keyid}`);
  }
  if (d.signer?.role !== undefined && !(key.roles as readonly string[]).includes(d.signer.role)) {
    problem('signer.role', `says the signer signed as ${d.signer.role}, but ${key.name} is trusted only as ${key.roles.join(', ')}`);
  }
  result.signer = d.signer ?? null;
  result.summary = {
    meetingId: d.meeting?.meetingId ?? null,
    sequence: d.sequence ?? null,
    decisions: d.decisions?.length ?? null,
    totals: d.totals ?? null,
    signer: d.signer ?? null,
  };
  result.valid = result.errors.length === 0;
  return result;
}

/** The file's JSON; undefined (with a problem) when it cannot be read or parsed. */
function readJson(path: string, problem: (where: string, message: string) => void): unknown {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_DECISION_FILE_BYTES) {
      problem('', `is ${size.toLocaleString('en-US')} bytes, too large for a decision file`);
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problem('', code === 'ENOENT' ? 'cannot be opened: there is no such file' : `cannot be read (${(e as Error).message})`);
    return undefined;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    problem('', `is not a decision file: not UTF-8 JSON (${(e as Error).message})`);
    return undefined;
  }
}
