/**
 * What the payment side does with a sync folder the app left, with nothing of the app's but its
 * command line: `council-desk verify` of every decision file in outbox/ against trust.json, and
 * FORMATS.md's openssl and jq recipe on each, with the chair's key taken from trust.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli/council-desk.cjs');

/** FORMATS.md "Keys and signatures", word for word, on f.json with chair.pub.pem in the same folder. */
export const OPENSSL_RECIPE = `set -e
jq -j .payloadType f.json > type.bin
jq -r .payload f.json | openssl base64 -d -A > body.bin
jq -r '.signatures[0].sig' f.json | openssl base64 -d -A > sig.bin
{ printf 'DSSEv1 %d ' "$(wc -c <type.bin)"; cat type.bin; printf ' %d ' "$(wc -c <body.bin)"; cat body.bin; } > pae.bin
openssl pkeyutl -verify -pubin -inkey chair.pub.pem -rawin -in pae.bin -sigfile sig.bin`;

export interface CheckedDecisionFile {
  file: string;
  valid: boolean;
  errors: unknown[];
  /** openssl's last line ("Signature Verified Successfully"). */
  openssl: string;
  payload: { meeting: { meetingId: string }; sequence: number; auditHead: string; decisions: { caseId: string; revision: number }[]; signer: { keyid: string; role: string } };
}

/** Every decision file of `<sync>/outbox/`, in name order, checked both ways. */
export function checkDecisionFiles(sync: string): CheckedDecisionFile[] {
  const outbox = path.join(sync, 'outbox');
  const files = readdirSync(outbox).filter((f) => f.endsWith('.dsse.json')).sort();
  const trustFile = path.join(sync, 'trust.json');
  const trust = JSON.parse(readFileSync(trustFile, 'utf8')) as { keys: { roles: string[]; publicKeyPem: string }[] };
  const chair = trust.keys.find((k) => k.roles.includes('chair'));
  if (!chair) throw new Error(`${trustFile} trusts no key with the role chair`);

  // one line per file named, FORMATS.md's --json shape; exit 1 when any does not verify
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'verify', ...files.map((f) => path.join(outbox, f)), '--trust', trustFile, '--json'], { encoding: 'utf8' });
  } catch (err) {
    out = (err as { stdout?: string }).stdout ?? '';
  }
  const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { valid: boolean; errors: unknown[] });

  const work = mkdtempSync(path.join(tmpdir(), 'council-desk-openssl-'));
  try {
    writeFileSync(path.join(work, 'chair.pub.pem'), chair.publicKeyPem);
    return files.map((file, i) => {
      const text = readFileSync(path.join(outbox, file), 'utf8');
      writeFileSync(path.join(work, 'f.json'), text);
      const openssl = execFileSync('bash', ['-c', OPENSSL_RECIPE], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop() ?? '';
      const envelope = JSON.parse(text) as { payload: string };
      const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as CheckedDecisionFile['payload'];
      return { file, valid: lines[i]?.valid ?? false, errors: lines[i]?.errors ?? ['no line from verify'], openssl, payload };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `council-desk verify` of a minutes attestation against the trust file: its one --json line. */
export function verifyMinutes(attestation: string, trustFile: string): { valid: boolean; errors: unknown[] } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'verify', attestation, '--trust', trustFile, '--json'], { encoding: 'utf8' });
  } catch (err) {
    out = (err as { stdout?: string }).stdout ?? '';
  }
  return JSON.parse(out.trim().split('\n')[0] ?? '{}') as { valid: boolean; errors: unknown[] };
}
