/**
 * Signing and verifying DSSE envelopes with Ed25519 (FORMATS.md, "Keys and signatures").
 * BODY = RFC 8785 canonical JSON of the payload; SIG = Ed25519 over the pre-authentication
 * encoding. We write standard padded base64 and accept URL-safe and unpadded base64 too.
 * A keyid is only a hint: trust comes from the trust file's public keys.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJsonBytes } from '../../shared/canonical-json';
import { preAuthEncoding } from '../../shared/dsse';
import { formatJsonPath } from '../../shared/json-path';
import { dsseEnvelopeSchema, type DsseEnvelope } from '../../shared/schemas/dsse-envelope';
import type { TrustedKey, TrustRole } from '../../shared/schemas/trust-file';
import { CouncilError } from '../../shared/result';
import { keyIdOfPublicKey, parsePrivateKeyPem, parsePublicKeyPem } from './keys';

export interface VerifiedSigner {
  keyid: string;
  /** The trusted key's name; null when verified with a key given directly (--key). */
  name: string | null;
}

export type VerifyFailureReason =
  | 'not-an-envelope'
  | 'payload-not-base64'
  | 'wrong-payload-type'
  | 'bad-signature'
  | 'role-not-allowed'
  | 'no-trusted-signature';

export type EnvelopeVerification =
  | {
      ok: true;
      /** The first trusted key (in trust-file order) with a good signature. */
      signer: VerifiedSigner;
      /** Every distinct key with a good signature: signatures by the same key count once. */
      signers: VerifiedSigner[];
      payloadType: string;
      body: Uint8Array;
    }
  | {
      ok: false;
      reason: VerifyFailureReason;
      message: string;
      /** The keyids the envelope's signatures name (hints; unverified). */
      keyids: string[];
    };

export interface VerifyOptions {
  /** Only keys holding this role count. */
  role?: TrustRole;
  /** The payload type the caller expects; anything else fails with wrong-payload-type. */
  payloadType?: string;
}

/** Decodes standard or URL-safe base64, padded or not. Returns null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const padded = /=+$/.exec(text)?.[0].length ?? 0;
  const bare = text.slice(0, text.length - padded);
  if (!/^[A-Za-z0-9+/_-]*$/.test(bare) || (/[+/]/.test(bare) && /[-_]/.test(bare))) return null; // one alphabet, not both
  if (bare.length % 4 === 1 || padded > 2 || (padded > 0 && text.length % 4 !== 0)) return null;
  return new Uint8Array(Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** What signs an envelope: a keyid and the Ed25519 signature of a message (a private key, or a DeviceSigner of the keystore). */
export interface EnvelopeSigner {
  keyid: string;
  sign(message: Uint8Array): Uint8Array;
}

/** Signs BODY (already RFC 8785 bytes) into a one-signature envelope: the signature is over the pre-authentication encoding. */
export function signBody(payloadType: string, body: Uint8Array, signer: EnvelopeSigner): DsseEnvelope {
  const sig = signer.sign(preAuthEncoding(payloadType, body));
  return { payloadType, payload: encodeBase64(body), signatures: [{ keyid: signer.keyid, sig: encodeBase64(sig) }] };
}

/** Signs payload (serialised as RFC 8785 canonical JSON) with a signer into a one-signature envelope. */
export function signEnvelopeWith(payloadType: string, payload: unknown, signer: EnvelopeSigner): DsseEnvelope {
  return signBody(payloadType, canonicalJsonBytes(payload), signer);
}

/** Signs payload (serialised as RFC 8785 canonical JSON) with a PKCS#8 PEM private key into a one-signature envelope. */
export function signEnvelope(payloadType: string, payload: unknown, privateKeyPem: string): DsseEnvelope {
  const privateKey = parsePrivateKeyPem(privateKeyPem);
  const keyid = keyIdOfPublicKey(createPublicKey(privateKey));
  return signEnvelopeWith(payloadType, payload, { keyid, sign: (message) => sign(null, message, privateKey) });
}

/** The envelope's payload bytes (BODY). Throws CouncilError('ENVELOPE_INVALID') when not base64. */
export function decodePayload(envelope: Pick<DsseEnvelope, 'payload'>): Uint8Array {
  const body = decodeBase64(envelope.payload);
  if (body === null) throw new CouncilError('ENVELOPE_INVALID', 'payload: is not base64');
  return body;
}

interface CandidateKey {
  keyid: string;
  name: string | null;
  roles: readonly TrustRole[] | 'any';
  key: KeyObject;
}

/** Verifies against the keys of a trust file (optionally only those with a role). */
export function verifyEnvelope(envelope: unknown, trustedKeys: readonly TrustedKey[], opts: VerifyOptions = {}): EnvelopeVerification {
  const keys = trustedKeys.map((k): CandidateKey => ({ keyid: k.keyid, name: k.name, roles: k.roles, key: parsePublicKeyPem(k.publicKeyPem) }));
  return verifyAgainst(envelope, keys, opts);
}

/** Verifies against one public key given directly (the command line's --key). */
export function verifyEnvelopeWithKey(envelope: unknown, publicKeyPem: string, opts: Omit<VerifyOptions, 'role'> = {}): EnvelopeVerification {
  const key = parsePublicKeyPem(publicKeyPem);
  return verifyAgainst(envelope, [{ keyid: keyIdOfPublicKey(key), name: null, roles: 'any', key }], opts);
}

function verifyAgainst(envelope: unknown, keys: readonly CandidateKey[], opts: VerifyOptions): EnvelopeVerification {
  const parsed = dsseEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? formatJsonPath(issue.path) : '';
    return fail('not-an-envelope', `not a DSSE envelope: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`, []);
  }
  const env = parsed.data;
  const keyids = env.signatures.flatMap((s) => (s.keyid ? [s.keyid] : []));
  const body = decodeBase64(env.payload);
  if (body === null) return fail('payload-not-base64', 'payload: is not base64', keyids);
  if (opts.payloadType !== undefined && env.payloadType !== opts.payloadType) {
    return fail('wrong-payload-type', `payloadType: is "${env.payloadType}", expected "${opts.payloadType}"`, keyids);
  }
  const pae = preAuthEncoding(env.payloadType, body);
  const good = new Set<CandidateKey>();
  let badByKnownKey: string | null = null;
  for (const { keyid, sig } of env.signatures) {
    const sigBytes = decodeBase64(sig);
    // The keyid is a hint: try the key it names first, then every other key.
    const ordered = [...keys.filter((k) => k.keyid === keyid), ...keys.filter((k) => k.keyid !== keyid)];
    const hit = sigBytes === null ? undefined : ordered.find((k) => verify(null, pae, k.key, sigBytes));
    if (hit) good.add(hit);
    else if (keyid !== undefined && keys.some((k) => k.keyid === keyid)) badByKnownKey = keyid;
  }
  const allowed = [...good].filter((k) => opts.role === undefined || k.roles === 'any' || k.roles.includes(opts.role));
  if (allowed.length > 0) {
    const signers = keys.filter((k) => allowed.includes(k)).map((k) => ({ keyid: k.keyid, name: k.name }));
    return { ok: true, signer: signers[0]!, signers, payloadType: env.payloadType, body };
  }
  if (good.size > 0) {
    const names = [...good].map((k) => k.name ?? k.keyid).join(', ');
    return fail('role-not-allowed', `signed by ${names}, which is not trusted as ${opts.role}`, keyids);
  }
  if (badByKnownKey !== null) {
    return fail('bad-signature', `the signature by key ${badByKnownKey} does not verify: the content was changed after signing, or the signature is damaged`, keyids);
  }
  const named = keyids.length > 0 ? `key ${keyids.join(', ')}` : 'a key the envelope does not name';
  return fail('no-trusted-signature', `no signature by a trusted key (signed by ${named})`, keyids);
}

function fail(reason: VerifyFailureReason, message: string, keyids: string[]): EnvelopeVerification {
  return { ok: false, reason, message, keyids };
}
