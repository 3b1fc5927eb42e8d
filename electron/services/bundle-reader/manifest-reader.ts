/**
 * The manifest: exactly one of manifest.json (unsigned) or manifest.dsse.json (a DSSE envelope of
 * payload type bundle), read whole (it is capped at 16 MiB), hashed as stored, its signature
 * judged, then checked against the manifest schema and the tier table. A manifest that cannot be
 * used stops the reading: without it nothing else can be checked.
 */
import { createHash } from 'node:crypto';
import type { SignatureStatus } from '../../../shared/bundle-types';
import { PAYLOAD_TYPE_BUNDLE } from '../../../shared/dsse';
import { canonicalFormMismatch } from '../../../shared/json/canonical-form';
import { parseStrictJson } from '../../../shared/json/strict-json';
import { manifestSchema, tierTableProblems, type BundleManifest } from '../../../shared/schemas/bundle-manifest';
import { dsseEnvelopeSchema } from '../../../shared/schemas/dsse-envelope';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import type { CodedMessage } from '../../../shared/problems/problem';
import { wordIssues } from '../../../shared/problems/zod-wording';
import { decodeBase64 } from '../dsse-signing';
import { entryChunks, type EntryReader } from './entry-chunks';
import { jsonShapeBreach } from './json-shape';
import { MAX_JSON_DEPTH, MAX_MANIFEST_BYTES } from './limits';
import { FatalBundleError, type ProblemLog } from './problem-log';
import { problem, type ProblemCode } from './problem-codes';
import { judgeSignature, signatureOf } from './signature-status';
import type { ZipRecord } from './zip-archive';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNED_MANIFEST_FILE = 'manifest.dsse.json';

export interface ManifestInfo {
  file: typeof MANIFEST_FILE | typeof SIGNED_MANIFEST_FILE;
  manifest: BundleManifest;
  /** Lowercase hex SHA-256 of the manifest file's bytes as stored. */
  sha256: string;
  signature: SignatureStatus;
}

/** What the report can say even when the manifest turns out unusable. */
export interface ManifestSighting {
  bundleId: string | null;
  caseCount: number | null;
  signature: SignatureStatus | null;
  manifestSha256: string | null;
}

export interface ManifestOptions {
  trust: readonly TrustedKey[];
  requireSignature: boolean;
}

/** The manifest's entry and file name; fatal when there is none or two. */
export function findManifest(entries: ReadonlyMap<string, ZipRecord>, bundleFile: string, log: ProblemLog): { file: ManifestInfo['file']; entry: ZipRecord } {
  const plain = entries.get(MANIFEST_FILE);
  const signed = entries.get(SIGNED_MANIFEST_FILE);
  if (plain && signed) log.fatal('manifest', bundleFile, null, '', problem('MANIFEST_BOTH', { plain: MANIFEST_FILE, signed: SIGNED_MANIFEST_FILE }));
  if (plain) return { file: MANIFEST_FILE, entry: plain };
  if (signed) return { file: SIGNED_MANIFEST_FILE, entry: signed };
  return log.fatal('manifest', bundleFile, null, '', problem('MANIFEST_NONE', { plain: MANIFEST_FILE, signed: SIGNED_MANIFEST_FILE }));
}

/** The manifest file's bytes, whole, within MAX_MANIFEST_BYTES. */
export async function readManifestBytes(reader: EntryReader, file: string, entry: ZipRecord): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(reader, file, entry, MAX_MANIFEST_BYTES)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function parseManifest(bytes: Buffer, file: ManifestInfo['file'], opts: ManifestOptions, log: ProblemLog, seen: ManifestSighting): ManifestInfo {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  seen.manifestSha256 = sha256;
  const json = parseJson(bytes, file, log, 'file').value;
  let signature: SignatureStatus = { state: 'unsigned' };
  let payload: unknown = json;
  if (file === SIGNED_MANIFEST_FILE) {
    const envelope = dsseEnvelopeSchema.safeParse(json);
    if (!envelope.success) stopWith(log, file, wordIssues(envelope.error.issues, json), (issue) => problem('MANIFEST_NOT_DSSE', { detail: issue.message }));
    const env = envelope.data!;
    if (env.payloadType !== PAYLOAD_TYPE_BUNDLE) log.fatal('manifest', file, null, 'payloadType', problem('MANIFEST_PAYLOAD_TYPE', { payloadType: env.payloadType, expected: PAYLOAD_TYPE_BUNDLE }));
    const body = decodeBase64(env.payload);
    if (body === null) log.fatal('manifest', file, null, 'payload', problem('MANIFEST_PAYLOAD_NOT_BASE64'));
    signature = signatureOf(env, opts.trust, file, log);
    const signed = parseJson(Buffer.from(body!), file, log, 'payload');
    const form = canonicalFormMismatch(signed.text, signed.value);
    if (form !== null) log.fatal('manifest', file, null, 'payload', problem('MANIFEST_NOT_CANONICAL', form));
    payload = signed.value;
  }
  seen.signature = signature;
  if (payload !== null && typeof payload === 'object') {
    const { bundleId, caseCount } = payload as Record<string, unknown>;
    if (typeof bundleId === 'string') seen.bundleId = bundleId;
    if (typeof caseCount === 'number') seen.caseCount = caseCount;
  }
  const refused = judgeSignature(signature, file, opts.requireSignature, log);
  const parsed = manifestSchema.safeParse(payload);
  if (!parsed.success) stopWith(log, file, wordIssues(parsed.error.issues, payload));
  if (refused) throw new FatalBundleError(refused);
  const manifest = parsed.data!;
  for (const p of tierTableProblems(manifest.policy.tiers)) log.error('policy', file, null, p.path, problem('POLICY_TIERS', { detail: p.message }));
  return { file, manifest, sha256, signature };
}

/** The manifest's text and its JSON (the file itself, or the signed payload in it); fatal when not UTF-8 JSON or a key repeats. */
function parseJson(bytes: Buffer, file: string, log: ProblemLog, part: 'file' | 'payload'): { text: string; value: unknown } {
  const where = part === 'payload' ? 'payload' : '';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return log.fatal('manifest', file, null, where, problem('MANIFEST_NOT_UTF8'));
  }
  if (jsonShapeBreach(bytes, { maxDepth: MAX_JSON_DEPTH, maxValues: Infinity }) !== null) {
    return log.fatal('manifest', file, null, where, problem('MANIFEST_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH }));
  }
  // A BOM is tolerated on the file as stored; in the signed bytes the canonical-form check refuses it.
  const parsed = parseStrictJson(text.replace(/^\uFEFF/, ''));
  if (parsed.ok) return { text, value: parsed.value };
  if (parsed.error === 'not-json') return log.fatal('manifest', file, null, where, problem('MANIFEST_NOT_JSON', { detail: parsed.detail }));
  const { key, path, line, column } = parsed.duplicate;
  return log.fatal('manifest', file, null, path, problem(part === 'payload' ? 'MANIFEST_PAYLOAD_DUPLICATE_KEY' : 'MANIFEST_DUPLICATE_KEY', { key, line, column }));
}

type Worded = CodedMessage<ProblemCode> & { path: string };

/** Logs every issue (as `coded` words it: by default as it is), then stops: the manifest cannot be used. */
function stopWith(log: ProblemLog, file: string, issues: readonly Worded[], coded: (issue: Worded) => CodedMessage<ProblemCode> = (issue) => issue): never {
  const first = issues.map((i) => log.error('manifest', file, null, i.path, coded(i)))[0];
  throw new FatalBundleError(first ?? log.error('manifest', file, null, '', coded({ path: '', ...problem('MANIFEST_INVALID') })));
}
