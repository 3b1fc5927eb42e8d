/** The bundle reader on broken ZIPs and unsafe entries: every problem names the file. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/services/bundle-reader';
import { buildBundleZip } from '../../electron/services/bundle-zip-writer';
import { pack, tinyParts } from './fixtures/bundle-parts';
import { rawZip, SYMLINK_ATTRIBUTES, type RawEntry } from './fixtures/raw-zip';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { bytesOf, tinyBundleContent } from './fixtures/tiny-bundle';

const dir = bundleFolder();
const sound = buildBundleZip(tinyBundleContent()).zip;

/** The tiny bundle with one more entry, not listed in the manifest. */
function withExtra(entry: RawEntry): Uint8Array {
  return pack(tinyParts(), { extra: [entry] });
}

describe('readBundle on files that are not sound ZIPs', () => {
  it.each([
    ['a text file', bytesOf('hello, this is not a bundle')],
    ['an empty file', new Uint8Array()],
    ['a bundle cut in half', sound.slice(0, Math.floor(sound.length / 2))],
  ])('reports %s as a zip problem naming the bundle, without throwing', async (_what, bytes) => {
    const report = await readZip(dir, bytes);
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ kind: 'zip', file: 'batch7.cdbundle', line: null, path: '' });
    expect(errorTexts(report)[0]).toMatch(/^batch7\.cdbundle: is not a readable bundle: it is not a ZIP file, or it is damaged or cut short \(/);
    expect(report).toMatchObject({ bundleId: null, caseCount: null, signature: null, signedBy: null });
  });

  it('reports a missing file, and a folder, as zip problems', async () => {
    const missing = await readBundle(join(dir, 'nowhere.cdbundle'), { trust: [], requireSignature: false });
    expect(errorTexts(missing)).toEqual(['nowhere.cdbundle: cannot be opened: there is no such file']);
    const folder = await readBundle(dir, { trust: [], requireSignature: false, fileName: 'inbox' });
    expect(errorTexts(folder)).toEqual(['inbox: is a folder, not a bundle file']);
  });

  it('reports damaged packed data of an entry, naming the entry', async () => {
    const parts = tinyParts();
    const zip = pack(parts);
    // Overwrite the middle of cases.ndjson's deflated bytes with garbage.
    const at = Buffer.from(zip).indexOf(Buffer.from('cases.ndjson')) + 'cases.ndjson'.length + 5;
    const broken = Uint8Array.from(zip);
    broken.fill(0xff, at, at + 40);
    const report = await readZip(dir, broken);
    expect(report.valid).toBe(false);
    expect(report.errors.at(-1)).toMatchObject({ kind: 'zip', file: 'cases.ndjson' });
    expect(errorTexts(report).at(-1)).toMatch(/^cases\.ndjson: is damaged: its packed data cannot be unpacked \(/);
  });
});

describe('readBundle on unsafe entry names', () => {
  it.each([
    ['evidence\\1015-000001\\x.txt', 'contains a backslash (\\); bundles use / between folders'],
    ['evidence/../../etc/cron.d/x', 'contains a ".." folder, which would place the file outside the folder the bundle is unpacked into'],
    ['/etc/passwd', 'is an absolute path (it starts with /); bundle entries must be relative paths'],
    ['C:/Windows/x.txt', 'starts with a drive letter (an absolute Windows path); bundle entries must be relative paths'],
    ['evidence//x.txt', 'contains an empty or "." folder name'],
    ['evidence/x\u0001.txt', 'contains control characters (U+0001)'],
  ])('refuses %s', async (name, message) => {
    const report = await readZip(dir, withExtra({ name, data: bytesOf('x') }));
    expect(report.valid).toBe(false);
    const entryErrors = report.errors.filter((e) => e.kind === 'entry-name');
    expect(entryErrors).toHaveLength(1);
    expect(entryErrors[0]!.message.startsWith(message)).toBe(true);
    // A control character is shown as its code point, never raw (nor as CP437's smiley).
    expect(entryErrors[0]!.file).toBe(name.includes('\u0001') ? 'evidence/x<U+0001>.txt' : name);
    // A refused name is not also called "unlisted": one problem, one message.
    expect(report.errorCount).toBe(1);
  });

  it('refuses a name that claims UTF-8 but is not', async () => {
    const report = await readZip(dir, withExtra({ name: Uint8Array.from([0x65, 0xff, 0xfe]), flags: 0x800 }));
    expect(report.errors.map((e) => [e.kind, e.message])).toEqual([['entry-name', 'has a name that is not valid UTF-8 text, though the bundle marks it as UTF-8']]);
  });

  it('refuses the same name twice, and names that differ only in case', async () => {
    const twice = await readZip(dir, withExtra({ name: 'evidence/1015-000001/pos.csv', data: bytesOf('date,amount\n') }));
    expect(errorTexts(twice)).toEqual(['evidence/1015-000001/pos.csv: appears twice in the bundle; each file may appear only once']);

    const cased = await readZip(dir, withExtra({ name: 'evidence/1015-000001/POS.csv', data: bytesOf('date,amount\n') }));
    expect(errorTexts(cased)).toEqual([
      'evidence/1015-000001/POS.csv: differs from evidence/1015-000001/pos.csv only in upper/lower case; the two would overwrite each other on Windows and macOS',
    ]);
  });

  it('refuses symbolic links', async () => {
    const parts = tinyParts();
    const zip = pack(parts, { entryOptions: { 'evidence/1015-000002/note.txt': { externalAttributes: SYMLINK_ATTRIBUTES } } });
    const report = await readZip(dir, zip);
    expect(report.errors).toContainEqual({ kind: 'entry-name', file: 'evidence/1015-000002/note.txt', line: null, path: '', message: 'is a symbolic link; a bundle holds only plain files', code: 'NAME_SYMLINK', params: {} });
    expect(report.valid).toBe(false);
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const encrypted = await readZip(dir, withExtra({ name: 'evidence/1015-000001/secret.txt', data: bytesOf('x'), flags: 0x1 }));
    expect(errorTexts(encrypted)).toEqual(['evidence/1015-000001/secret.txt: is encrypted (password-protected); bundle files must not be encrypted']);
    const bzip = await readZip(dir, withExtra({ name: 'evidence/1015-000001/x.bz2', data: bytesOf('x'), method: 12 }));
    expect(errorTexts(bzip)).toEqual([
      'evidence/1015-000001/x.bz2: is packed with a compression method this app cannot read (method 12); bundles use "deflate" or no compression',
    ]);
  });

  it('ignores directory entries', async () => {
    const report = await readZip(dir, withExtra({ name: 'evidence/', method: 0 }));
    expect(errorTexts(report)).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('refuses two manifests, and no manifest, as fatal manifest problems', async () => {
    const parts = tinyParts();
    const two = await readZip(dir, pack(parts, { extra: [{ name: 'manifest.dsse.json', data: bytesOf('{}') }] }));
    expect(errorTexts(two)).toEqual(['batch7.cdbundle: holds both manifest.json and manifest.dsse.json; a bundle has exactly one manifest']);
    expect(two.errors[0]!.kind).toBe('manifest');

    const bare = await readZip(dir, rawZip([{ name: 'cases.ndjson', data: bytesOf('') }]));
    expect(errorTexts(bare)).toEqual(['batch7.cdbundle: holds neither manifest.json nor manifest.dsse.json, so it is not a case bundle']);
  });

  it('refuses more entries than the limit allows, before reading any', async () => {
    const report = await readZip(dir, sound, { limits: { maxEntries: 4 } });
    expect(report.errors).toEqual([{ kind: 'limits', file: 'batch7.cdbundle', line: null, path: '', message: 'holds 6 files, more than the 4 a bundle may hold', code: 'LIMIT_ENTRIES', params: { count: 6, max: 4 } }]);
  });
});

describe('readBundle writes nothing and leaves the file alone', () => {
  it('can read the same file twice with the same verdict', async () => {
    const path = join(dir, 'twice.cdbundle');
    writeFileSync(path, sound);
    const a = await readBundle(path, { trust: [], requireSignature: false });
    const b = await readBundle(path, { trust: [], requireSignature: false });
    expect(a).toEqual(b);
  });
});
