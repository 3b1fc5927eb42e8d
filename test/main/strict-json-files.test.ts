/**
 * A key twice, or a signed payload not in its RFC 8785 form, in the files the command line and
 * the main process read besides bundles: trust files and decision files (`verify`), and what
 * `validate --json` says of such a bundle.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { PAYLOAD_TYPE_BUNDLE, PAYLOAD_TYPE_DECISIONS, preAuthEncoding } from '../../shared/dsse';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair, keyIdOfPublicKeyPem, publicKeyPemOf } from '../../electron/services/keys';
import { decisionFileName } from '../../shared/decisions/decision-file-name';
import { samplePayload } from '../support/decision-payloads';
import { parseTrustFile, TrustFileInvalidError } from '../../electron/services/trust-file';
import { casesOf, pack, setCases, tinyParts } from './fixtures/bundle-parts';
import { cli, jsonOf } from './fixtures/cli-harness';
import { bundleFolder } from './fixtures/read-helpers';
import { trustFor } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-strict-json-');
const chair = generateKeyPair();
const issuer = generateKeyPair();
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const trustText = JSON.stringify({ keys: [trustFor(chair.publicKeyPem, '의장 김의장', ['chair']), trustFor(issuer.publicKeyPem, '데모 사무국', ['bundle-issuer'])] }, null, 2);
const trustPath = write('trust.json', trustText);

/** A DSSE envelope over exactly these payload bytes. */
function envelopeOver(payloadType: string, body: string, privateKeyPem: string): string {
  const bytes = Buffer.from(body, 'utf8');
  const sig = sign(null, preAuthEncoding(payloadType, bytes), createPrivateKey(privateKeyPem));
  return JSON.stringify({ payloadType, payload: bytes.toString('base64'), signatures: [{ keyid: keyIdOfPublicKeyPem(publicKeyPemOf(privateKeyPem)), sig: sig.toString('base64') }] }, null, 2);
}

const decisions = samplePayload({ keyid: chair.keyid });
let cases = 0;
/** A decision file under its own name (decisionFileName), each in a folder of its own. */
const writeDecisionFile = (content: string) => {
  cases += 1;
  mkdirSync(join(dir, `case-${cases}`));
  return write(join(`case-${cases}`, decisionFileName(decisions.meeting.meetingId, decisions.sequence)), content);
};

describe('trust files', () => {
  it('refuse a key twice, naming the key, its JSON path, line and column', () => {
    const text = trustText.replace('"roles": [\n        "chair"\n      ],', '"roles": [\n        "chair"\n      ],\n      "roles": ["bundle-issuer"],');
    expect(text).not.toBe(trustText);
    let error: unknown;
    try {
      parseTrustFile(text, 'council-trust.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrustFileInvalidError);
    const problems = (error as TrustFileInvalidError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'council-trust.json', path: 'keys[0].roles', code: 'TRUST_FILE_DUPLICATE_KEY', params: { key: 'roles', column: 7 } });
    expect((error as Error).message).toMatch(/council-trust\.json, keys\[0\]\.roles: holds the key "roles" twice in one object \(again at text line \d+, column 7\)/);
  });

  it('make validate exit 1, saying why, before any bundle is read', async () => {
    const bad = write('dup-trust.json', trustText.replace('{\n  "keys"', '{\n  "keys": [],\n  "keys"'));
    const r = await cli(['validate', join(dir, 'nothing.cdbundle'), '--trust', bad, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      expect.objectContaining({ file: bad, path: 'keys', message: expect.stringContaining('holds the key "keys" twice in one object (again at text line 3, column 3)') }),
    ]);
  });
});

describe('council-desk verify, a decision file', () => {
  it('exits 0 for the canonical payload signEnvelope writes', async () => {
    const good = writeDecisionFile(JSON.stringify(signEnvelope(PAYLOAD_TYPE_DECISIONS, decisions, chair.privateKeyPem), null, 2));
    const r = await cli(['verify', good, '--trust', trustPath, '--json']);
    expect(jsonOf(r).errors).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('exits 1 for an envelope with a key twice', async () => {
    const env = JSON.stringify(signEnvelope(PAYLOAD_TYPE_DECISIONS, decisions, chair.privateKeyPem));
    const file = writeDecisionFile(env.replace('"payload":', '"payload":"e30=","payload":'));
    const r = await cli(['verify', file, '--trust', trustPath, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      expect.objectContaining({ file, line: null, path: 'payload', message: expect.stringMatching(/^holds the key "payload" twice in one object \(again at text line 1, column \d+\)/) }),
    ]);
  });

  it('exits 1 for a signed payload with a key twice, though the signature is good', async () => {
    const body = canonicalJson(decisions).replace('"outcome":"award"', '"outcome":"award","outcome":"reject"');
    expect(body).toContain('"outcome":"award","outcome":"reject"');
    const file = writeDecisionFile(envelopeOver(PAYLOAD_TYPE_DECISIONS, body, chair.privateKeyPem));
    const r = await cli(['verify', file, '--trust', trustPath, '--json']);
    expect(r.status).toBe(1);
    const out = jsonOf(r);
    expect(out.valid).toBe(false);
    expect(out.errors).toEqual([expect.objectContaining({ file, line: null, path: 'decisions[0].outcome', message: expect.stringContaining('the signed decisions hold the key "outcome" twice in one object') })]);
  });

  it('exits 1 for a signed payload not in its RFC 8785 form', async () => {
    const file = writeDecisionFile(envelopeOver(PAYLOAD_TYPE_DECISIONS, JSON.stringify(decisions), chair.privateKeyPem));
    const r = await cli(['verify', file, '--trust', trustPath]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/payload: the signed decisions are not in their canonical form \(RFC 8785\): at character \d+ it has .* where the canonical form has .*, so two readers could see them differently/);
    expect(r.stdout).toContain(file);
  });
});

describe('council-desk validate --json', () => {
  it('exits 1 for a case line with "claimedLoss" twice, with its line and path', async () => {
    const parts = tinyParts();
    const lines = casesOf(parts).map((c) => JSON.stringify(c));
    lines[2] = lines[2]!.replace('"claimedLoss":', '"claimedLoss":1,"claimedLoss":');
    setCases(parts, lines);
    const r = await cli(['validate', write('dup-case.cdbundle', pack(parts)), '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      { file: 'cases.ndjson', line: 3, path: 'claimedLoss', message: expect.stringContaining('the key "claimedLoss" appears twice in one object'), kind: 'case' },
    ]);
  });

  it('exits 1 for a signed manifest whose payload is not canonical', async () => {
    const parts = tinyParts();
    const signedZip = pack(parts, { signKey: issuer.privateKeyPem });
    const { unzipSync } = await import('fflate');
    const { rawZip } = await import('./fixtures/raw-zip');
    const entries = unzipSync(signedZip);
    const envelope = JSON.parse(Buffer.from(entries['manifest.dsse.json']!).toString('utf8'));
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    const manifest = Buffer.from(envelopeOver(PAYLOAD_TYPE_BUNDLE, JSON.stringify(payload, null, 1), issuer.privateKeyPem));
    const zip = rawZip([{ name: 'manifest.dsse.json', data: manifest }, ...Object.entries(entries).filter(([n]) => n !== 'manifest.dsse.json').map(([name, data]) => ({ name, data }))]);
    const r = await cli(['validate', write('pretty-manifest.cdbundle', zip), '--trust', trustPath, '--require-signature', '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      { file: 'manifest.dsse.json', line: null, path: 'payload', message: expect.stringMatching(/^the signed manifest is not in its canonical form \(RFC 8785\): at character 2 /), kind: 'manifest' },
    ]);
  });
});
