/**
 * Who signed a bundle's manifest, against the trust file's bundle-issuer keys. A signature that
 * fails against a trusted key is always fatal (the manifest was changed after signing). When
 * signatures are required, an unsigned bundle or one signed by a key not trusted as a bundle
 * issuer is refused; otherwise the report carries a warning.
 */
import type { BundleReport } from '../../../shared/bundle-report';
import type { SignatureStatus } from '../../../shared/bundle-types';
import { PAYLOAD_TYPE_BUNDLE } from '../../../shared/dsse';
import type { DsseEnvelope } from '../../../shared/schemas/dsse-envelope';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { verifyEnvelope } from '../dsse-signing';
import { problem } from './problem-codes';
import type { ProblemLog } from './problem-log';

/** The signature status of a signed manifest; a bad signature is logged as fatal. */
export function signatureOf(envelope: DsseEnvelope, trust: readonly TrustedKey[], file: string, log: ProblemLog): SignatureStatus {
  const result = verifyEnvelope(envelope, trust, { role: 'bundle-issuer', payloadType: PAYLOAD_TYPE_BUNDLE });
  if (result.ok) return { state: 'trusted', keyid: result.signer.keyid, name: result.signer.name ?? result.signer.keyid };
  if (result.reason === 'no-trusted-signature' || result.reason === 'role-not-allowed') {
    return { state: 'untrusted', keyid: result.keyids[0] ?? 'unknown' };
  }
  if (result.reason === 'bad-signature') {
    log.fatal('signature', file, null, 'signatures', problem('SIGNATURE_BAD', { detail: result.message }));
  }
  return log.fatal('signature', file, null, 'signatures', problem('SIGNATURE_UNUSABLE', { detail: result.message }));
}

/** Logs what the signature status means: an error when signatures are required (returned), else a warning. */
export function judgeSignature(status: SignatureStatus, file: string, requireSignature: boolean, log: ProblemLog): BundleReport['errors'][number] | null {
  if (status.state === 'trusted') return null;
  const path = status.state === 'unsigned' ? '' : 'signatures';
  if (requireSignature) {
    return log.error('signature', file, null, path, status.state === 'unsigned' ? problem('UNSIGNED_REFUSED') : problem('UNTRUSTED_SIGNER_REFUSED', { keyid: status.keyid }));
  } else {
    log.warn('signature', file, null, path, status.state === 'unsigned' ? problem('UNSIGNED') : problem('UNTRUSTED_SIGNER', { keyid: status.keyid }));
    return null;
  }
}
