/**
 * The bundle reader refuses JSON two readers could read differently (FORMATS.md, "What a reader
 * must refuse"): a key twice in a case line, in the manifest, in the signed payload, and a signed
 * payload that is not its own RFC 8785 form.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_BUNDLE, preAuthEncoding } from '../../shared/dsse';
import { generateKeyPair } from '../../electron/services/keys';
import { casesOf, pack, setCases, tinyParts, type BundleParts } from './fixtures/bundle-parts';
import { rawZip } from './fixtures/raw-zip';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { bytesOf, textOf, trustFor } from './fixtures/tiny-bundle';

const dir = bundleFolder();
const issuer = generateKeyPair();
const trust = [trustFor(issuer.publicKeyPem, '데모 사무국')];

/** The tiny bundle with its manifest entry replaced: `manifest` gets the finished manifest (files listed, cases counted). */
function withManifest(parts: BundleParts, manifest: (finished: Record<string, unknown>) => { name: string; data: Uint8Array }): Uint8Array {
  const finished = JSON.parse(textOf(unzipSync(pack(parts))['manifest.json']));
  return rawZip([manifest(finished), ...[...parts.files].map(([name, data]) => ({ name, data }))]);
}

/** A DSSE envelope over exactly these payload bytes, signed by the issuer. */
function signedEnvelope(body: string): string {
  const bytes = bytesOf(body);
  const sig = sign(null, preAuthEncoding(PAYLOAD_TYPE_BUNDLE, bytes), createPrivateKey(issuer.privateKeyPem));
  return JSON.stringify({ payloadType: PAYLOAD_TYPE_BUNDLE, payload: Buffer.from(bytes).toString('base64'), signatures: [{ keyid: issuer.keyid, sig: sig.toString('base64') }] });
}

describe('duplicate keys in case lines', () => {
  it('refuses a case line with "claimedLoss" twice, naming the line, the path and the key', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    lines[1] = lines[1]!.replace(/}$/, ',"claimedLoss":1}');
    setCases(parts, lines);
    const report = await readZip(dir, pack(parts));
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    const [p] = report.errors;
    expect(p).toMatchObject({ code: 'CASE_LINE_DUPLICATE_KEY', kind: 'case', file: 'cases.ndjson', line: 2, path: 'claimedLoss', params: { key: 'claimedLoss', column: lines[1]!.length - 15 } });
    expect(p!.message).toContain('"claimedLoss"');
    expect(errorTexts(report)[0]).toMatch(/^cases\.ndjson line 2, claimedLoss: is not a readable case: the key "claimedLoss" appears twice in one object/);
  });

  it('refuses a key twice in a nested object, equal only once escapes are undone, and still checks the other lines', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    lines[0] = lines[0]!.replace('"business":{', '"business":{"n\\u0061me":"가짜상점",');
    lines.push('{"caseId":"x"');
    setCases(parts, lines);
    const report = await readZip(dir, pack(parts));
    expect(report.errors.map((e) => [e.code, e.line, e.path])).toEqual([
      ['CASE_LINE_DUPLICATE_KEY', 1, 'business.name'],
      ['CASE_LINE_NOT_JSON', lines.length, ''],
    ]);
  });

  it('accepts the same key in different objects of one line', async () => {
    const parts = tinyParts();
    const report = await readZip(dir, pack(parts));
    expect(report.valid).toBe(true);
    expect(casesOf(parts)[0]!.dailySales.length).toBeGreaterThan(1);
  });
});

describe('duplicate keys and the canonical form in the manifest', () => {
  it('refuses manifest.json with a key twice, with the text line and column', async () => {
    const zip = withManifest(tinyParts(), (m) => ({ name: 'manifest.json', data: bytesOf(JSON.stringify(m, null, 2).replace('\n  "title":', '\n  "bundleId": "other",\n  "title":')) }));
    const report = await readZip(dir, zip);
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'MANIFEST_DUPLICATE_KEY', kind: 'manifest', file: 'manifest.json', line: null, path: 'bundleId', params: { key: 'bundleId', column: 3 } });
    expect(report.errors[0]!.message).toMatch(/^holds the key "bundleId" twice in one object \(again at text line \d+, column 3\)/);
  });

  it('refuses an envelope with a key twice', async () => {
    const zip = withManifest(tinyParts(), (m) => ({ name: 'manifest.dsse.json', data: bytesOf(signedEnvelope(canonicalJson(m)).replace(/^{/, '{"payloadType":"x",')) }));
    const report = await readZip(dir, zip, { trust, requireSignature: true });
    expect(report.errors.map((e) => [e.code, e.file, e.path])).toEqual([['MANIFEST_DUPLICATE_KEY', 'manifest.dsse.json', 'payloadType']]);
  });

  it('refuses a signed payload with a key twice, though its signature is good', async () => {
    const zip = withManifest(tinyParts(), (m) => ({ name: 'manifest.dsse.json', data: bytesOf(signedEnvelope(canonicalJson(m).replace(/}$/, ',"caseCount":999}'))) }));
    const report = await readZip(dir, zip, { trust, requireSignature: true });
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'MANIFEST_PAYLOAD_DUPLICATE_KEY', file: 'manifest.dsse.json', path: 'caseCount', params: { key: 'caseCount', line: 1 } });
    expect(report.errors[0]!.message).toContain('the signed manifest holds the key "caseCount" twice');
  });

  it('refuses a signed payload that is not its own RFC 8785 form, saying where it differs', async () => {
    const zip = withManifest(tinyParts(), (m) => ({ name: 'manifest.dsse.json', data: bytesOf(signedEnvelope(JSON.stringify(m, null, 2))) }));
    const report = await readZip(dir, zip, { trust, requireSignature: true });
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ code: 'MANIFEST_NOT_CANONICAL', file: 'manifest.dsse.json', path: 'payload', params: { at: 2 } });
    expect(errorTexts(report)[0]).toBe(
      'manifest.dsse.json, payload: the signed manifest is not in its canonical form (RFC 8785): at character 2 it has "\\n  \\"format\\": \\"council-de" ' +
        'where the canonical form has "\\"bundleId\\":\\"1015-2023-T0", so two readers could see it differently',
    );
  });

  it('refuses a BOM inside the signed bytes as not canonical', async () => {
    const zip = withManifest(tinyParts(), (m) => ({ name: 'manifest.dsse.json', data: bytesOf(signedEnvelope(`\uFEFF${canonicalJson(m)}`)) }));
    const report = await readZip(dir, zip, { trust, requireSignature: true });
    expect(report.errors.map((e) => [e.code, e.params.at])).toEqual([['MANIFEST_NOT_CANONICAL', 1]]);
  });

  it('accepts the canonical payload signEnvelope writes', async () => {
    const report = await readZip(dir, pack(tinyParts(), { signKey: issuer.privateKeyPem }), { trust, requireSignature: true });
    expect(report.errors).toEqual([]);
    expect(report.signature?.state).toBe('trusted');
  });
});
