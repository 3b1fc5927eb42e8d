import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_BUNDLE, PAYLOAD_TYPE_DECISIONS, preAuthEncoding } from '../../shared/dsse';
import { decodeBase64, decodePayload, signEnvelope, verifyEnvelope, verifyEnvelopeWithKey } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { trustFor } from './fixtures/tiny-bundle';

const payload = { format: 'council-desk/decisions', version: 1, sequence: 1, council: '카카오 1015 피해지원 협의체', amount: 50000, z: null, a: [3, 1] };
const toUrlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('DSSE signing', () => {
  const issuer = generateKeyPair();
  const other = generateKeyPair();
  const trust = [trustFor(other.publicKeyPem, 'other', ['member']), trustFor(issuer.publicKeyPem, '사무국', ['bundle-issuer'])];

  it('signs the RFC 8785 bytes of the payload in standard padded base64, with the signer keyid', () => {
    const env = signEnvelope(PAYLOAD_TYPE_DECISIONS, payload, issuer.privateKeyPem);
    expect(env.payloadType).toBe(PAYLOAD_TYPE_DECISIONS);
    expect(new TextDecoder().decode(decodePayload(env))).toBe(canonicalJson(payload));
    expect(new TextDecoder().decode(decodePayload(env))).toMatch(/^\{"a":\[3,1\],"amount":50000,"council":/);
    expect(env.payload).toBe(Buffer.from(canonicalJson(payload), 'utf8').toString('base64'));
    expect(env.signatures).toHaveLength(1);
    expect(env.signatures[0]!.keyid).toBe(issuer.keyid);
    expect(env.signatures[0]!.sig).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    // Ed25519 is deterministic: the same content and key give the same envelope.
    expect(signEnvelope(PAYLOAD_TYPE_DECISIONS, { ...payload }, issuer.privateKeyPem)).toEqual(env);
  });

  it('verifies a round trip and names the trusted key', () => {
    const env = signEnvelope(PAYLOAD_TYPE_BUNDLE, payload, issuer.privateKeyPem);
    const result = verifyEnvelope(env, trust, { role: 'bundle-issuer', payloadType: PAYLOAD_TYPE_BUNDLE });
    expect(result).toMatchObject({ ok: true, signer: { keyid: issuer.keyid, name: '사무국' }, payloadType: PAYLOAD_TYPE_BUNDLE });
    if (result.ok) expect(JSON.parse(new TextDecoder().decode(result.body))).toEqual(payload);
    expect(verifyEnvelopeWithKey(env, issuer.publicKeyPem)).toMatchObject({ ok: true, signer: { keyid: issuer.keyid, name: null } });
  });

  it('says why an envelope does not verify', () => {
    const env = signEnvelope(PAYLOAD_TYPE_BUNDLE, payload, issuer.privateKeyPem);
    const tampered = { ...env, payload: Buffer.from(canonicalJson({ ...payload, amount: 5_000_000 })).toString('base64') };
    expect(verifyEnvelope(tampered, trust)).toMatchObject({ ok: false, reason: 'bad-signature', keyids: [issuer.keyid] });
    expect(verifyEnvelopeWithKey(tampered, issuer.publicKeyPem)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyEnvelope(env, [trust[0]!])).toMatchObject({ ok: false, reason: 'no-trusted-signature', keyids: [issuer.keyid] });
    expect(verifyEnvelope(env, trust, { role: 'chair' })).toMatchObject({ ok: false, reason: 'role-not-allowed' });
    expect(verifyEnvelope(env, trust, { payloadType: PAYLOAD_TYPE_DECISIONS })).toMatchObject({ ok: false, reason: 'wrong-payload-type' });
    expect(verifyEnvelope({ ...env, payload: 'not base64!' }, trust)).toMatchObject({ ok: false, reason: 'not-an-envelope' });
    expect(verifyEnvelope({ ...env, payload: 'QUJD=' }, trust)).toMatchObject({ ok: false, reason: 'payload-not-base64' });
    expect(verifyEnvelope({ ...env, signatures: [] }, trust)).toMatchObject({ ok: false, reason: 'not-an-envelope', message: expect.stringContaining('signatures') });
    expect(verifyEnvelope('{}', trust)).toMatchObject({ ok: false, reason: 'not-an-envelope' });
    // The payload type is signed too: changing it breaks the signature.
    expect(verifyEnvelope({ ...env, payloadType: PAYLOAD_TYPE_DECISIONS }, trust)).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('accepts URL-safe and unpadded base64', () => {
    // Find a payload whose base64 holds + or / so the URL-safe form really differs.
    let n = 0;
    let env = signEnvelope(PAYLOAD_TYPE_BUNDLE, { n, text: '~~~?' }, issuer.privateKeyPem);
    while (!/[+/]/.test(env.payload) || !/[+/]/.test(env.signatures[0]!.sig)) {
      n += 1;
      env = signEnvelope(PAYLOAD_TYPE_BUNDLE, { n, text: '~~~?' }, issuer.privateKeyPem);
    }
    const urlSafe = { ...env, payload: toUrlSafe(env.payload), signatures: [{ keyid: issuer.keyid, sig: toUrlSafe(env.signatures[0]!.sig) }] };
    expect(urlSafe.payload).not.toBe(env.payload);
    expect(verifyEnvelope(urlSafe, trust)).toMatchObject({ ok: true, signer: { keyid: issuer.keyid } });
    expect(decodePayload(urlSafe)).toEqual(decodePayload(env));
  });

  it('decodes base64 strictly enough', () => {
    expect(decodeBase64('QUJD')).toEqual(new TextEncoder().encode('ABC'));
    expect(decodeBase64('QUI=')).toEqual(new TextEncoder().encode('AB'));
    expect(decodeBase64('QUI')).toEqual(new TextEncoder().encode('AB'));
    expect(decodeBase64('Q')).toBeNull();
    expect(decodeBase64('QU I=')).toBeNull();
    expect(decodeBase64('a+b_')).toBeNull(); // both alphabets at once
  });

  it('counts signatures by the same key once, and still finds a good one among bad ones', () => {
    const env = signEnvelope(PAYLOAD_TYPE_BUNDLE, payload, issuer.privateKeyPem);
    const sig = env.signatures[0]!;
    const doubled = { ...env, signatures: [sig, { ...sig }, { sig: sig.sig }] };
    const result = verifyEnvelope(doubled, trust);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.signers).toEqual([{ keyid: issuer.keyid, name: '사무국' }]);

    const pae = preAuthEncoding(PAYLOAD_TYPE_BUNDLE, decodePayload(env));
    const byOther = { keyid: other.keyid, sig: sign(null, pae, other.privateKeyPem).toString('base64') };
    const both = verifyEnvelope({ ...env, signatures: [{ keyid: issuer.keyid, sig: 'AAAA' }, byOther, sig, sig] }, trust);
    expect(both.ok).toBe(true);
    if (both.ok) expect(both.signers.map((s) => s.name)).toEqual(['other', '사무국']);
  });

  it('treats keyid as a hint: a signature with a wrong or missing keyid verifies by the key itself', () => {
    const env = signEnvelope(PAYLOAD_TYPE_BUNDLE, payload, issuer.privateKeyPem);
    const noKeyid = { ...env, signatures: [{ sig: env.signatures[0]!.sig }] };
    expect(verifyEnvelope(noKeyid, trust)).toMatchObject({ ok: true, signer: { keyid: issuer.keyid } });
    const wrongHint = { ...env, signatures: [{ keyid: other.keyid, sig: env.signatures[0]!.sig }] };
    expect(verifyEnvelope(wrongHint, trust)).toMatchObject({ ok: true, signer: { keyid: issuer.keyid } });
  });
});
