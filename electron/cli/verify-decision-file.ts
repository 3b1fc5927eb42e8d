/**
 * Verifying a decision file (*.dsse.json, payload type decisions): the DSSE signature against the
 * given keys, then what the payload says, read loosely (its full schema belongs to the decisions
 * export): meeting, sequence, decisions, totals and the signer written inside. The signer's keyid,
 * when given, must be the key that signed; its role, when given, must be one the key is trusted for.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { canonicalFormMismatch } from '../../shared/json/canonical-form';
import { parseStrictJson, type DuplicateKey } from '../../shared/json/strict-json';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import { verifyEnvelope, type VerifyFailureReason } from '../services/dsse-signing';
import { problemAt, type CodedMessage } from '../../shared/problems/problem';
import { wordIssues } from '../../shared/problems/zod-wording';
import type { VerifyResult } from './verify-result';
import { verifyProblem, type VerifyCode } from './verify-problems';

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

/** Where in the envelope each way of failing is, and its code (each with the failure's own words as detail). */
const FAILURES = {
  'not-an-envelope': { path: '', code: 'DECISION_NOT_ENVELOPE' },
  'payload-not-base64': { path: 'payload', code: 'DECISION_PAYLOAD_NOT_BASE64' },
  'wrong-payload-type': { path: 'payloadType', code: 'DECISION_PAYLOAD_TYPE' },
  'bad-signature': { path: 'signatures', code: 'DECISION_SIGNATURE_BAD' },
  'role-not-allowed': { path: 'signatures', code: 'DECISION_SIGNER_ROLE_NOT_ALLOWED' },
  'no-trusted-signature': { path: 'signatures', code: 'DECISION_SIGNATURE_UNTRUSTED' },
} as const satisfies Record<VerifyFailureReason, { path: string; code: VerifyCode }>;

type Report = (where: string, coded: CodedMessage) => void;

export function verifyDecisionFile(path: string, keys: readonly TrustedKey[]): VerifyResult {
  const result: VerifyResult = { valid: false, kind: 'decisions', file: path, payloadType: null, keyid: null, signer: null, verifiedBy: null, summary: {}, errors: [], warnings: [] };
  const problem: Report = (where, coded) => result.errors.push(problemAt({ file: path, path: where }, coded));
  const json = readJson(path, problem);
  if (json === undefined) return result;
  if (json !== null && typeof json === 'object' && typeof (json as { payloadType?: unknown }).payloadType === 'string') {
    result.payloadType = (json as { payloadType: string }).payloadType;
  }
  const verified = verifyEnvelope(json, keys, { payloadType: PAYLOAD_TYPE_DECISIONS });
  if (!verified.ok) {
    result.keyid = verified.keyids[0] ?? null;
    const { path: where, code } = FAILURES[verified.reason];
    const detail = where !== '' && verified.message.startsWith(`${where}: `) ? verified.message.slice(where.length + 2) : verified.message;
    problem(where, verifyProblem(code, { detail }));
    return result;
  }
  result.keyid = verified.signer.keyid;
  const key = keys.find((k) => k.keyid === verified.signer.keyid)!;
  result.verifiedBy = { keyid: key.keyid, name: key.name };

  let text: string;
  try {
    // The BOM kept: in signed bytes it is not canonical, and the form check below says so.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(verified.body);
  } catch (e) {
    problem('payload', verifyProblem('DECISION_PAYLOAD_NOT_JSON', { detail: (e as Error).message }));
    return result;
  }
  const strict = parseStrictJson(text.replace(/^\uFEFF/, ''));
  if (!strict.ok) {
    if (strict.error === 'not-json') problem('payload', verifyProblem('DECISION_PAYLOAD_NOT_JSON', { detail: strict.detail }));
    else problem(strict.duplicate.path, verifyProblem('DECISION_PAYLOAD_DUPLICATE_KEY', duplicateParams(strict.duplicate)));
    return result;
  }
  const payload = strict.value;
  const form = canonicalFormMismatch(text, payload);
  if (form !== null) {
    problem('payload', verifyProblem('DECISION_PAYLOAD_NOT_CANONICAL', form));
    return result;
  }
  const parsed = looseDecisions.safeParse(payload);
  if (!parsed.success) {
    for (const issue of wordIssues(parsed.error.issues, payload)) problem(issue.path, issue);
    return result;
  }
  const d = parsed.data;
  if (d.format !== undefined && d.format !== DECISIONS_FORMAT) problem('format', verifyProblem('DECISION_FORMAT', { format: d.format, expected: DECISIONS_FORMAT }));
  if (d.signer?.keyid !== undefined && d.signer.keyid !== key.keyid) {
    problem('signer.keyid', verifyProblem('DECISION_SIGNER_KEYID', { named: d.signer.keyid, signedBy: key.keyid }));
  }
  if (d.signer?.role !== undefined && !(key.roles as readonly string[]).includes(d.signer.role)) {
    problem('signer.role', verifyProblem('DECISION_SIGNER_ROLE', { role: d.signer.role, name: key.name, roles: key.roles.join(', ') }));
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
function readJson(path: string, problem: Report): unknown {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_DECISION_FILE_BYTES) {
      problem('', verifyProblem('DECISION_FILE_TOO_LARGE', { sizeBytes: size }));
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problem('', code === 'ENOENT' ? verifyProblem('DECISION_FILE_NOT_FOUND') : verifyProblem('DECISION_FILE_UNREADABLE', { detail: (e as Error).message }));
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (e) {
    problem('', verifyProblem('DECISION_FILE_NOT_JSON', { detail: (e as Error).message }));
    return undefined;
  }
  const strict = parseStrictJson(text);
  if (strict.ok) return strict.value;
  if (strict.error === 'not-json') problem('', verifyProblem('DECISION_FILE_NOT_JSON', { detail: strict.detail }));
  else problem(strict.duplicate.path, verifyProblem('DECISION_FILE_DUPLICATE_KEY', duplicateParams(strict.duplicate)));
  return undefined;
}

const duplicateParams = ({ key, line, column }: DuplicateKey) => ({ key, line, column });
