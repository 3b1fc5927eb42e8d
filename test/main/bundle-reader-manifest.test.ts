/** The bundle reader on manifests: schema, tier table, files and hashes, caseCount, signature. */
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TYPE_BUNDLE } from '../../shared/dsse';
import { signEnvelope } from '../../electron/services/dsse-signing';
import { generateKeyPair } from '../../electron/services/keys';
import { casesOf, pack, setCases, sha256, tinyParts } from './fixtures/bundle-parts';
import { rawZip } from './fixtures/raw-zip';
import { bundleFolder, errorTexts, readZip, warningTexts } from './fixtures/read-helpers';
import { bytesOf, trustFor } from './fixtures/tiny-bundle';

const dir = bundleFolder();
const issuer = generateKeyPair();
const stranger = generateKeyPair();
const trust = [trustFor(issuer.publicKeyPem, '데모 사무국')];

describe('the manifest', () => {
  it('lists every schema problem with its JSON path, and stops there', async () => {
    const parts = tinyParts();
    delete parts.manifest.title;
    parts.manifest.bundleId = 'batch 7!';
    parts.manifest.policy.currency = 'USD';
    parts.manifest.policy.tiers[0].award = 30_000.5;
    parts.manifest.extra = true;
    setCases(parts, ['{broken']); // never reached: the manifest is unusable
    const report = await readZip(dir, pack(parts));
    expect(report.valid).toBe(false);
    expect(new Set(errorTexts(report))).toEqual(
      new Set([
        'manifest.json, bundleId: must be 1 to 64 letters, digits, dots, hyphens or underscores',
        'manifest.json, title: is missing',
        'manifest.json, policy.currency: must be "KRW"',
        'manifest.json, policy.tiers[0].award: must be a whole number of won (no decimals)',
        'manifest.json, extra: is not a field this file may have (check its spelling)',
      ]),
    );
    expect(report.errors.every((e) => e.kind === 'manifest' && e.line === null)).toBe(true);
    expect(report.bundleId).toBe('batch 7!');
  });

  it('reports a manifest that is not JSON', async () => {
    const zip = rawZip([{ name: 'manifest.json', data: bytesOf('{"format": ') }, { name: 'cases.ndjson', data: bytesOf('') }]);
    const report = await readZip(dir, zip);
    expect(errorTexts(report)).toHaveLength(1);
    expect(errorTexts(report)[0]).toMatch(/^manifest\.json: is not valid JSON \(/);
  });

  it('reports the tier table (kind policy) and goes on checking the cases', async () => {
    const parts = tinyParts();
    parts.manifest.policy.tiers = [
      { id: 'T1', minLoss: 1, maxLoss: 300_000, award: 30_000 },
      { id: 'T2', minLoss: 300_002, award: 50_000 },
      { id: 'T3', minLoss: 400_000, maxLoss: 350_000, award: null },
    ];
    const cases = casesOf(parts);
    cases[1]!.claimedLoss = -5;
    setCases(parts, cases);
    const report = await readZip(dir, pack(parts));
    expect(errorTexts(report)).toEqual([
      'manifest.json, policy.tiers[1].maxLoss: tier T2 has no upper bound, but only the last tier may be open-ended',
      'manifest.json, policy.tiers[1].minLoss: tier T2 starts at 300002, leaving a gap after tier T1 which ends at 300000',
      'manifest.json, policy.tiers[2].maxLoss: tier T3 ends (350000) before it starts (400000)',
      'cases.ndjson line 2, claimedLoss: must not be negative',
    ]);
    expect(report.errors.slice(0, 3).every((e) => e.kind === 'policy')).toBe(true);
  });

  it('checks caseCount against the lines of cases.ndjson', async () => {
    const parts = tinyParts();
    parts.manifest.caseCount = 5;
    const report = await readZip(dir, pack(parts, { recount: false }));
    expect(report.errors).toEqual([{ kind: 'files', file: 'manifest.json', line: null, path: 'caseCount', message: 'is 5, but cases.ndjson holds 3 cases (one per line)', code: 'CASE_COUNT_MISMATCH', params: { declared: 5, actual: 3 } }]);
  });
});

describe('the files the manifest lists', () => {
  it('reports a file present but not listed', async () => {
    const report = await readZip(dir, pack(tinyParts(), { extra: [{ name: 'evidence/1015-000001/extra.txt', data: bytesOf('x') }] }));
    expect(report.errors).toEqual([
      { kind: 'files', file: 'evidence/1015-000001/extra.txt', line: null, path: '', message: "is in the bundle but not listed in the manifest's files (manifest.json), so nothing vouches for its content", code: 'FILE_NOT_LISTED', params: { manifestFile: 'manifest.json' } },
    ]);
  });

  it('reports a file listed but missing, and the manifest listing itself', async () => {
    const parts = tinyParts();
    const ghost = sha256(bytesOf('ghost'));
    parts.manifest.files = Object.fromEntries([...parts.files].map(([n, b]) => [n, sha256(b)]));
    parts.manifest.files['evidence/1015-000001/gone.pdf'] = ghost;
    parts.manifest.files['manifest.json'] = ghost;
    const report = await readZip(dir, pack(parts, { relist: false }));
    expect(errorTexts(report)).toEqual([
      'manifest.json, files["evidence/1015-000001/gone.pdf"]: lists evidence/1015-000001/gone.pdf, which is missing from the bundle',
      'manifest.json, files["manifest.json"]: lists the manifest itself; files lists every file of the bundle except the manifest',
    ]);
    expect(report.errors.every((e) => e.kind === 'files')).toBe(true);
  });

  it('reports a file whose SHA-256 differs from the listed one (kind hash)', async () => {
    const parts = tinyParts();
    const listedHashes = Object.fromEntries([...parts.files].map(([n, b]) => [n, sha256(b)]));
    parts.files.set('evidence/1015-000001/pos.csv', bytesOf('date,amount\n2022-09-03,9610000\n'));
    parts.manifest.files = listedHashes;
    const report = await readZip(dir, pack(parts, { relist: false }));
    const actual = sha256(parts.files.get('evidence/1015-000001/pos.csv')!);
    expect(report.errors).toEqual([
      {
        kind: 'hash',
        file: 'evidence/1015-000001/pos.csv',
        line: null,
        path: '',
        message: `has SHA-256 ${actual}, but the manifest (manifest.json) lists ${listedHashes['evidence/1015-000001/pos.csv']}: the file was changed or damaged after the bundle was made`,
        code: 'HASH_MISMATCH',
        params: { actual, listed: listedHashes['evidence/1015-000001/pos.csv'], manifestFile: 'manifest.json' },
      },
    ]);
  });
});

describe('the signature', () => {
  it('warns about an unsigned bundle, and refuses it when signatures are required', async () => {
    const zip = pack(tinyParts());
    const relaxed = await readZip(dir, zip);
    expect(relaxed.valid).toBe(true);
    expect(warningTexts(relaxed)).toContain('manifest.json: the bundle is not signed, so nobody vouches for where it comes from');

    const strict = await readZip(dir, zip, { trust, requireSignature: true });
    expect(strict.valid).toBe(false);
    expect(strict.errors).toEqual([
      {
        kind: 'signature',
        file: 'manifest.json',
        line: null,
        path: '',
        message: 'the bundle is not signed, so nobody vouches for where it comes from; only bundles signed by a trusted bundle issuer may be imported (signed bundles are required)',
        code: 'UNSIGNED_REFUSED',
        params: {},
      },
    ]);
    expect(strict.bundleId).toBe('1015-2023-T01');
    expect(strict.signature).toEqual({ state: 'unsigned' });
  });

  it('calls a bundle signed by a key not in the trust file untrusted, and refuses it when signatures are required', async () => {
    const zip = pack(tinyParts(), { signKey: stranger.privateKeyPem });
    const relaxed = await readZip(dir, zip, { trust });
    expect(relaxed.valid).toBe(true);
    expect(relaxed.signature).toEqual({ state: 'untrusted', keyid: stranger.keyid });
    expect(relaxed.signedBy).toBeNull();
    const strict = await readZip(dir, zip, { trust, requireSignature: true });
    expect(errorTexts(strict)).toEqual([
      `manifest.dsse.json, signatures: the bundle is signed by key ${stranger.keyid}, which the trust file does not trust as a bundle issuer; only bundles signed by a trusted bundle issuer may be imported (signed bundles are required)`,
    ]);
  });

  it('does not take a key trusted for another role as a bundle issuer', async () => {
    const zip = pack(tinyParts(), { signKey: issuer.privateKeyPem });
    const chairOnly = [trustFor(issuer.publicKeyPem, 'chair', ['chair'])];
    const report = await readZip(dir, zip, { trust: chairOnly, requireSignature: true });
    expect(report.signature).toEqual({ state: 'untrusted', keyid: issuer.keyid });
    expect(report.valid).toBe(false);
  });

  it('refuses a signed manifest changed after signing, even when signatures are not required', async () => {
    const parts = tinyParts();
    parts.manifest.files = Object.fromEntries([...parts.files].map(([n, b]) => [n, sha256(b)]));
    parts.manifest.caseCount = 3;
    const envelope = signEnvelope(PAYLOAD_TYPE_BUNDLE, parts.manifest, issuer.privateKeyPem);
    const changed = { ...parts.manifest, title: 'something else' };
    envelope.payload = Buffer.from(JSON.stringify(changed)).toString('base64');
    const zip = rawZip([{ name: 'manifest.dsse.json', data: bytesOf(JSON.stringify(envelope)) }, ...[...parts.files].map(([name, data]) => ({ name, data }))]);
    const report = await readZip(dir, zip, { trust, requireSignature: false });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ kind: 'signature', file: 'manifest.dsse.json', path: 'signatures' });
    expect(report.errors[0]!.message).toBe(
      `the signature by key ${issuer.keyid} does not verify: the content was changed after signing, or the signature is damaged. Do not import this bundle; ask the secretariat for a new copy`,
    );
  });

  it('reports an envelope of the wrong payload type, or with no signature', async () => {
    const parts = tinyParts();
    const files = [...parts.files].map(([name, data]) => ({ name, data }));
    const wrong = signEnvelope('application/vnd.council-desk.decisions+json; version=1', parts.manifest, issuer.privateKeyPem);
    const report = await readZip(dir, rawZip([{ name: 'manifest.dsse.json', data: bytesOf(JSON.stringify(wrong)) }, ...files]), { trust });
    expect(errorTexts(report)).toEqual([
      `manifest.dsse.json, payloadType: is "application/vnd.council-desk.decisions+json; version=1", but a bundle manifest must be "${PAYLOAD_TYPE_BUNDLE}"`,
    ]);
    const bare = { ...signEnvelope(PAYLOAD_TYPE_BUNDLE, parts.manifest, issuer.privateKeyPem), signatures: [] };
    const none = await readZip(dir, rawZip([{ name: 'manifest.dsse.json', data: bytesOf(JSON.stringify(bare)) }, ...files]), { trust });
    expect(errorTexts(none)).toEqual(['manifest.dsse.json, signatures: is not a signed manifest (DSSE envelope): has no signature']);
  });
});
