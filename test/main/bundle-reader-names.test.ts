/**
 * The reader's entry-name rules (FORMATS.md "What a reader must refuse"): one crafted bundle per
 * rule, each refused with its own code, naming the entry (shown with invisible characters as
 * <U+XXXX>) and saying the rule; the same through `validate --json` (exit 1). A case pointing to
 * a refused entry adds no second problem.
 */
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collisionProblem, decodeEntryName, displayName, entryNameProblem, rawNameProblem } from '../../electron/services/bundle-reader/entry-names';
import { editCase, pack, sha256, tinyParts, writeInto } from './fixtures/bundle-parts';
import { cli, jsonOf } from './fixtures/cli-harness';
import type { RawEntry } from './fixtures/raw-zip';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-names-');
const E = 'evidence/1015-000001/';

/** An Info-ZIP Unicode Path extra field (0x7075) for the header name `headerName`, naming `named`. */
function unicodePathField(headerName: string, named: string): { id: number; data: Uint8Array } {
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(Buffer.from(headerName)) >>> 0);
  return { id: 0x7075, data: Buffer.concat([Buffer.from([1]), crc, Buffer.from(named)]) };
}

interface NameCase {
  what: string;
  entry: RawEntry;
  code: string;
  /** The entry as the report names it. */
  shown: string;
  /** Words of the message that say the rule. */
  says: string[];
}

const nfdHangul = `${E}한글.txt`.normalize('NFD');
const cases: NameCase[] = [
  {
    what: 'an NFD Hangul name',
    entry: { name: nfdHangul },
    code: 'NAME_NOT_NFC',
    shown: nfdHangul,
    says: ['not in Unicode NFC form', 'U+1112 U+1161 U+11AB U+1100 U+1173 U+11AF instead of U+D55C U+AE00'],
  },
  { what: 'CON.txt', entry: { name: `${E}CON.txt` }, code: 'NAME_DEVICE', shown: `${E}CON.txt`, says: ['"CON.txt"', 'Windows keeps for the device CON'] },
  { what: 'aux', entry: { name: `${E}aux` }, code: 'NAME_DEVICE', shown: `${E}aux`, says: ['"aux"', 'device AUX'] },
  { what: 'com1.pdf', entry: { name: `${E}com1.pdf` }, code: 'NAME_DEVICE', shown: `${E}com1.pdf`, says: ['"com1.pdf"', 'device COM1', 'with or without an extension'] },
  { what: 'lpt9 as a folder', entry: { name: 'evidence/Lpt9/x.txt' }, code: 'NAME_DEVICE', shown: 'evidence/Lpt9/x.txt', says: ['device LPT9'] },
  { what: 'a folder ending in a dot', entry: { name: 'evidence/a./b' }, code: 'NAME_TRAILING_DOT', shown: 'evidence/a./b', says: ['"a."', 'ends in a dot'] },
  { what: 'a folder ending in a space', entry: { name: 'evidence/a /b' }, code: 'NAME_TRAILING_SPACE', shown: 'evidence/a /b', says: ['"a "', 'ends in a space'] },
  { what: 'a file ending in a dot', entry: { name: `${E}pos.csv.` }, code: 'NAME_TRAILING_DOT', shown: `${E}pos.csv.`, says: ['"pos.csv."', 'ends in a dot'] },
  { what: 'a colon', entry: { name: 'evidence/a:b' }, code: 'NAME_COLON', shown: 'evidence/a:b', says: ['contains a colon (:)'] },
  { what: 'a question mark', entry: { name: `${E}why?.txt` }, code: 'NAME_WINDOWS_CHARS', shown: `${E}why?.txt`, says: ['contains ?', 'Windows does not allow'] },
  {
    what: 'a right-to-left override (U+202E)',
    entry: { name: `${E}report\u202efdp.exe` },
    code: 'NAME_BIDI_CHARS',
    shown: `${E}report<U+202E>fdp.exe`,
    says: ['change the writing direction (U+202E)'],
  },
  { what: 'a byte order mark (U+FEFF)', entry: { name: `${E}\ufeffpos.csv` }, code: 'NAME_INVISIBLE_CHARS', shown: `${E}<U+FEFF>pos.csv`, says: ['invisible characters (U+FEFF)'] },
  { what: 'a zero-width space', entry: { name: `${E}pos\u200b.csv` }, code: 'NAME_INVISIBLE_CHARS', shown: `${E}pos<U+200B>.csv`, says: ['invisible characters (U+200B)'] },
  { what: 'a Hangul filler (U+3164)', entry: { name: `${E}\u3164.txt` }, code: 'NAME_INVISIBLE_CHARS', shown: `${E}<U+3164>.txt`, says: ['invisible characters (U+3164)'] },
  { what: 'a C1 control (U+0085)', entry: { name: `${E}a\u0085b.txt` }, code: 'NAME_CONTROL_CHARS', shown: `${E}a<U+0085>b.txt`, says: ['control characters (U+0085)'] },
  { what: 'a tab', entry: { name: `${E}a\tb.txt` }, code: 'NAME_CONTROL_CHARS', shown: `${E}a<U+0009>b.txt`, says: ['control characters (U+0009)'] },
  {
    what: 'a 256-byte name',
    entry: { name: `evidence/${'a'.repeat(247)}` },
    code: 'NAME_TOO_LONG',
    shown: `evidence/${'a'.repeat(247)}`,
    says: ['256 bytes long in UTF-8', 'the 255 bytes a name may have'],
  },
  {
    what: 'UTF-8 high bytes without the UTF-8 flag',
    entry: { name: Buffer.from(`${E}영수증.pdf`) },
    code: 'NAME_NOT_MARKED_UTF8',
    shown: `${E}영수증.pdf`,
    says: ['does not mark the name as UTF-8', `others as "${E}∞ÿü∞êÿ∞ª¥.pdf"` /* the CP437 reading */],
  },
  {
    what: 'EUC-KR bytes without the UTF-8 flag',
    entry: { name: Buffer.concat([Buffer.from(E), Buffer.from([0xc7, 0xd1, 0xb1, 0xdb]), Buffer.from('.txt')]) },
    code: 'NAME_LEGACY_ENCODING',
    shown: `${E}╟╤▒█.txt`,
    says: ['not UTF-8 text', 'each program reads it differently'],
  },
  {
    what: 'a Unicode Path field naming another file',
    entry: { name: `${E}a.txt`, extraFields: [unicodePathField(`${E}a.txt`, `${E}b.txt`)] },
    code: 'NAME_UNICODE_PATH',
    shown: `${E}a.txt`,
    says: [`a second name, "${E}b.txt"`, 'a file in a bundle has one name only'],
  },
  {
    what: 'a name differing from another only in case',
    entry: { name: `${E}Pos.csv` },
    code: 'NAME_CASE_COLLISION',
    shown: `${E}Pos.csv`,
    says: [`differs from ${E}pos.csv only in upper/lower case`],
  },
];

/** The tiny bundle with one more entry (not listed in the manifest: the refusal is its only problem). */
const withExtra = (entry: RawEntry) => pack(tinyParts(), { extra: [{ data: bytesOf('x'), ...entry }] });

describe('readBundle refuses each unsafe name with its own code, naming the entry and the rule', () => {
  it.each(cases)('$what', async ({ entry, code, shown, says }) => {
    const report = await readZip(dir, withExtra(entry));
    expect(report.valid).toBe(false);
    expect(report.errors.map((e) => [e.kind, e.code, e.file])).toEqual([['entry-name', code, shown]]);
    for (const words of says) expect(report.errors[0]!.message).toContain(words);
    // Never a raw control, bidirectional or invisible character in what a person reads.
    expect(errorTexts(report)[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\u3164]/u);
  });

  it.each(cases)('validate --json exits 1 for $what', async ({ entry, shown }) => {
    const path = writeInto(dir, `cli-${cases.findIndex((c) => c.entry === entry)}.cdbundle`, withExtra(entry));
    const r = await cli(['validate', path, '--json']);
    expect(r.status).toBe(1);
    const out = jsonOf(r);
    expect(out.valid).toBe(false);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ kind: 'entry-name', file: shown, line: null, path: '' });
  });

  it('refuses the NFD twin of an NFC name as not NFC, not as a case collision', async () => {
    const report = await readZip(dir, pack(tinyParts(), { extra: [{ name: `${E}한글.txt`, data: bytesOf('x') }, { name: nfdHangul, data: bytesOf('x') }] }));
    const named = report.errors.filter((e) => e.kind === 'entry-name');
    expect(named.map((e) => e.code)).toEqual(['NAME_NOT_NFC']);
    expect(named[0]!.message).toContain('U+1112 U+1161 U+11AB');
    expect(named[0]!.message).not.toContain('upper/lower');
  });

  it('shows two names that differ only in case but look alike by their code points, naming the other', async () => {
    const report = await readZip(dir, pack(tinyParts(), { extra: [{ name: `${E}İ.txt`, data: bytesOf('x') }, { name: `${E}i\u0307.txt`, data: bytesOf('x') }] }));
    const named = report.errors.filter((e) => e.kind === 'entry-name');
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ code: 'NAME_CASE_COLLISION_LOOKALIKE', file: `${E}i\u0307.txt` });
    expect(named[0]!.message).toBe(
      `differs from ${E}İ.txt only in upper/lower case, though the two may look the same: here U+0069 U+0307, there U+0130; the two would overwrite each other on Windows and macOS`,
    );
  });

  it('accepts a Unicode Path field that repeats the name, and names of exactly 255 bytes', async () => {
    const parts = tinyParts();
    const note = 'evidence/1015-000002/note.txt';
    const repeated = await readZip(dir, pack(parts, { entryOptions: { [note]: { extraFields: [unicodePathField(note, note)] } } }));
    expect(errorTexts(repeated)).toEqual([]);
    expect(entryNameProblem(`evidence/${'a'.repeat(246)}`)).toBeNull();
    expect(entryNameProblem(`evidence/${'가'.repeat(82)}`)).toBeNull(); // 9 + 82 × 3 = 255 bytes
    expect(entryNameProblem(`evidence/${'가'.repeat(82)}a`)?.code).toBe('NAME_TOO_LONG');
  });

  it('accepts ordinary names: Korean in NFC, dots inside, names that only start like a device', () => {
    for (const name of [`${E}영수증 2023.pdf`, `${E}pos.v2.csv`, `${E}console.txt`, `${E}com10.pdf`, `${E}.hidden`, `${E}auxiliary/x.txt`]) {
      expect(entryNameProblem(name), name).toBeNull();
    }
  });
});

describe('a case pointing to a refused entry', () => {
  it.each([
    ['a Windows device name', 'evidence/1015-000002/CON.txt', 'evidence/1015-000002/CON.txt', 'NAME_DEVICE'],
    ['an NFD name the case writes in NFC', 'evidence/1015-000002/메모.txt'.normalize('NFD'), 'evidence/1015-000002/메모.txt', 'NAME_NOT_NFC'],
  ])('%s: one problem, the refusal, not also "not in the bundle"', async (_what, entryName, caseName, code) => {
    const parts = tinyParts();
    const note = 'evidence/1015-000002/note.txt';
    parts.files = new Map([...parts.files].map(([name, bytes]) => [name === note ? entryName : name, bytes]));
    editCase(parts, 2, (r) => (r.documents[0].file = caseName));
    const report = await readZip(dir, pack(parts));
    expect(report.errors.map((e) => [e.code, e.file])).toEqual([[code, displayName(entryName)]]);
    expect(report.errorCount).toBe(1);
  });
  it('an NFD entry whose NFC name the manifest lists: one problem, not also "missing from the bundle"', async () => {
    const parts = tinyParts();
    const note = 'evidence/1015-000002/note.txt';
    const nfc = 'evidence/1015-000002/메모.txt';
    parts.files = new Map([...parts.files].map(([name, bytes]) => [name === note ? nfc : name, bytes]));
    editCase(parts, 2, (r) => (r.documents[0].file = nfc));
    const listedFiles = Object.fromEntries([...parts.files].map(([n, b]) => [n, sha256(b)])); // the NFC name
    const files = new Map([...parts.files].map(([name, bytes]) => [name === nfc ? nfc.normalize('NFD') : name, bytes]));
    const report = await readZip(dir, pack({ manifest: { ...parts.manifest, files: listedFiles }, files }, { relist: false }));
    expect(report.errors.map((e) => e.code)).toEqual(['NAME_NOT_NFC']);
  });
});

describe('the name functions', () => {
  const fields = (name: Uint8Array, flags = 0, extraFields: { id: number; data: Uint8Array }[] = []) => ({ fileNameRaw: name, generalPurposeBitFlag: flags, extraFields });

  it('decode the header name only: ASCII as it is, UTF-8 when flagged, never the Unicode Path field instead', () => {
    expect(decodeEntryName(fields(Buffer.from('a\u0001.txt')))).toBe('a\u0001.txt');
    expect(decodeEntryName(fields(Buffer.from('행복.pdf'), 0x800))).toBe('행복.pdf');
    expect(decodeEntryName(fields(Buffer.from('a.txt'), 0, [unicodePathField('a.txt', 'b.txt')]))).toBe('a.txt');
    expect(rawNameProblem(fields(Buffer.from('a.txt'), 0, [{ id: 0x7075, data: Buffer.from([1]) }]))?.code).toBe('NAME_UNICODE_PATH');
    expect(rawNameProblem(fields(Buffer.from('행복.pdf'), 0x800))).toBeNull();
  });

  it('show every unseen character by its code point', () => {
    expect(displayName('a\u202eb\u2066c\u200ed\u061ce\u0000f\u009fg\u00adh')).toBe('a<U+202E>b<U+2066>c<U+200E>d<U+061C>e<U+0000>f<U+009F>g<U+00AD>h');
    expect(displayName('행복분식/영수증.pdf')).toBe('행복분식/영수증.pdf');
  });

  it('tell an exact duplicate from a case collision', () => {
    expect(collisionProblem('a/x.txt', 'a/x.txt').code).toBe('NAME_DUPLICATE');
    expect(collisionProblem('a/X.txt', 'a/x.txt')).toMatchObject({ code: 'NAME_CASE_COLLISION', params: { other: 'a/x.txt' } });
  });
});
