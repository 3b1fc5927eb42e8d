/**
 * The checks every signed JSON file of the app passes before its own (a decision file, a minutes
 * attestation): its bytes read safely; the envelope UTF-8 strict JSON; the DSSE signature against
 * the trusted keys, by a key trusted in the file's role (FORMATS.md: URL-safe base64 accepted,
 * signatures by one key count once); an envelope no byte of which changed (signed-envelope.ts);
 * the payload UTF-8 strict JSON in its RFC 8785 form, and of the file's schema. Each problem is
 * spoken in the codes of the file's kind (signed-file-problems.ts).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { z } from 'zod';
import { canonicalFormMismatch } from '../../../shared/json/canonical-form';
import { parseStrictJson, type DuplicateKey } from '../../../shared/json/strict-json';
import { problemAt, type CodedMessage, type Problem } from '../../../shared/problems/problem';
import { wordIssues } from '../../../shared/problems/zod-wording';
import type { TrustedKey, TrustRole } from '../../../shared/schemas/trust-file';
import { sha256Hex } from '../../../shared/sha256';
import { verifyEnvelope, type VerifyFailureReason } from '../dsse-signing';
import { envelopeProblems } from './signed-envelope';
import type { SignedFileKind, SignedFileWords } from './signed-file-problems';

export interface SignedJsonSpec<T> {
  payloadType: string;
  /** Only a key trusted in this role counts. */
  role: TrustRole;
  schema: z.ZodType<T>;
  words: SignedFileWords;
}

export interface SignedJson<T> {
  payloadType: string | null;
  /** The key the signature verified with; else the key the signature names (a hint), or null. */
  keyid: string | null;
  /** The trusted key that verified the signature. */
  verifiedBy: { keyid: string; name: string } | null;
  /** SHA-256 (hex) of the signed payload bytes, once the signature verified. */
  payloadSha256: string | null;
  /** The payload once its signature verified and it is canonical strict JSON of the schema (a later check may still fail); null before. */
  payload: T | null;
  errors: Problem[];
}

/** Where in the envelope each way of failing is, and its kind (each with the failure's own words as detail). */
const FAILURES = {
  'not-an-envelope': { path: '', kind: 'NOT_ENVELOPE' },
  'payload-not-base64': { path: 'payload', kind: 'PAYLOAD_NOT_BASE64' },
  'wrong-payload-type': { path: 'payloadType', kind: 'PAYLOAD_TYPE' },
  'bad-signature': { path: 'signatures', kind: 'SIGNATURE_BAD' },
  'role-not-allowed': { path: 'signatures', kind: 'SIGNER_ROLE_NOT_ALLOWED' },
  'no-trusted-signature': { path: 'signatures', kind: 'SIGNATURE_UNTRUSTED' },
} as const satisfies Record<VerifyFailureReason, { path: string; kind: SignedFileKind }>;

type Report = (where: string, coded: CodedMessage) => void;

const duplicateParams = ({ key, line, column }: DuplicateKey) => ({ key, line, column });

/** Verifies a signed file's bytes up to its schema; `file` names it in every problem. */
export function verifySignedJson<T>(file: string, bytes: Uint8Array, keys: readonly TrustedKey[], spec: SignedJsonSpec<T>): SignedJson<T> {
  const result: SignedJson<T> = { payloadType: null, keyid: null, verifiedBy: null, payloadSha256: null, payload: null, errors: [] };
  const problem: Report = (where, coded) => result.errors.push(problemAt({ file, path: where }, coded));
  const envelope = envelopeJson(bytes, problem, spec.words);
  if (envelope === undefined) return result;
  const type = (envelope as { payloadType?: unknown } | null)?.payloadType;
  if (typeof type === 'string') result.payloadType = type;

  const verified = verifyEnvelope(envelope, keys, { payloadType: spec.payloadType, role: spec.role });
  if (!verified.ok) {
    result.keyid = verified.keyids[0] ?? null;
    const { path: where, kind } = FAILURES[verified.reason];
    const detail = where !== '' && verified.message.startsWith(`${where}: `) ? verified.message.slice(where.length + 2) : verified.message;
    problem(where, spec.words(kind, { detail }));
    return result;
  }
  const key = keys.find((k) => k.keyid === verified.signer.keyid)!;
  result.keyid = key.keyid;
  result.verifiedBy = { keyid: key.keyid, name: key.name };
  result.payloadSha256 = sha256Hex(verified.body);
  for (const { path: where, coded } of envelopeProblems(envelope, key, verified.body, spec.words)) problem(where, coded);
  result.payload = signedPayload(verified.body, problem, spec) ?? null;
  return result;
}

/** The envelope's JSON; undefined (with a problem) when the file is not UTF-8 strict JSON. */
function envelopeJson(bytes: Uint8Array, problem: Report, words: SignedFileWords): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (e) {
    problem('', words('FILE_NOT_JSON', { detail: (e as Error).message }));
    return undefined;
  }
  const strict = parseStrictJson(text);
  if (strict.ok) return strict.value;
  if (strict.error === 'not-json') problem('', words('FILE_NOT_JSON', { detail: strict.detail }));
  else problem(strict.duplicate.path, words('FILE_DUPLICATE_KEY', duplicateParams(strict.duplicate)));
  return undefined;
}

/** The signed payload, when it is canonical strict JSON of the schema; undefined (with problems) else. */
function signedPayload<T>(body: Uint8Array, problem: Report, { schema, words }: SignedJsonSpec<T>): T | undefined {
  let text: string;
  try {
    // The BOM kept: in signed bytes it is not canonical, and the form check below says so.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (e) {
    problem('payload', words('PAYLOAD_NOT_JSON', { detail: (e as Error).message }));
    return undefined;
  }
  const strict = parseStrictJson(text.replace(/^\uFEFF/, ''));
  if (!strict.ok) {
    if (strict.error === 'not-json') problem('payload', words('PAYLOAD_NOT_JSON', { detail: strict.detail }));
    else problem(strict.duplicate.path, words('PAYLOAD_DUPLICATE_KEY', duplicateParams(strict.duplicate)));
    return undefined;
  }
  const form = canonicalFormMismatch(text, strict.value);
  if (form !== null) {
    problem('payload', words('PAYLOAD_NOT_CANONICAL', form));
    return undefined;
  }
  const parsed = schema.safeParse(strict.value);
  if (!parsed.success) {
    for (const issue of wordIssues(parsed.error.issues, strict.value)) problem(issue.path, issue);
    return undefined;
  }
  return parsed.data;
}

/**
 * The file's bytes, or why they cannot be had: not there, not a regular file (opened without
 * blocking, so a FIFO cannot stall main), or larger than `maxBytes`.
 */
export async function readSignedFileBytes(path: string, maxBytes: number, words: SignedFileWords): Promise<{ bytes: Uint8Array } | { problem: CodedMessage }> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? words('FILE_NOT_FOUND') : words('FILE_UNREADABLE', { detail: (e as Error).message }) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: words('FILE_UNREADABLE', { detail: 'it is not a regular file' }) };
    if (info.size > maxBytes) return { problem: words('FILE_TOO_LARGE', { sizeBytes: info.size, maxBytes }) };
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
    return { problem: words('FILE_UNREADABLE', { detail: (e as Error).message }) };
  } finally {
    await handle.close();
  }
}
