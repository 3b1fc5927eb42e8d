/**
 * FORMATS.md promises that anyone can verify our envelopes with openssl 3 and jq, without this app.
 * This runs that exact recipe (test/support/openssl-recipe.ts) on envelopes we sign.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { runRecipe } from '../support/openssl-recipe';
import { textOf, tinyBundleContent } from './fixtures/tiny-bundle';

describe('the openssl recipe of FORMATS.md', () => {
  const chair = generateKeyPair();
  const decisions = { format: 'council-desk/decisions', version: 1, council: '카카오 1015 피해지원 협의체', decisions: [{ caseId: '1015-000123', award: 50000, rationale: '증빙 충분' }] };

  it('verifies an envelope we sign (with multi-byte UTF-8 in the payload)', () => {
    const env = signEnvelope(PAYLOAD_TYPE_DECISIONS, decisions, chair.privateKeyPem);
    const r = runRecipe(JSON.stringify(env, null, 2), chair.publicKeyPem);
    expect(r.output).toContain('Signature Verified Successfully');
    expect(r.status).toBe(0);
    expect(textOf(r.body)).toBe(canonicalJson(decisions));
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
    expect(JSON.parse(textOf(r.body))).toEqual(built.manifest);
  });
});
