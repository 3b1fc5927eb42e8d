/**
 * What a signed file's envelope (a decision file's, a minutes attestation's) must be beyond a
 * signature that verifies, so that no byte of it can change unnoticed: exactly DSSE's fields (each signature with its keyid), base64 in its one
 * canonical form (no bits set that encode nothing, as a decoder would ignore them), and the keyid
 * the trusted key's own signature names being that key's. DSSE makes the keyid a hint; the app
 * writes it right, so a wrong one here means the envelope was changed.
 */
import { verify } from 'node:crypto';
import { z } from 'zod';
import { preAuthEncoding } from '../../../shared/dsse';
import type { CodedMessage } from '../../../shared/problems/problem';
import { wordIssues } from '../../../shared/problems/zod-wording';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { decodeBase64 } from '../dsse-signing';
import { parsePublicKeyPem } from '../keys';
import type { SignedFileWords } from './signed-file-problems';

const strictEnvelopeSchema = z.strictObject({
  payloadType: z.string(),
  payload: z.string(),
  signatures: z.array(z.strictObject({ keyid: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a keyid: SHA-256 in lowercase hex (64 characters)' }), sig: z.string() })),
});

/** Whether `text` is the one base64 form (standard or URL-safe, padded or not) of `bytes`. */
function isCanonicalBase64(text: string, bytes: Uint8Array): boolean {
  const standard = Buffer.from(bytes).toString('base64').replace(/=+$/, '');
  const given = text.replace(/=+$/, '');
  return given === standard || given === standard.replace(/\+/g, '-').replace(/\//g, '_');
}

/** The envelope's problems, once its signature verified with `key` over `body` (empty: none). */
export function envelopeProblems(envelope: unknown, key: TrustedKey, body: Uint8Array, words: SignedFileWords): { path: string; coded: CodedMessage }[] {
  const parsed = strictEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) return wordIssues(parsed.error.issues, envelope).map(({ path, ...coded }) => ({ path, coded }));
  const env = parsed.data;
  const problems: { path: string; coded: CodedMessage }[] = [];
  if (!isCanonicalBase64(env.payload, body)) problems.push({ path: 'payload', coded: words('BASE64_NOT_CANONICAL') });
  const pae = preAuthEncoding(env.payloadType, body);
  const publicKey = parsePublicKeyPem(key.publicKeyPem);
  for (const [i, { keyid, sig }] of env.signatures.entries()) {
    const sigBytes = decodeBase64(sig);
    if (sigBytes === null) continue; // not the trusted key's signature: verifyEnvelope found that one
    if (!isCanonicalBase64(sig, sigBytes)) problems.push({ path: `signatures[${i}].sig`, coded: words('BASE64_NOT_CANONICAL') });
    if (keyid !== key.keyid && verify(null, pae, publicKey, sigBytes)) {
      problems.push({ path: `signatures[${i}].keyid`, coded: words('SIGNATURE_KEYID', { named: keyid, signedBy: key.keyid }) });
    }
  }
  return problems;
}
