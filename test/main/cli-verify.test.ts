/** council-desk verify: decision files and signed bundles, with --trust or --key; exit codes 0/1/2. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TYPE_BUNDLE, PAYLOAD_TYPE_DECISIONS } from '../../shared/dsse';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { editCase, pack, tinyParts } from './fixtures/bundle-parts';
import { cli, jsonOf } from './fixtures/cli-harness';
import { bundleFolder } from './fixtures/read-helpers';
import { bytesOf, tinyBundleContent, trustFor } from './fixtures/tiny-bundle';
import { samplePayload } from '../support/decision-payloads';

const dir = bundleFolder('council-desk-cli-verify-');
const chair = generateKeyPair();
const issuer = generateKeyPair();
const stranger = generateKeyPair();
const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const chairPub = write('chair.pub.pem', chair.publicKeyPem);
const trustPath = write('trust.json', JSON.stringify({ keys: [trustFor(chair.publicKeyPem, '의장 김의장', ['chair']), trustFor(issuer.publicKeyPem, '데모 사무국', ['bundle-issuer'])] }));

/** A decision payload right by the rules (test/support/decision-payloads.ts), signed as the chair, with `overrides`. */
function decisions(overrides: Record<string, unknown> = {}, meetingId = '2023-03-02') {
  return { ...samplePayload({ meetingId, keyid: chair.keyid }), ...overrides };
}
const decisionFile = (name: string, payload: unknown, key = chair.privateKeyPem, type = PAYLOAD_TYPE_DECISIONS) => write(name, JSON.stringify(signEnvelope(type, payload, key), null, 2));

describe('council-desk verify, a decision file', () => {
  const good = decisionFile('decisions-2023-03-02-0001.dsse.json', decisions());

  it('verifies with --key and prints the --json shape of FORMATS.md', async () => {
    const r = await cli(['verify', good, '--key', chairPub, '--json']);
    expect(r.status).toBe(0);
    const out = jsonOf(r);
    expect(Object.keys(out).slice(0, 6)).toEqual(['valid', 'payloadType', 'keyid', 'signer', 'summary', 'errors']);
    expect(out).toMatchObject({
      valid: true,
      payloadType: PAYLOAD_TYPE_DECISIONS,
      keyid: chair.keyid,
      signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: chair.keyid },
      summary: { meetingId: '2023-03-02', sequence: 1, previous: null, decisions: 3, totals: { decisions: 3, awarded: 2, rejected: 1, deferred: 0, amount: 80000 }, chain: 'first' },
      errors: [],
      kind: 'decisions',
      verifiedBy: { keyid: chair.keyid, name: 'chair' },
    });
  });

  it('verifies with --trust, naming the trusted key, in words for people', async () => {
    const r = await cli(['verify', good, '--trust', trustPath]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        `${good}: VERIFIED`,
        `  signature: good, by 의장 김의장 (key ${chair.keyid})`,
        '  decision file: meeting 2023-03-02, sequence 1, 3 decisions',
        '  totals: 2 awarded, 1 rejected, 0 deferred; 80,000 won in all',
        '  signed, it says, by 정한결 (m1) as chair',
        '',
      ].join('\n'),
    );
  });

  it('exits 1 when the content was changed after signing', async () => {
    const envelope = signEnvelope(PAYLOAD_TYPE_DECISIONS, decisions(), chair.privateKeyPem);
    envelope.payload = Buffer.from(JSON.stringify(decisions({ totals: { decisions: 3, awarded: 3, rejected: 0, deferred: 0, amount: 5_000_000 } }))).toString('base64');
    const path = write('tampered.dsse.json', JSON.stringify(envelope));
    const r = await cli(['verify', path, '--trust', trustPath, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r)).toMatchObject({ valid: false, keyid: chair.keyid, signer: null, summary: {} });
    expect(jsonOf(r).errors).toEqual([
      { file: path, line: null, path: 'signatures', message: `the signature by key ${chair.keyid} does not verify: the content was changed after signing, or the signature is damaged`, code: 'DECISION_SIGNATURE_BAD' },
    ]);
  });

  it('exits 1 when signed by a key not trusted', async () => {
    const path = decisionFile('stranger.dsse.json', decisions({ signer: { memberId: 'm1', name: '낯선이', role: 'chair', keyid: stranger.keyid } }), stranger.privateKeyPem);
    const r = await cli(['verify', path, '--trust', trustPath, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([{ file: path, line: null, path: 'signatures', message: `no signature by a trusted key (signed by key ${stranger.keyid})`, code: 'DECISION_SIGNATURE_UNTRUSTED' }]);
    expect(jsonOf(r).keyid).toBe(stranger.keyid);
  });

  it('exits 1 when the signer inside names another key, or signs in a role other than chair, or the key is not trusted as chair', async () => {
    const otherKey = decisionFile('decisions-other-key-0001.dsse.json', decisions({ signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: stranger.keyid } }, 'other-key'));
    const r = await cli(['verify', otherKey, '--trust', trustPath, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([{ file: otherKey, line: null, path: 'signer.keyid', message: `names key ${stranger.keyid}, but the file is signed by key ${chair.keyid}`, code: 'DECISION_SIGNER_KEYID' }]);

    const asSecretary = decisionFile('decisions-secretary-0001.dsse.json', decisions({ signer: { memberId: 'm1', name: '정한결', role: 'secretary', keyid: chair.keyid } }, 'secretary'));
    const s = await cli(['verify', asSecretary, '--trust', trustPath, '--json']);
    expect(s.status).toBe(1);
    expect(jsonOf(s).errors).toEqual([{ file: asSecretary, line: null, path: 'signer.role', message: 'must be "chair"', code: 'SCHEMA' }]);

    const byIssuer = decisionFile('decisions-2023-03-02-0001.issuer.dsse.json', decisions({ signer: { memberId: 'm1', name: '정한결', role: 'chair', keyid: issuer.keyid } }), issuer.privateKeyPem);
    const i = await cli(['verify', byIssuer, '--trust', trustPath, '--json']);
    expect(i.status).toBe(1);
    expect(jsonOf(i).errors).toEqual([{ file: byIssuer, line: null, path: 'signatures', message: 'signed by 데모 사무국, which is not trusted as chair', code: 'DECISION_SIGNER_ROLE_NOT_ALLOWED' }]);
  });

  it('exits 1 for a payload of the wrong shape, naming the JSON path', async () => {
    const right = decisions();
    const path = decisionFile('shape.dsse.json', { ...right, sequence: 'one', decisions: [{ ...right.decisions[0], caseId: 7 }] });
    const r = await cli(['verify', path, '--key', chairPub, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      { file: path, line: null, path: 'sequence', message: 'must be a number', code: 'SCHEMA' },
      { file: path, line: null, path: 'decisions[0].caseId', message: 'must be text', code: 'SCHEMA' },
    ]);
  });

  it('exits 1 for a file that is not an envelope, or of the wrong payload type, or not there', async () => {
    const notJson = write('not.dsse.json', 'hello');
    const a = await cli(['verify', notJson, '--key', chairPub, '--json']);
    expect(a.status).toBe(1);
    expect(jsonOf(a).errors[0]).toMatchObject({ file: notJson, line: null, path: '' });
    expect(jsonOf(a).errors[0].message).toMatch(/^is not a decision file: not UTF-8 JSON \(/);

    const manifestType = decisionFile('bundle-type.dsse.json', decisions(), chair.privateKeyPem, PAYLOAD_TYPE_BUNDLE);
    const b = await cli(['verify', manifestType, '--key', chairPub, '--json']);
    expect(b.status).toBe(1);
    expect(jsonOf(b).payloadType).toBe(PAYLOAD_TYPE_BUNDLE);
    expect(jsonOf(b).errors).toEqual([{ file: manifestType, line: null, path: 'payloadType', message: `is "${PAYLOAD_TYPE_BUNDLE}", expected "${PAYLOAD_TYPE_DECISIONS}"`, code: 'DECISION_PAYLOAD_TYPE' }]);

    const missing = join(dir, 'nowhere.dsse.json');
    const c = await cli(['verify', missing, '--key', chairPub]);
    expect(c.status).toBe(1);
    expect(c.stdout).toContain(`${missing}: DOES NOT VERIFY`);
    expect(c.stdout).toContain(`${missing}: cannot be opened: there is no such file`);
  });
});

describe('council-desk verify, a signed bundle', () => {
  const signed = write('signed.cdbundle', buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem }).zip);

  it('verifies the manifest signature and every bundle check, and prints the bundle summary', async () => {
    const r = await cli(['verify', signed, '--trust', trustPath, '--json']);
    expect(r.status).toBe(0);
    expect(jsonOf(r)).toMatchObject({
      valid: true,
      payloadType: PAYLOAD_TYPE_BUNDLE,
      keyid: issuer.keyid,
      signer: { keyid: issuer.keyid, name: '데모 사무국' },
      summary: { bundleId: '1015-2023-T01', title: '1015 small-business claims, tiny test batch', caseCount: 3, issuer: 'Kakao 1015 small-business support centre' },
      errors: [],
      kind: 'bundle',
    });
    const text = await cli(['verify', signed, '--trust', trustPath]);
    expect(text.stdout).toContain(`${signed}: VERIFIED\n  signature: good, by 데모 사무국 (key ${issuer.keyid})\n  bundle 1015-2023-T01 "1015 small-business claims, tiny test batch": 3 cases, issued by Kakao 1015 small-business support centre\n`);
  });

  it('with --key, trusts that key as the bundle issuer', async () => {
    const pub = write('issuer.pub.pem', issuer.publicKeyPem);
    const r = await cli(['verify', signed, '--key', pub, '--json']);
    expect(r.status).toBe(0);
    expect(jsonOf(r).signer).toEqual({ keyid: issuer.keyid, name: 'issuer' });
  });

  it('exits 1 for an unsigned bundle, and for a signed bundle that fails a check', async () => {
    const unsigned = write('unsigned.cdbundle', buildBundleZip(tinyBundleContent()).zip);
    const u = await cli(['verify', unsigned, '--trust', trustPath, '--json']);
    expect(u.status).toBe(1);
    expect(jsonOf(u)).toMatchObject({ valid: false, payloadType: null, keyid: null, signer: null });
    expect(jsonOf(u).errors[0]).toMatchObject({ file: 'manifest.json', kind: 'signature' });

    const parts = tinyParts();
    editCase(parts, 1, (r) => (r.claimedLoss = 1.25));
    const bad = write('bad.cdbundle', pack(parts, { signKey: issuer.privateKeyPem }));
    const b = await cli(['verify', bad, '--trust', trustPath, '--json']);
    expect(b.status).toBe(1);
    expect(jsonOf(b).errors).toEqual([{ file: 'cases.ndjson', line: 1, path: 'claimedLoss', message: 'must be a whole number of won (no decimals)', code: 'AMOUNT_NOT_INTEGER', kind: 'case' }]);
  });
});

describe('council-desk verify, usage', () => {
  it('exits 2 without exactly one of --trust and --key, or without a FILE', async () => {
    for (const argv of [['verify', 'x.dsse.json'], ['verify', 'x.dsse.json', '--trust', trustPath, '--key', chairPub], ['verify', '--key', chairPub]]) {
      const r = await cli(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: council-desk verify FILE... (--trust FILE or --key PEM) [--folder DIR] [--json]');
    }
  });

  it('exits 1 naming the key file when it cannot be used', async () => {
    const r = await cli(['verify', join(dir, 'x.dsse.json'), '--key', join(dir, 'nokey.pem'), '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([{ file: join(dir, 'nokey.pem'), line: null, path: '', message: 'cannot be opened: there is no such file', code: 'KEY_FILE_NOT_FOUND' }]);
    const notKey = write('not-a-key.pem', bytesOf('hello'));
    const k = await cli(['verify', join(dir, 'x.dsse.json'), '--key', notKey, '--json']);
    expect(jsonOf(k).errors[0]).toMatchObject({ file: notKey, message: 'is not a PEM public key (SPKI)' });
  });
});
