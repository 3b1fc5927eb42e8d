import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_BUNDLE, preAuthEncoding } from '../../shared/dsse';

describe('RFC 8785 canonical JSON', () => {
  it('sorts keys by UTF-16 code units and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], '€': 0, '\u0080': 1 })).toBe('{"a":[true,null,"x"],"b":1,"\u0080":1,"€":0}');
  });

  it('serialises numbers the ECMAScript way (RFC 8785 section 3.2.2.3)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 300000])).toBe('[1e+21,1e-7,0.1,0,300000]');
  });

  it('gives the same bytes for the same content in any key order, Hangul in UTF-8', () => {
    const a = canonicalJsonBytes({ name: '행복분식', amount: 420000 });
    const b = canonicalJsonBytes({ amount: 420000, name: '행복분식' });
    expect(a).toEqual(b);
    expect(new TextDecoder().decode(a)).toBe('{"amount":420000,"name":"행복분식"}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(/cannot be serialised/);
  });
});

describe('DSSE pre-authentication encoding', () => {
  it('matches protocol.md: lengths in UTF-8 bytes, single spaces', () => {
    // the body is 8 ASCII characters and one Hangul syllable of 3 UTF-8 bytes: 11 bytes
    const body = new TextEncoder().encode('{"a":"한"}');
    const pae = new TextDecoder().decode(preAuthEncoding(PAYLOAD_TYPE_BUNDLE, body));
    expect(pae).toBe(`DSSEv1 ${PAYLOAD_TYPE_BUNDLE.length} ${PAYLOAD_TYPE_BUNDLE} 11 {"a":"한"}`);
  });

  it('matches the test vector of the DSSE specification', () => {
    const pae = preAuthEncoding('http://example.com/HelloWorld', new TextEncoder().encode('hello world'));
    expect(new TextDecoder().decode(pae)).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
});

describe('sha256Hex', () => {
  it('hashes bytes and UTF-8 text to lowercase hex (FIPS 180-4 vector)', async () => {
    const { sha256Hex } = await import('../../shared/sha256');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
  });
});
