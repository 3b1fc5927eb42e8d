/**
 * Decision files made the way the app makes them: the payload serialised by RFC 8785 and signed
 * into a DSSE envelope by dsse-signing.ts (signEnvelope), written under its FORMATS.md name
 * (decisions-<meetingId>-<sequence>.dsse.json), and chains of them for one meeting.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJsonBytes } from '../../shared/canonical-json';
import { decisionFileName } from '../../shared/decisions/decision-file-name';
import type { DecisionFilePayload } from '../../shared/decisions/decision-file-schema';
import { PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import type { TrustRole, TrustedKey } from '../../shared/schemas/trust-file';
import { sha256Hex } from '../../shared/sha256';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair, keyIdOfPublicKeyPem, type KeyPair } from '../../electron/services/keys';
import { samplePayload, type SamplePayloadOptions } from './decision-payloads';

/** A key pair with its trust-file entry. */
export interface TestSigner extends KeyPair {
  trusted: TrustedKey;
}

export function makeSigner(name = '의장 정한결', roles: TrustRole[] = ['chair']): TestSigner {
  const pair = generateKeyPair();
  return { ...pair, trusted: { keyid: keyIdOfPublicKeyPem(pair.publicKeyPem), name, roles, publicKeyPem: pair.publicKeyPem } };
}

/** A signed envelope's text as the app writes it (indented JSON). */
export function envelopeText(payloadType: string, payload: unknown, privateKeyPem: string): string {
  return `${JSON.stringify(signEnvelope(payloadType, payload, privateKeyPem), null, 2)}\n`;
}

/** A decision file's text as the app writes it. */
export function decisionEnvelopeText(payload: unknown, privateKeyPem: string): string {
  return envelopeText(PAYLOAD_TYPE_DECISIONS, payload, privateKeyPem);
}

/** Writes the signed payload into `dir` (made if missing), by default under its own decision file name; returns the path. */
export function writeDecisionFile(dir: string, payload: DecisionFilePayload, privateKeyPem: string, name = decisionFileName(payload.meeting.meetingId, payload.sequence)): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, decisionEnvelopeText(payload, privateKeyPem));
  return path;
}

/** SHA-256 (hex) of a payload's signed bytes: what the next file's `previous` names. */
export const payloadSha256 = (payload: unknown): string => sha256Hex(canonicalJsonBytes(payload));

/** A meeting's files 1..n, each `previous` the one before (distinct cases in each), as `keyid` signs them. */
export function payloadChain(n: number, opts: SamplePayloadOptions = {}): DecisionFilePayload[] {
  const chain: DecisionFilePayload[] = [];
  for (let sequence = 1; sequence <= n; sequence += 1) {
    const previous = sequence === 1 ? null : payloadSha256(chain[sequence - 2]);
    chain.push(samplePayload({ ...opts, sequence, previous, firstCase: (sequence - 1) * 10 + 1 }));
  }
  return chain;
}
