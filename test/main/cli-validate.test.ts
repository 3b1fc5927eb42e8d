/** council-desk validate: exit codes 0/1/2, the --json shape of FORMATS.md, the text for people. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { generateKeyPair } from '../../electron/services/keys';
import { editCase, pack, tinyParts } from './fixtures/bundle-parts';
import { cli, jsonOf } from './fixtures/cli-harness';
import { pngOf } from './fixtures/image-headers';
import { bundleFolder } from './fixtures/read-helpers';
import { bytesOf, tinyBundleContent, trustFor } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-cli-validate-');
const issuer = generateKeyPair();
const trustPath = join(dir, 'trust.json');
writeFileSync(trustPath, JSON.stringify({ keys: [trustFor(issuer.publicKeyPem, '데모 사무국')] }));
const signedPath = join(dir, 'signed.cdbundle');
writeFileSync(signedPath, buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem }).zip);
const unsignedPath = join(dir, 'unsigned.cdbundle');
writeFileSync(unsignedPath, buildBundleZip(tinyBundleContent()).zip);
const brokenPath = join(dir, 'broken.cdbundle');
const broken = tinyParts();
editCase(broken, 2, (r) => (r.business.registrationNo = '12-345'));
editCase(broken, 3, (r) => (r.dailySales = [{ date: '2022-09-03', amount: 1.5 }]));
writeFileSync(brokenPath, pack(broken));

describe('council-desk validate', () => {
  it('exits 0 for a valid bundle signed by a trusted key, and says so briefly', async () => {
    const r = await cli(['validate', signedPath, '--trust', trustPath, '--require-signature']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${signedPath}: VALID (0 errors, 1 warning)`);
    expect(r.stdout).toContain('  bundle 1015-2023-T01, 3 cases');
    expect(r.stdout).toContain(`  signature: signed by 데모 사무국 (key ${issuer.keyid})`);
    expect(r.stdout).toContain('Warnings:\n  Evidence (1)\n    evidence/1015-000003/unreferenced.txt: is listed in the manifest, but no case points to it');
  });

  it('prints the --json shape of FORMATS.md', async () => {
    const r = await cli(['validate', signedPath, '--trust', trustPath, '--json']);
    expect(r.status).toBe(0);
    const out = jsonOf(r);
    expect(Object.keys(out).slice(0, 6)).toEqual(['valid', 'bundleId', 'caseCount', 'signedBy', 'errors', 'warnings']);
    expect(out).toMatchObject({ valid: true, bundleId: '1015-2023-T01', caseCount: 3, signedBy: { keyid: issuer.keyid, name: '데모 사무국' }, errors: [] });
    expect(Object.keys(out.signedBy)).toEqual(['keyid', 'name']);
    expect(out.warnings).toEqual([
      { file: 'evidence/1015-000003/unreferenced.txt', line: null, path: '', message: 'is listed in the manifest, but no case points to it; it will not be imported', kind: 'evidence' },
    ]);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('exits 1 for an invalid bundle, each error naming file, line and path', async () => {
    const json = await cli(['validate', brokenPath, '--json']);
    expect(json.status).toBe(1);
    const out = jsonOf(json);
    expect(out.valid).toBe(false);
    expect(out.signedBy).toBeNull();
    expect(out.errors).toEqual([
      { file: 'cases.ndjson', line: 2, path: 'business.registrationNo', message: 'must be a 10-digit business registration number like 123-45-67891', kind: 'case' },
      { file: 'cases.ndjson', line: 3, path: 'dailySales[0].amount', message: 'must be a whole number of won (no decimals)', kind: 'case' },
    ]);
    for (const e of out.errors) expect(Object.keys(e).slice(0, 4)).toEqual(['file', 'line', 'path', 'message']);

    const text = await cli(['validate', brokenPath]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${brokenPath}: NOT VALID (2 errors, 2 warnings)`);
    expect(text.stdout).toContain(
      'Errors:\n  Cases (2)\n    cases.ndjson line 2, business.registrationNo: must be a 10-digit business registration number like 123-45-67891\n    cases.ndjson line 3, dailySales[0].amount: must be a whole number of won (no decimals)\n',
    );
  });

  it('exits 1 for an unsigned bundle when signatures are required', async () => {
    const r = await cli(['validate', unsignedPath, '--trust', trustPath, '--require-signature', '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors[0]).toMatchObject({ file: 'manifest.json', line: null, path: '', kind: 'signature' });
    const relaxed = await cli(['validate', unsignedPath, '--trust', trustPath]);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toContain('signature: not signed');
  });

  it('warns that --require-signature without --trust can pass nothing', async () => {
    const r = await cli(['validate', signedPath, '--require-signature']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--require-signature without --trust');
  });

  it('exits 1 for a file that is not a bundle, or a trust file that is not usable, naming the file', async () => {
    const junk = join(dir, 'junk.cdbundle');
    writeFileSync(junk, bytesOf('hello'));
    const r = await cli(['validate', junk, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([expect.objectContaining({ file: junk, line: null, path: '', kind: 'zip' })]);

    const badTrust = join(dir, 'bad-trust.json');
    writeFileSync(badTrust, JSON.stringify({ keys: [{ keyid: 'x' }] }));
    const t = await cli(['validate', signedPath, '--trust', badTrust, '--json']);
    expect(t.status).toBe(1);
    const out = jsonOf(t);
    expect(out.valid).toBe(false);
    // Each of the trust file's problems names the trust file and the JSON path, in the bundle's words.
    expect(out.errors).toEqual([
      { file: badTrust, line: null, path: 'keys[0].keyid', message: 'must be a lowercase hex SHA-256 (64 characters)', kind: 'signature' },
      { file: badTrust, line: null, path: 'keys[0].name', message: 'is missing', kind: 'signature' },
      { file: badTrust, line: null, path: 'keys[0].roles', message: 'is missing', kind: 'signature' },
      { file: badTrust, line: null, path: 'keys[0].publicKeyPem', message: 'is missing', kind: 'signature' },
    ]);
    expect(out.errorCount).toBe(4);
    const text = await cli(['validate', signedPath, '--trust', badTrust]);
    expect(text.stdout).toContain(`${badTrust}, keys[0].keyid: must be a lowercase hex SHA-256`);
  });

  it('exits 2 for wrong usage', async () => {
    for (const argv of [['validate'], ['validate', signedPath, unsignedPath], ['validate', signedPath, '--strict'], ['validate', signedPath, '--trust']]) {
      const r = await cli(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: council-desk validate BUNDLE [--trust FILE] [--require-signature] [--json]');
    }
  });
});

describe('council-desk validate on incident dates, case ids and images', () => {
  const write = (name: string, edit: (parts: ReturnType<typeof tinyParts>) => void) => {
    const parts = tinyParts();
    edit(parts);
    const path = join(dir, name);
    writeFileSync(path, pack(parts));
    return path;
  };

  it('exits 1 for an outage outside the baseline, naming the manifest and the JSON path', async () => {
    const path = write('outage.cdbundle', (p) => Object.assign(p.manifest.incident, { outageFrom: '2022-11-05', outageTo: '2022-11-11' }));
    const r = await cli(['validate', path, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      {
        file: 'manifest.json',
        line: null,
        path: 'incident.outageTo',
        message: 'the outage (2022-11-05 to 2022-11-11) must lie inside the baseline period (2022-09-01 to 2022-10-31); otherwise every case is assessed against the wrong weeks',
        kind: 'manifest',
      },
    ]);
  });

  it('exits 1 for ids equal ignoring case and for a PNG of 10000 x 5001 pixels', async () => {
    const path = write('ids-and-png.cdbundle', (p) => {
      editCase(p, 1, (r) => (r.caseId = 'A-1'));
      editCase(p, 3, (r) => (r.caseId = 'a-1'));
      // case 1's documents now point outside its folder; give it its own folder instead
      for (const [name, bytes] of [...p.files]) {
        if (!name.startsWith('evidence/1015-000001/')) continue;
        p.files.delete(name);
        p.files.set(name.replace('1015-000001', 'A-1'), name.endsWith('.png') ? pngOf(10_000, 5_001) : bytes);
      }
      editCase(p, 1, (r) => r.documents.forEach((d: { file: string }) => (d.file = d.file.replace('1015-000001', 'A-1'))));
    });
    const r = await cli(['validate', path, '--json']);
    expect(r.status).toBe(1);
    expect(jsonOf(r).errors).toEqual([
      {
        file: 'cases.ndjson',
        line: 3,
        path: 'caseId',
        message: 'a-1 differs from A-1 (line 1) only in upper/lower case; a case id names a folder, and the two would be one folder on Windows and macOS',
        kind: 'case',
      },
      {
        file: 'evidence/A-1/certificate.png',
        line: null,
        path: '',
        message:
          'declares 10,000 x 5,001 = 50,010,000 pixels, more than the 50,000,000 an image may have: a "decoder bomb" that would fill the memory when shown (cases.ndjson line 1, documents[1].mediaType)',
        kind: 'evidence',
      },
    ]);
  });
});
