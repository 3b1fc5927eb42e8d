import { createHash } from 'node:crypto';
import type { Unzipped } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';
import { BundleInvalidError } from '../../electron/services/bundle-problems';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { loadSmallBundle } from '../../electron/services/in-memory-bundle-check';
import { generateKeyPair } from '../../electron/services/keys';
import { bytesOf, rezip, textOf, tinyBundleContent, trustFor } from './fixtures/tiny-bundle';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const issuer = generateKeyPair();
const stranger = generateKeyPair();
const trust = [trustFor(issuer.publicKeyPem, '데모 사무국')];
const unsigned = buildBundleZip(tinyBundleContent()).zip;
const signed = buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem }).zip;

function bundleError(zip: Uint8Array, keys = trust): BundleInvalidError {
  try {
    loadSmallBundle(zip, keys, 'batch7.cdbundle');
  } catch (e) {
    expect(e).toBeInstanceOf(BundleInvalidError);
    expect((e as BundleInvalidError).code).toBe('BUNDLE_INVALID');
    expect((e as Error).message).toMatch(/^batch7\.cdbundle is not a valid bundle:\n/);
    return e as BundleInvalidError;
  }
  throw new Error('expected the bundle to be refused');
}

/** Edits an unsigned bundle and its manifest.json, then lists the new hashes of the files already listed. */
function editUnsigned(edit: (entries: Unzipped, manifest: Record<string, any>) => void): Uint8Array {
  return rezip(unsigned, (entries) => {
    const manifest = JSON.parse(textOf(entries['manifest.json']));
    edit(entries, manifest);
    for (const name of Object.keys(manifest.files)) if (entries[name]) manifest.files[name] = sha256(entries[name]!);
    entries['manifest.json'] = bytesOf(JSON.stringify(manifest));
  });
}

function editCaseLine(lineNo: number, edit: (record: Record<string, any>) => void): Uint8Array {
  return editUnsigned((entries) => {
    const lines = textOf(entries['cases.ndjson']).split('\n');
    const record = JSON.parse(lines[lineNo - 1]!);
    edit(record);
    lines[lineNo - 1] = JSON.stringify(record);
    entries['cases.ndjson'] = bytesOf(lines.join('\n'));
  });
}

describe('loadSmallBundle', () => {
  it('refuses a file whose bytes differ from its listed SHA-256, even in a trusted signed bundle', () => {
    const zip = rezip(signed, (entries) => {
      entries['evidence/1015-000001/pos.csv'] = bytesOf('date,amount\n2022-09-03,9610000\n');
    });
    const e = bundleError(zip);
    expect(e.message).toContain('evidence/1015-000001/pos.csv: has SHA-256');
    expect(e.message).toContain('the file was changed or damaged');
    expect(e.problems).toEqual([expect.objectContaining({ file: 'evidence/1015-000001/pos.csv', line: null })]);
  });

  it('refuses a file that is not listed', () => {
    const zip = rezip(signed, (entries) => {
      entries['evidence/1015-000002/extra.pdf'] = bytesOf('%PDF-1.4');
    });
    expect(bundleError(zip).message).toContain("evidence/1015-000002/extra.pdf: is in the bundle but not listed in manifest.dsse.json's files");
  });

  it('refuses a listed file that is missing, and a document whose file is missing', () => {
    const lonely = rezip(signed, (entries) => {
      delete entries['evidence/1015-000003/unreferenced.txt'];
    });
    expect(bundleError(lonely).message).toContain('manifest.dsse.json: files["evidence/1015-000003/unreferenced.txt"]: lists evidence/1015-000003/unreferenced.txt, which is missing from the bundle');

    const referenced = rezip(signed, (entries) => {
      delete entries['evidence/1015-000002/note.txt'];
    });
    const e = bundleError(referenced);
    expect(e.message).toContain('files["evidence/1015-000002/note.txt"]: lists evidence/1015-000002/note.txt, which is missing');
    expect(e.message).toContain('cases.ndjson line 2: documents[0].file: points to evidence/1015-000002/note.txt');
  });

  it('names cases.ndjson, the line and the JSON path of a bad case', () => {
    const e = bundleError(editCaseLine(3, (c) => (c.business.registrationNo = '12-345')));
    expect(e.message).toContain('cases.ndjson line 3: business.registrationNo: must be a 10-digit business registration number');
    expect(e.problems).toEqual([{ file: 'cases.ndjson', line: 3, path: 'business.registrationNo', message: expect.any(String) }]);

    const money = bundleError(editCaseLine(2, (c) => (c.dailySales[1].amount = 1.5)));
    expect(money.message).toContain('cases.ndjson line 2: dailySales[1].amount: must be a whole number of won');

    const extra = bundleError(editCaseLine(1, (c) => (c.nickname = 'x')));
    expect(extra.problems[0]).toMatchObject({ file: 'cases.ndjson', line: 1, path: '' });
    expect(extra.message).toContain('nickname');
  });

  it('refuses lines that are not JSON, empty lines, repeated caseIds and a wrong caseCount', () => {
    const broken = editUnsigned((entries) => {
      entries['cases.ndjson'] = bytesOf(`${textOf(entries['cases.ndjson'])}{"caseId": \n\n`);
    });
    const e = bundleError(broken);
    expect(e.message).toContain('cases.ndjson line 4: is not valid JSON');
    expect(e.message).toContain('cases.ndjson line 5: is empty');
    expect(e.message).toContain('manifest.json: caseCount: is 3, but cases.ndjson has 5 lines');

    const dup = bundleError(editCaseLine(3, (c) => (c.caseId = '1015-000001')));
    expect(dup.message).toContain('cases.ndjson line 3: caseId: 1015-000001 is also the caseId of line 1');
  });

  it('checks the manifest schema and its tier table', () => {
    const gap = bundleError(editUnsigned((_, m) => (m.policy.tiers[1].minLoss = 300_101)));
    expect(gap.message).toContain('manifest.json: policy.tiers[1].minLoss: tier T2 starts at 300101, leaving a gap after tier T1');
    const open = bundleError(editUnsigned((_, m) => delete m.policy.tiers[0].maxLoss));
    expect(open.message).toContain('manifest.json: policy.tiers[0].maxLoss: tier T1 has no upper bound');
    const schema = bundleError(editUnsigned((_, m) => (m.incident.outageFrom = '2022-02-30')));
    expect(schema.message).toContain('manifest.json: incident.outageFrom: is not a real calendar date');
  });

  it('reports a signature by an unknown key as untrusted, with its keyid', () => {
    const bundle = loadSmallBundle(signed, [trustFor(stranger.publicKeyPem)], 'batch7.cdbundle');
    expect(bundle.signature).toEqual({ state: 'untrusted', keyid: issuer.keyid });
    expect(loadSmallBundle(signed, [], 'x').signature).toEqual({ state: 'untrusted', keyid: issuer.keyid });
    // Trusted, but not to issue bundles.
    expect(loadSmallBundle(signed, [trustFor(issuer.publicKeyPem, 'chair', ['chair'])], 'x').signature).toEqual({ state: 'untrusted', keyid: issuer.keyid });
  });

  it('refuses a signed manifest changed after signing', () => {
    const zip = rezip(signed, (entries) => {
      const env = JSON.parse(textOf(entries['manifest.dsse.json']));
      const manifest = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8'));
      manifest.policy.tiers[0].award = 300_000;
      env.payload = Buffer.from(canonicalJson(manifest)).toString('base64');
      entries['manifest.dsse.json'] = bytesOf(JSON.stringify(env));
    });
    expect(bundleError(zip).message).toContain(`manifest.dsse.json: signatures: the signature by key ${issuer.keyid} does not verify`);
  });

  it('wants exactly one manifest', () => {
    const both = rezip(signed, (entries) => {
      entries['manifest.json'] = bytesOf('{}');
    });
    expect(bundleError(both).message).toContain('holds both manifest.json and manifest.dsse.json');
    const none = rezip(unsigned, (entries) => {
      delete entries['manifest.json'];
    });
    expect(bundleError(none).message).toContain('holds neither manifest.json nor manifest.dsse.json');
  });

  it('refuses what is not a zip and unsafe entry names; ignores directory entries', () => {
    expect(bundleError(bytesOf('hello, not a zip')).message).toContain('(zip): is not a readable ZIP file');
    const evil = editUnsigned((entries, m) => {
      entries['evidence/../../evil.txt'] = bytesOf('x');
      m.files['evidence/../../evil.txt'] = sha256(bytesOf('x'));
    });
    expect(bundleError(evil).message).toContain('evidence/../../evil.txt: has an unsafe name');

    const withDirs = rezip(signed, (entries) => {
      entries['evidence/'] = new Uint8Array();
      entries['evidence/1015-000001/'] = new Uint8Array();
    });
    expect(loadSmallBundle(withDirs, trust, 'x').cases).toHaveLength(3);
  });
});
