/**
 * FORMATS.md promises that anyone can verify our envelopes with openssl 3 and jq, without this app.
 * This runs that exact recipe on envelopes we sign.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { makeTempDir, textOf, tinyBundleContent } from './fixtures/tiny-bundle';

/** Copied as it stands in FORMATS.md ("Anyone can verify a decision file with openssl 3 and jq"). */
const FORMATS_RECIPE = `
jq -j .payloadType f.json > type.bin
jq -r .payload f.json | openssl base64 -d -A > body.bin
jq -r '.signatures[0].sig' f.json | openssl base64 -d -A > sig.bin
{ printf 'DSSEv1 %d ' "$(wc -c <type.bin)"; cat type.bin; printf ' %d ' "$(wc -c <body.bin)"; cat body.bin; } > pae.bin
openssl pkeyutl -verify -pubin -inkey chair.pub.pem -rawin -in pae.bin -sigfile sig.bin
`;

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function runRecipe(envelopeJson: string, publicKeyPem: string): { status: number | null; output: string; body: string } {
  const t = makeTempDir('council-desk-openssl-');
  cleanups.push(t.remove);
  writeFileSync(join(t.dir, 'f.json'), envelopeJson);
  writeFileSync(join(t.dir, 'chair.pub.pem'), publicKeyPem);
  const r = spawnSync('sh', ['-c', FORMATS_RECIPE], { cwd: t.dir, encoding: 'utf8' });
  const body = spawnSync('cat', ['body.bin'], { cwd: t.dir, encoding: 'utf8' }).stdout;
  return { status: r.status, output: `${r.stdout}${r.stderr}`, body };
}

describe('the openssl recipe of FORMATS.md', () => {
  const chair = generateKeyPair();
  const decisions = { format: 'council-desk/decisions', version: 1, council: '카카오 1015 피해지원 협의체', decisions: [{ caseId: '1015-000123', award: 50000, rationale: '증빙 충분' }] };

  it('verifies an envelope we sign (with multi-byte UTF-8 in the payload)', () => {
    const env = signEnvelope(PAYLOAD_TYPE_DECISIONS, decisions, chair.privateKeyPem);
    const r = runRecipe(JSON.stringify(env, null, 2), chair.publicKeyPem);
    expect(r.output).toContain('Signature Verified Successfully');
    expect(r.status).toBe(0);
    expect(r.body).toBe(canonicalJson(decisions));
  });

  it('fails on a tampered payload and on the wrong key', () => {
    const env = signEnvelope(PAYLOAD_TYPE_DECISIONS, decisions, chair.privateKeyPem);
    const changed = { ...decisions, decisions: [{ ...decisions.decisions[0], award: 5_000_000 }] };
    const tampered = { ...env, payload: Buffer.from(canonicalJson(changed)).toString('base64') };
    const r = runRecipe(JSON.stringify(tampered), chair.publicKeyPem);
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('Signature Verification Failure');

    const stranger = generateKeyPair();
    expect(runRecipe(JSON.stringify(env), stranger.publicKeyPem).status).not.toBe(0);
  });

  it("verifies a signed bundle's manifest.dsse.json", () => {
    const built = buildBundleZip(tinyBundleContent(), { privateKeyPem: chair.privateKeyPem });
    const manifestFile = unzipSync(built.zip)['manifest.dsse.json'];
    const r = runRecipe(textOf(manifestFile), chair.publicKeyPem);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.body)).toEqual(built.manifest);
  });
});
