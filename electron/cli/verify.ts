/**
 * council-desk verify FILE... (--trust FILE | --key PEM) [--folder DIR] [--json]: verifies decision
 * files (*.dsse.json: services/decision-files/verify-decision-file.ts, and each meeting's chain
 * across the files named), minutes attestations (minutes-<meetingId>.dsse.json, or any file whose
 * payload type is minutes: services/minutes/verify-minutes-attestation.ts, with the files it lists
 * beside it or in --folder) and signed case bundles (.cdbundle: the manifest's signature and every
 * check of the bundle reader), and prints the summary of each (--json: one line per file). Exit 0
 * when every file verifies, 1 when one does not, 2 wrong usage.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { PAYLOAD_TYPE_BUNDLE, PAYLOAD_TYPE_MINUTES } from '../../shared/dsse';
import { parseMinutesAttestationFileName } from '../../shared/minutes/file-names';
import { problemAt, type Problem } from '../../shared/problems/problem';
import { TRUST_ROLES, type TrustedKey } from '../../shared/schemas/trust-file';
import { readBundleWithManifest } from '../services/bundle-reader';
import { keyIdOfPublicKeyPem } from '../services/keys';
import { optionalString, parseCommandArgs, UsageError, type CliIo } from './args';
import { trustKeys } from './validate';
import { chainPlaces } from '../services/decision-files/decision-chain';
import { verifyDecisionFile, type DecisionFileVerification } from '../services/decision-files/verify-decision-file';
import { verifyMinutesAttestation } from '../services/minutes/verify-minutes-attestation';
import { verifyProblem } from './verify-problems';
import { verifyJson, verifyText, type VerifyResult } from './verify-result';

/** --key PEM: that one key, trusted for every role, named after its file (chair.pub.pem -> chair). */
function keyFromPem(path: string): { keys: TrustedKey[] } | { problems: readonly Problem[] } {
  try {
    const publicKeyPem = readFileSync(path, 'utf8');
    const name = basename(path).replace(/(\.pub)?\.pem$/i, '') || basename(path);
    return { keys: [{ keyid: keyIdOfPublicKeyPem(publicKeyPem), name, roles: [...TRUST_ROLES], publicKeyPem }] };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const coded = code === 'ENOENT' ? verifyProblem('KEY_FILE_NOT_FOUND') : verifyProblem('KEY_FILE_UNUSABLE', { detail: (e as Error).message });
    return { problems: [problemAt({ file: path }, coded)] };
  }
}

/** A ZIP starts with a local file header (or, when empty, the end record). */
function looksLikeZip(path: string): boolean {
  if (/\.cdbundle$/i.test(path)) return true;
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    return n === 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

async function verifyBundle(path: string, keys: TrustedKey[]): Promise<VerifyResult> {
  const { report, manifest } = await readBundleWithManifest(path, { fileName: path, trust: keys, requireSignature: true });
  const signature = report.signature;
  return {
    valid: report.valid,
    kind: 'bundle',
    file: path,
    payloadType: signature === null || signature.state === 'unsigned' ? null : PAYLOAD_TYPE_BUNDLE,
    keyid: signature !== null && signature.state !== 'unsigned' ? signature.keyid : null,
    signer: report.signedBy,
    verifiedBy: report.signedBy,
    summary: {
      bundleId: manifest?.bundleId ?? report.bundleId,
      title: manifest?.title ?? null,
      caseCount: manifest?.caseCount ?? report.caseCount,
      issuer: manifest?.issuer ?? null,
    },
    errors: report.errors,
    warnings: report.warnings,
  };
}

/** A minutes attestation's result, and each file it lists in `folder` (default: beside it). */
async function verifyMinutes(path: string, keys: TrustedKey[], folder: string | undefined): Promise<VerifyResult> {
  const { payload: _payload, payloadSha256: _sha, ...v } = await verifyMinutesAttestation(path, keys, { folder });
  return { ...v, kind: 'minutes' };
}

/** --folder DIR: a folder that is there, else wrong usage. */
function folderFlag(folder: string | undefined): string | undefined {
  if (folder === undefined) return undefined;
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new UsageError(`--folder ${folder}: there is no such folder`);
  return folder;
}

/** The result for a file not verified because the trust file or the key file is unusable: their problems. */
function unusableKeys(file: string, problems: readonly Problem[]): VerifyResult {
  return { valid: false, kind: 'decisions', file, payloadType: null, keyid: null, signer: null, verifiedBy: null, summary: {}, errors: [...problems], warnings: [] };
}

/** The decision files' results, each meeting's chain across them checked: a broken link makes its file invalid. */
function decisionResults(verified: readonly DecisionFileVerification[]): VerifyResult[] {
  const places = chainPlaces(verified);
  return verified.map(({ payload: _payload, payloadSha256: _sha, ...v }, i) => {
    const place = places[i];
    const errors = [...v.errors];
    if (place?.problem) errors.push(problemAt({ file: v.file, path: place.problem.path }, place.problem));
    const summary = place ? { ...v.summary, chain: place.status } : v.summary;
    return { ...v, summary, errors, valid: v.valid && errors.length === v.errors.length, kind: 'decisions', warnings: [] };
  });
}

export async function runVerify(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs(argv, { trust: { type: 'string' }, key: { type: 'string' }, folder: { type: 'string' }, json: { type: 'boolean' } }, { min: 1, max: Number.MAX_SAFE_INTEGER, name: 'FILE' });
  const trustPath = optionalString(args, 'trust');
  const keyPath = optionalString(args, 'key');
  if ((trustPath === undefined) === (keyPath === undefined)) throw new UsageError('give either --trust FILE or --key PEM (one of the two)');
  const folder = folderFlag(optionalString(args, 'folder'));

  const keys = trustPath !== undefined ? trustKeys(trustPath) : keyFromPem(keyPath!);
  const results: (VerifyResult | DecisionFileVerification)[] = [];
  for (const path of args.positionals) {
    if ('problems' in keys) results.push(unusableKeys(path, keys.problems));
    else if (looksLikeZip(path)) results.push(await verifyBundle(path, keys.keys));
    else if (parseMinutesAttestationFileName(basename(path)) !== null) results.push(await verifyMinutes(path, keys.keys, folder));
    else {
      // any other name: a decision file, unless its payload type says minutes
      const decision = await verifyDecisionFile(path, keys.keys);
      results.push(decision.payloadType === PAYLOAD_TYPE_MINUTES ? await verifyMinutes(path, keys.keys, folder) : decision);
    }
  }
  const decisions = decisionResults(results.filter((r): r is DecisionFileVerification => !('kind' in r)));
  const all = results.map((r) => ('kind' in r ? r : decisions.shift()!));

  const json = args.values.json === true;
  io.stdout(all.map((r) => (json ? verifyJson(r) : verifyText(r))).join(json ? '' : '\n'));
  return all.every((r) => r.valid) ? 0 : 1;
}
