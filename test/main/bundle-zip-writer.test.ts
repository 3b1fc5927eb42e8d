import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_TYPE_BUNDLE } from '../../shared/dsse';
import { BundleInvalidError } from '../../electron/services/bundle-problems';
import { buildBundleZip, writeBundleFile } from '../../electron/services/bundle-zip-writer';
import { generateKeyPair } from '../../electron/services/keys';
import { readBack } from './fixtures/read-helpers';
import { makeTempDir, textOf, tinyBundleContent, trustFor } from './fixtures/tiny-bundle';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Walks the local file headers: entry names in stored order, with their DOS time and date. */
function localEntries(zip: Uint8Array): { name: string; time: number; date: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: { name: string; time: number; date: number }[] = [];
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const flags = view.getUint16(at + 6, true);
    expect(flags & 0x8).toBe(0); // sizes in the local header: a streaming reader can use them
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    out.push({ name: new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)), time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true) });
    at += 30 + nameLength + extraLength + size;
  }
  return out;
}

describe('bundle zip writer', () => {
  const issuer = generateKeyPair();

  it('writes a bundle that the reader reads back whole (unsigned)', async () => {
    const content = tinyBundleContent();
    const built = buildBundleZip(content);
    expect(built).toMatchObject({ manifestFile: 'manifest.json', signedBy: null, caseCount: 3, fileCount: 5 });
    const entries = unzipSync(built.zip);
    expect(textOf(entries['cases.ndjson']).split('\n')).toHaveLength(4); // three lines, newline-terminated
    expect(textOf(entries['cases.ndjson']).endsWith('}\n')).toBe(true);

    const t = makeTempDir();
    cleanups.push(t.remove);
    const bundle = await readBack({ dir: t.dir, zip: built.zip });
    expect(bundle.report.errors).toEqual([]);
    expect(bundle.report.signature).toEqual({ state: 'unsigned' });
    expect(bundle.manifest!.caseCount).toBe(3);
    expect(Object.keys(bundle.manifest!.files)).toEqual([
      'cases.ndjson',
      'evidence/1015-000001/certificate.png',
      'evidence/1015-000001/pos.csv',
      'evidence/1015-000002/note.txt',
      'evidence/1015-000003/unreferenced.txt',
    ]);
    expect(bundle.manifest!.files['evidence/1015-000001/pos.csv']).toBe(sha256(content.files[1]!.bytes));
    expect(bundle.manifestSha256).toBe(sha256(entries['manifest.json']!));
    expect(bundle.manifestSha256).toBe(built.manifestSha256);
    expect(bundle.cases.map((c) => c.caseId)).toEqual(['1015-000001', '1015-000002', '1015-000003']);
    expect(bundle.cases[0]!.business.registrationNo).toMatch(/^\d{10}$/); // hyphens removed on reading
    expect(bundle.cases.flatMap((c) => c.documents.map((d) => [c.caseId, d.file, d.mediaType]))).toEqual([
      ['1015-000001', 'evidence/1015-000001/pos.csv', 'text/csv'],
      ['1015-000001', 'evidence/1015-000001/certificate.png', 'image/png'],
      ['1015-000002', 'evidence/1015-000002/note.txt', 'text/plain'],
    ]);
    expect(new Uint8Array(bundle.evidence.get('evidence/1015-000001/certificate.png')!)).toEqual(content.files[2]!.bytes);
  });

  it('signs the manifest into manifest.dsse.json when given a key', async () => {
    const built = buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem });
    expect(built).toMatchObject({ manifestFile: 'manifest.dsse.json', signedBy: issuer.keyid });
    const entries = unzipSync(built.zip);
    expect(entries['manifest.json']).toBeUndefined();
    const envelope = JSON.parse(textOf(entries['manifest.dsse.json']));
    expect(envelope.payloadType).toBe(PAYLOAD_TYPE_BUNDLE);
    expect(envelope.signatures).toEqual([{ keyid: issuer.keyid, sig: expect.any(String) }]);

    const t = makeTempDir();
    cleanups.push(t.remove);
    const bundle = await readBack({ dir: t.dir, zip: built.zip }, [trustFor(issuer.publicKeyPem, '데모 사무국')]);
    expect(bundle.report.signature).toEqual({ state: 'trusted', keyid: issuer.keyid, name: '데모 사무국' });
    expect(bundle.manifestSha256).toBe(sha256(entries['manifest.dsse.json']!));
    expect(bundle.manifest).toEqual(built.manifest);
  });

  it('is deterministic: manifest first, then sorted entries, a fixed time, the same bytes in any time zone', () => {
    const entries = localEntries(buildBundleZip(tinyBundleContent()).zip);
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'cases.ndjson',
      'evidence/1015-000001/certificate.png',
      'evidence/1015-000001/pos.csv',
      'evidence/1015-000002/note.txt',
      'evidence/1015-000003/unreferenced.txt',
    ]);
    for (const e of entries) expect([e.date, e.time]).toEqual([(0 << 9) | (1 << 5) | 1, 0]); // 1980-01-01 00:00

    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Seoul';
      const seoul = buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem }).zip;
      process.env.TZ = 'America/Los_Angeles';
      const la = buildBundleZip(tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem }).zip;
      expect(Buffer.compare(seoul, la)).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('writes the file atomically, creating its directory, replacing an older bundle, leaving no temporary file', async () => {
    const t = makeTempDir();
    cleanups.push(t.remove);
    const out = join(t.dir, 'dist', 'demo', 'demo.cdbundle');
    const first = await writeBundleFile(out, tinyBundleContent(), { privateKeyPem: issuer.privateKeyPem });
    expect(first.path).toBe(out);
    expect(first.bytes).toBe(readFileSync(out).length);
    expect(new Uint8Array(readFileSync(out))).toEqual(first.zip);

    writeFileSync(out, 'old');
    const second = await writeBundleFile(out, tinyBundleContent());
    expect(new Uint8Array(readFileSync(out))).toEqual(second.zip);
    expect(readdirSync(join(t.dir, 'dist', 'demo'))).toEqual(['demo.cdbundle']);
  });

  it('refuses content it cannot write as a valid bundle, and writes nothing then', async () => {
    const outside = tinyBundleContent();
    outside.files.push({ path: 'cases.ndjson', bytes: new Uint8Array() });
    expect(() => buildBundleZip(outside)).toThrow(/evidence file path "cases.ndjson" must be under evidence\//);

    const traversal = tinyBundleContent();
    traversal.files[0]!.path = 'evidence/../manifest.json';
    expect(() => buildBundleZip(traversal)).toThrow(/evidence file path "evidence\/\.\.\/manifest\.json" contains a "\.\." folder/);

    // The reader's name rules, in the reader's words: a Windows device name, a name only case tells apart.
    const device = tinyBundleContent();
    device.files[0]!.path = 'evidence/1015-000002/CON.txt';
    expect(() => buildBundleZip(device)).toThrow('evidence file path "evidence/1015-000002/CON.txt" contains "CON.txt", which Windows keeps for the device CON');
    const cased = tinyBundleContent();
    cased.files.push({ ...cased.files[1]!, path: cased.files[1]!.path.toUpperCase().replace('EVIDENCE/', 'evidence/') });
    expect(() => buildBundleZip(cased)).toThrow(/evidence file path "evidence\/1015-000001\/POS\.CSV" differs from evidence\/1015-000001\/pos\.csv only in upper\/lower case/);

    const twice = tinyBundleContent();
    twice.files.push({ ...twice.files[0]! });
    expect(() => buildBundleZip(twice)).toThrow(/is given twice/);

    const dangling = tinyBundleContent();
    dangling.files = dangling.files.filter((f) => !f.path.endsWith('note.txt'));
    const t = makeTempDir();
    cleanups.push(t.remove);
    const out = join(t.dir, 'bad.cdbundle');
    const error = await writeBundleFile(out, dangling).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleInvalidError);
    expect((error as Error).message).toContain('cases.ndjson line 2, documents[0].file: points to evidence/1015-000002/note.txt');
    expect(readdirSync(t.dir)).toEqual([]);
  });
});
