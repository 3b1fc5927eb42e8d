/**
 * Writes a case bundle (.cdbundle, FORMATS.md) deterministically: the same content and key give
 * the same bytes. Entries: the manifest first (so a streaming reader meets it first), then
 * cases.ndjson, then the evidence files sorted by path (UTF-8 byte order); every entry carries
 * the same fixed time. The writer computes manifest.files and caseCount and signs the manifest when
 * given a key. writeBundleFile reads the file it wrote with the app's own streaming reader before
 * renaming it into place (the signature checked against the signing key), so it never leaves a
 * bundle the app would refuse.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { PAYLOAD_TYPE_BUNDLE } from '../../shared/dsse';
import { CouncilError } from '../../shared/result';
import type { BundleManifest } from '../../shared/schemas/bundle-manifest';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import { writeFileAtomic } from './atomic-write';
import type { BundleContent } from './bundle-content';
import { collisionKey, collisionProblem, displayName, entryNameProblem, readBundleWithManifest } from './bundle-reader';
import { BundleInvalidError } from './bundle-problems';
import { signEnvelope } from './dsse-signing';
import { keyIdOfPrivateKeyPem, publicKeyPemOf } from './keys';

export const CASES_FILE = 'cases.ndjson';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNED_MANIFEST_FILE = 'manifest.dsse.json';

/**
 * Every entry's time: 1980-01-01 00:00, the first DOS date. ZIP stores local time, so the Date is
 * built from local parts at each call: it reads back as the same parts in every time zone, and the
 * bytes do not depend on where (or in which TZ) the bundle is made.
 */
function fixedEntryTime(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Already compressed: stored as they are. */
const STORED_EXTENSIONS = /\.(png|jpe?g|pdf|zip|gz)$/i;

export interface BuildBundleOptions {
  /** Ed25519 PKCS#8 PEM: signs the manifest into manifest.dsse.json. Without it, manifest.json. */
  privateKeyPem?: string;
  /** The name used in error messages. */
  fileName?: string;
}

export interface BuiltBundle {
  zip: Uint8Array;
  manifest: BundleManifest;
  manifestFile: typeof MANIFEST_FILE | typeof SIGNED_MANIFEST_FILE;
  /** SHA-256 hex of the manifest file's bytes as stored in the zip. */
  manifestSha256: string;
  /** keyid of the signer; null when unsigned. */
  signedBy: string | null;
  /** How many files the manifest lists (cases.ndjson and the evidence). */
  fileCount: number;
  caseCount: number;
}

export interface WrittenBundle extends BuiltBundle {
  path: string;
  /** Size of the written file in bytes. */
  bytes: number;
}

const utf8 = new TextEncoder();

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Evidence lives under evidence/, and its name keeps every rule the reader checks (entry-names.ts), in the reader's words. */
function evidencePathProblem(path: string): string | null {
  if (!path.startsWith('evidence/')) return 'must be under evidence/';
  return entryNameProblem(path)?.message ?? null;
}

/**
 * Builds the bundle's bytes in memory, unchecked (tests build broken bundles with it). Throws
 * CouncilError('BUNDLE_CONTENT_INVALID') for evidence paths it cannot write.
 */
export function buildBundleZip(content: BundleContent, opts: BuildBundleOptions = {}): BuiltBundle {
  const fileName = opts.fileName ?? 'bundle';
  const seen = new Map<string, string>();
  for (const f of content.files) {
    const shown = displayName(f.path);
    const problem = evidencePathProblem(f.path);
    if (problem) throw new CouncilError('BUNDLE_CONTENT_INVALID', `evidence file path "${shown}" ${problem}`);
    const earlier = seen.get(collisionKey(f.path));
    if (earlier === f.path) throw new CouncilError('BUNDLE_CONTENT_INVALID', `evidence file path "${shown}" is given twice`);
    if (earlier !== undefined) throw new CouncilError('BUNDLE_CONTENT_INVALID', `evidence file path "${shown}" ${collisionProblem(f.path, earlier).message}`);
    seen.set(collisionKey(f.path), f.path);
  }
  const casesBytes = utf8.encode(content.cases.map((c) => `${JSON.stringify(c)}\n`).join(''));
  const evidence = [...content.files].sort((a, b) => byUtf8(a.path, b.path));

  const files: Record<string, string> = {};
  for (const [path, bytes] of [[CASES_FILE, casesBytes] as const, ...evidence.map((f) => [f.path, f.bytes] as const)].sort((a, b) => byUtf8(a[0], b[0]))) {
    files[path] = sha256Hex(bytes);
  }
  const manifest: BundleManifest = { ...content.manifest, caseCount: content.cases.length, files };

  let manifestFile: BuiltBundle['manifestFile'] = MANIFEST_FILE;
  let manifestBytes: Uint8Array;
  let signedBy: string | null = null;
  if (opts.privateKeyPem !== undefined) {
    const envelope = signEnvelope(PAYLOAD_TYPE_BUNDLE, manifest, opts.privateKeyPem);
    manifestFile = SIGNED_MANIFEST_FILE;
    manifestBytes = utf8.encode(`${JSON.stringify(envelope, null, 2)}\n`);
    signedBy = keyIdOfPrivateKeyPem(opts.privateKeyPem);
  } else {
    manifestBytes = utf8.encode(`${JSON.stringify(manifest, null, 2)}\n`);
  }

  // Insertion order is entry order: no key here is an integer-like string (all but the first two
  // start with "evidence/"), so the object keeps it.
  const entries: Zippable = {
    [manifestFile]: [manifestBytes, { level: 6 }],
    [CASES_FILE]: [casesBytes, { level: 6 }],
  };
  for (const f of evidence) entries[f.path] = [f.bytes, { level: STORED_EXTENSIONS.test(f.path) ? 0 : 6 }];
  const zip = zipSync(entries, { mtime: fixedEntryTime(), os: 0, attrs: 0 });

  return {
    zip,
    manifest,
    manifestFile,
    manifestSha256: sha256Hex(manifestBytes),
    signedBy,
    fileCount: Object.keys(files).length,
    caseCount: content.cases.length,
  };
}

/**
 * Builds the bundle and writes it atomically to outPath (creating the directory when needed),
 * after reading the written file back as the app will: every check of the streaming reader, and a
 * signed manifest trusted by its own key. A problem: BundleInvalidError, and nothing is written.
 */
export async function writeBundleFile(outPath: string, content: BundleContent, opts: Omit<BuildBundleOptions, 'fileName'> = {}): Promise<WrittenBundle> {
  const fileName = basename(outPath);
  const built = buildBundleZip(content, { ...opts, fileName });
  const trust: TrustedKey[] = [];
  if (opts.privateKeyPem !== undefined && built.signedBy !== null) {
    trust.push({ keyid: built.signedBy, name: 'signing key', roles: ['bundle-issuer'], publicKeyPem: publicKeyPemOf(opts.privateKeyPem) });
  }
  const check = async (tempPath: string) => {
    const { report } = await readBundleWithManifest(tempPath, { fileName, trust, requireSignature: built.signedBy !== null });
    if (!report.valid) throw new BundleInvalidError(fileName, report.errors);
  };
  await writeFileAtomic(outPath, built.zip, { check });
  return { ...built, path: outPath, bytes: statSync(outPath).size };
}
