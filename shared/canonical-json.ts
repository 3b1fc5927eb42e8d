import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme): the same content always gives the same text,
 * so the same bytes and the same hash. Refuses what JSON cannot hold (undefined, NaN, Infinity).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be serialised as JSON');
  return text;
}

/** RFC 8785 text as UTF-8 bytes: what DSSE signs and what hashes are taken over. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
