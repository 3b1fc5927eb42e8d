/**
 * The bundle writer's self-check: reads a bundle it has just built, in memory (fflate's
 * unzipSync), before it is written. Bundles from outside never come here: the app and the
 * command line read those with the streaming reader in bundle-reader/, which has the zip-bomb
 * limits; the limits below only keep this one from being fooled by a hostile file.
 *
 * It checks everything FORMATS.md asks of a bundle: exactly one manifest, the manifest schema and
 * its tier table, the signature against the trust file, every listed file present with matching
 * SHA-256, no unlisted file, caseCount == lines, each case line valid, each document present.
 * Any problem: BundleInvalidError (code BUNDLE_INVALID) naming file, line and JSON path.
 */
import { createHash } from 'node:crypto';
import { unzipSync, type Unzipped } from 'fflate';
import type { SignatureStatus } from '../../shared/bundle-types';
import type { CaseRecord, EvidenceMediaType } from '../../shared/schemas/case-record';

/** One evidence file of a case, with its bytes. */
export interface EvidenceFile {
  caseId: string;
  /** The path inside the bundle, e.g. evidence/1015-000123/pos.csv: what a case's document points to. */
  file: string;
  mediaType: EvidenceMediaType;
  sha256: string;
  bytes: Uint8Array;
}

/** A bundle read and checked whole. */
export interface VerifiedBundle {
  manifest: BundleManifest;
  /** Lowercase hex SHA-256 of the manifest's bytes as they are in the bundle. */
  manifestSha256: string;
  signature: SignatureStatus;
  cases: CaseRecord[];
  evidence: EvidenceFile[];
}
import { PAYLOAD_TYPE_BUNDLE } from '../../shared/dsse';
import { formatJsonPath, issuesToProblems } from '../../shared/json-path';
import { manifestSchema, tierTableProblems, type BundleManifest } from '../../shared/schemas/bundle-manifest';
import { dsseEnvelopeSchema } from '../../shared/schemas/dsse-envelope';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import { BundleInvalidError, type BundleProblem, type ProblemSink } from './bundle-problems';
import { readCaseLines } from './bundle-case-lines';
import { decodeBase64, verifyEnvelope } from './dsse-signing';

const MANIFEST_FILE = 'manifest.json';
const SIGNED_MANIFEST_FILE = 'manifest.dsse.json';
const CASES_FILE = 'cases.ndjson';

/** Limits of this in-memory reader (a bundle beyond them needs the streaming reader). */
export const SMALL_BUNDLE_LIMITS = { zipBytes: 256 * 1024 * 1024, unpackedBytes: 512 * 1024 * 1024, entries: 50_000 } as const;

/** Collects problems; `fatal` throws at once when reading cannot go on. */
class Problems implements ProblemSink {
  readonly list: BundleProblem[] = [];
  constructor(readonly bundleFile: string) {}
  add(file: string, path: string, message: string, line: number | null = null): void {
    this.list.push({ file, line, path, message });
  }
  fatal(file: string, path: string, message: string): never {
    this.add(file, path, message);
    throw new BundleInvalidError(this.bundleFile, this.list);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new BundleInvalidError(this.bundleFile, this.list);
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function unsafeEntryName(name: string): boolean {
  return /[\\\u0000-\u001f\u007f]/.test(name) || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').some((s) => s === '' || s === '.' || s === '..');
}

function unzip(bytes: Uint8Array, problems: Problems): Unzipped {
  const zipName = '(zip)';
  if (bytes.length > SMALL_BUNDLE_LIMITS.zipBytes) problems.fatal(zipName, '', `is ${bytes.length} bytes, more than this reader's limit of ${SMALL_BUNDLE_LIMITS.zipBytes}`);
  const names = new Set<string>();
  let unpacked = 0;
  let limitProblem: string | null = null;
  let entries: Unzipped;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (names.has(f.name)) limitProblem = `holds two entries named ${f.name}`;
        names.add(f.name);
        unpacked += f.originalSize;
        if (names.size > SMALL_BUNDLE_LIMITS.entries) limitProblem = `holds more than ${SMALL_BUNDLE_LIMITS.entries} entries`;
        if (unpacked > SMALL_BUNDLE_LIMITS.unpackedBytes) limitProblem = `unpacks to more than ${SMALL_BUNDLE_LIMITS.unpackedBytes} bytes`;
        if (limitProblem !== null) throw new Error(limitProblem);
        return !(f.name.endsWith('/') && f.originalSize === 0); // directory entries carry nothing
      },
    });
  } catch (e) {
    return problems.fatal(zipName, '', limitProblem ?? `is not a readable ZIP file (${(e as Error).message})`);
  }
  return entries;
}

function parseJsonFile(bytes: Uint8Array, file: string, problems: Problems): unknown {
  const text = decodeUtf8(bytes);
  if (text === null) return problems.fatal(file, '', 'is not UTF-8 text');
  try {
    return JSON.parse(text);
  } catch (e) {
    return problems.fatal(file, '', `is not valid JSON (${(e as Error).message})`);
  }
}

/** The manifest's JSON and the signature status, from manifest.json or manifest.dsse.json. */
function readManifestFile(entries: Unzipped, trust: readonly TrustedKey[], problems: Problems): { file: string; json: unknown; stored: Uint8Array; signature: SignatureStatus } {
  const plain = entries[MANIFEST_FILE];
  const signed = entries[SIGNED_MANIFEST_FILE];
  if (plain && signed) problems.fatal(SIGNED_MANIFEST_FILE, '', `the bundle holds both ${MANIFEST_FILE} and ${SIGNED_MANIFEST_FILE}; exactly one is allowed`);
  if (plain) return { file: MANIFEST_FILE, json: parseJsonFile(plain, MANIFEST_FILE, problems), stored: plain, signature: { state: 'unsigned' } };
  if (!signed) return problems.fatal(MANIFEST_FILE, '', `the bundle holds neither ${MANIFEST_FILE} nor ${SIGNED_MANIFEST_FILE}`);

  const file = SIGNED_MANIFEST_FILE;
  const envelope = dsseEnvelopeSchema.safeParse(parseJsonFile(signed, file, problems));
  if (!envelope.success) {
    for (const p of issuesToProblems(envelope.error.issues)) problems.add(file, p.path, p.message);
    problems.throwIfAny();
    throw new Error('unreachable');
  }
  if (envelope.data.payloadType !== PAYLOAD_TYPE_BUNDLE) problems.fatal(file, 'payloadType', `is "${envelope.data.payloadType}", expected "${PAYLOAD_TYPE_BUNDLE}"`);
  const body = decodeBase64(envelope.data.payload);
  if (body === null) return problems.fatal(file, 'payload', 'is not base64');

  const result = verifyEnvelope(envelope.data, trust, { role: 'bundle-issuer', payloadType: PAYLOAD_TYPE_BUNDLE });
  let signature: SignatureStatus;
  if (result.ok) signature = { state: 'trusted', keyid: result.signer.keyid, name: result.signer.name ?? result.signer.keyid };
  else if (result.reason === 'no-trusted-signature' || result.reason === 'role-not-allowed') signature = { state: 'untrusted', keyid: result.keyids[0] ?? 'unknown' };
  else return problems.fatal(file, 'signatures', result.message);

  const text = decodeUtf8(body);
  if (text === null) return problems.fatal(file, 'payload', 'is not UTF-8 text');
  try {
    return { file, json: JSON.parse(text), stored: signed, signature };
  } catch (e) {
    return problems.fatal(file, 'payload', `is not valid JSON (${(e as Error).message})`);
  }
}

function checkManifest(json: unknown, file: string, problems: Problems): BundleManifest {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    for (const p of issuesToProblems(parsed.error.issues)) problems.add(file, p.path, p.message);
    problems.throwIfAny();
    throw new Error('unreachable');
  }
  for (const p of tierTableProblems(parsed.data.policy.tiers)) problems.add(file, p.path, p.message);
  return parsed.data;
}

/** Every listed file present with its hash; nothing unlisted. Returns the hashes of the files present. */
function checkFiles(entries: Unzipped, manifest: BundleManifest, manifestFile: string, problems: Problems): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const name of Object.keys(entries).sort()) {
    if (name === manifestFile) continue;
    if (unsafeEntryName(name)) problems.add(name, '', 'has an unsafe name (absolute, "..", backslash or control characters)');
    const actual = sha256Hex(entries[name]!);
    hashes.set(name, actual);
    const listed = Object.hasOwn(manifest.files, name) ? manifest.files[name] : undefined;
    if (listed === undefined) problems.add(name, '', `is in the bundle but not listed in ${manifestFile}'s files`);
    else if (listed !== actual) problems.add(name, '', `has SHA-256 ${actual}, but ${manifestFile} lists ${listed}: the file was changed or damaged`);
  }
  for (const name of Object.keys(manifest.files).sort()) {
    const path = formatJsonPath(['files', name]);
    if (name === MANIFEST_FILE || name === SIGNED_MANIFEST_FILE) problems.add(manifestFile, path, 'lists the manifest itself; files lists every file except the manifest');
    else if (!hashes.has(name)) problems.add(manifestFile, path, `lists ${name}, which is missing from the bundle`);
  }
  if (!Object.hasOwn(entries, CASES_FILE) && !Object.hasOwn(manifest.files, CASES_FILE)) problems.add(CASES_FILE, '', 'is missing from the bundle');
  return hashes;
}

/** Reads and verifies a whole bundle held in memory. Throws BundleInvalidError on any problem. */
export function loadSmallBundle(bytes: Uint8Array, trust: readonly TrustedKey[], fileName: string): VerifiedBundle {
  const problems = new Problems(fileName);
  const entries = unzip(bytes, problems);
  const { file: manifestFile, json, stored, signature } = readManifestFile(entries, trust, problems);
  const manifest = checkManifest(json, manifestFile, problems);
  const hashes = checkFiles(entries, manifest, manifestFile, problems);

  const casesBytes = entries[CASES_FILE];
  const cases = casesBytes ? readCaseLines(casesBytes, CASES_FILE, problems, (f) => hashes.has(f) && Object.hasOwn(manifest.files, f) && f !== CASES_FILE) : { cases: [], lineCount: 0 };
  if (casesBytes && cases.lineCount !== manifest.caseCount) {
    problems.add(manifestFile, 'caseCount', `is ${manifest.caseCount}, but ${CASES_FILE} has ${cases.lineCount} lines`);
  }
  problems.throwIfAny();

  const evidence: EvidenceFile[] = [];
  for (const c of cases.cases) {
    const seen = new Set<string>();
    for (const doc of c.documents) {
      if (seen.has(doc.file)) continue;
      seen.add(doc.file);
      evidence.push({ caseId: c.caseId, file: doc.file, mediaType: doc.mediaType, sha256: hashes.get(doc.file)!, bytes: entries[doc.file]! });
    }
  }
  return { manifest, manifestSha256: sha256Hex(stored), signature, cases: cases.cases, evidence };
}
