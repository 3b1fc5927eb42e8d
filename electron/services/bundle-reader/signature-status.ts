/**
 * Who signed a bundle's manifest, against the trust file's bundle-issuer keys. A signature that
 * fails against a trusted key is always fatal (the manifest was changed after signing). When
 * signatures are required, an unsigned bundle or one signed by a key not trusted as a bundle
 * issuer is refused; otherwise the report carries a warning.
 */
import type { BundleProblem } from '../../../shared/bundle-report';
import type { SignatureStatus } from '../../../shared/bundle-types';
import { PAYLOAD_TYPE_BUNDLE } from '../../../shared/dsse';
import type { DsseEnvelope } from '../../../shared/schemas/dsse-envelope';
import type { TrustedKey } from '../../../shared/schemas/trust-file';
import { verifyEnvelope } from '../dsse-signing';
import type { ProblemLog } from './problem-log';

/** The signature status of a signed manifest; a bad signature is logged as fatal. */
export function signatureOf(envelope: DsseEnvelope, trust: readonly TrustedKey[], file: string, log: ProblemLog): SignatureStatus {
  const result = verifyEnvelope(envelope, trust, { role: 'bundle-issuer', payloadType: PAYLOAD_TYPE_BUNDLE });
  if (result.ok) return { state: 'trusted', keyid: result.signer.keyid, name: result.signer.name ?? result.signer.keyid };
  if (result.reason === 'no-trusted-signature' || result.reason === 'role-not-allowed') {
    return { state: 'untrusted', keyid: result.keyids[0] ?? 'unknown' };
  }
  if (result.reason === 'bad-signature') {
    log.fatal('signature', file, null, 'signatures', `${result.message}. Do not import this bundle; ask the secretariat for a new copy`);
  }
  return log.fatal('signature', file, null, 'signatures', result.message);
}

/** Logs what the signature status means: an error when signatures are required (returned), else a warning. */
export function judgeSignature(status: SignatureStatus, file: string, requireSignature: boolean, log: ProblemLog): BundleProblem | null {
  if (status.state === 'trusted') return null;
  const message =
    status.state === 'unsigned'
      ? 'the bundle is not signed, so nobody vouches for where it comes from'
      : `the bundle is signed by key ${status.keyid}, which the trust file does not trust as a bundle issuer`;
  if (requireSignature) {
    return log.error('signature', file, null, status.state === 'unsigned' ? '' : 'signatures', `${message}; only bundles signed by a trusted bundle issuer may be imported (signed bundles are required)`);
  } else {
    log.warn('signature', file, null, status.state === 'unsigned' ? '' : 'signatures', message);
    return null;
  }
}
