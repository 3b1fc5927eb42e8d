/**
 * DSSE (Dead Simple Signing Envelope), protocol.md: what is signed is the pre-authentication
 * encoding "DSSEv1" SP len(type) SP type SP len(body) SP body, lengths in UTF-8 bytes, decimal.
 * Pure: the signing itself happens in electron/, where the keys are.
 */
export const PAYLOAD_TYPE_BUNDLE = 'application/vnd.council-desk.bundle+json; version=1';
export const PAYLOAD_TYPE_DECISIONS = 'application/vnd.council-desk.decisions+json; version=1';
export const PAYLOAD_TYPE_MINUTES = 'application/vnd.council-desk.minutes+json; version=1';

export function preAuthEncoding(payloadType: string, body: Uint8Array): Uint8Array {
  const type = new TextEncoder().encode(payloadType);
  const head = new TextEncoder().encode(`DSSEv1 ${type.length} `);
  const mid = new TextEncoder().encode(` ${body.length} `);
  const out = new Uint8Array(head.length + type.length + mid.length + body.length);
  let at = 0;
  for (const part of [head, type, mid, body]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
