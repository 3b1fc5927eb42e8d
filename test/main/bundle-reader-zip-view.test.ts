/**
 * One view of the ZIP: the reader refuses a bundle that two ZIP programs could read differently
 * (a local header that disagrees with the central directory, overlapping entries, bytes that
 * belong to no entry, before the first or after the end record), anything but regular files and
 * empty folders, and content whose CRC-32 does not match. Each crafted bundle starts from the
 * sound tiny bundle, so the one fault is the only problem; each is also run through
 * `council-desk validate --json`, which must exit 1 with the same message.
 */
import { describe, expect, it } from 'vitest';
import type { BundleReport } from '../../shared/bundle-report';
import { formatProblem } from '../../shared/problems/problem-format';
import { pack, tinyParts, writeInto, type PackOptions } from './fixtures/bundle-parts';
import { cli, jsonOf } from './fixtures/cli-harness';
import { SYMLINK_ATTRIBUTES, unixMode, type RawEntry } from './fixtures/raw-zip';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder('council-desk-zip-view-');
const POS = 'evidence/1015-000001/pos.csv';
const PNG = 'evidence/1015-000001/certificate.png';
const NOTE = 'evidence/1015-000002/note.txt';
const BUNDLE = 'batch7.cdbundle';

const bent = (name: string, options: Omit<RawEntry, 'name' | 'data'>, more: PackOptions = {}) => pack(tinyParts(), { ...more, entryOptions: { [name]: options } });
const withExtra = (entry: RawEntry, more: PackOptions = {}) => pack(tinyParts(), { ...more, extra: [entry] });

let cliRuns = 0;
/** validate --json on the same bytes: exit 1, and the problem among its errors. */
async function validatedByCli(zip: Uint8Array, file: string, message: string): Promise<void> {
  cliRuns += 1;
  const path = writeInto(dir, `cli-${cliRuns}.cdbundle`, zip);
  const run = await cli(['validate', path, '--json']);
  expect(run.status).toBe(1);
  const out = jsonOf(run);
  expect(out.valid).toBe(false);
  // The command line names the bundle by the path it was given.
  expect(out.errors).toContainEqual(expect.objectContaining({ file: file === BUNDLE ? path : file, message }));
}

interface Refusal {
  what: string;
  zip: () => Uint8Array;
  code: string;
  /** The file the problem names (the entry, or the bundle for the whole file). */
  file: string;
  kind?: string;
  /** Text the printed line must contain besides the file (e.g. the other entry's name). */
  mentions?: string;
}

const refusals: Refusal[] = [
  // The local header against the central record
  { what: 'a local header with another name', zip: () => bent(POS, { local: { name: 'evidence/1015-000001/pos.exe' } }), code: 'ENTRY_LOCAL_NAME_MISMATCH', file: POS, mentions: 'pos.exe' },
  { what: 'a local header with other flags', zip: () => bent(POS, { local: { flags: 0x800 } }), code: 'ENTRY_LOCAL_FLAGS_MISMATCH', file: POS },
  { what: 'a local header with another method', zip: () => bent(NOTE, { local: { method: 0 } }), code: 'ENTRY_LOCAL_METHOD_MISMATCH', file: NOTE },
  { what: 'a local header with another CRC-32', zip: () => bent(POS, { local: { crc: 0x12345678 } }), code: 'ENTRY_LOCAL_CRC_MISMATCH', file: POS },
  { what: 'a local header with another unpacked size', zip: () => bent(POS, { local: { size: 3 } }), code: 'ENTRY_LOCAL_SIZE_MISMATCH', file: POS, mentions: '3 bytes' },
  { what: 'a local header with another packed size', zip: () => bent(POS, { local: { compressedSize: 7 } }), code: 'ENTRY_LOCAL_PACKED_SIZE_MISMATCH', file: POS, mentions: '7 bytes' },
  { what: 'a data descriptor that disagrees', zip: () => bent(POS, { dataDescriptor: { crc: 0x0badf00d } }), code: 'ENTRY_DESCRIPTOR_MISMATCH', file: POS },
  { what: 'a data descriptor with another size', zip: () => bent(POS, { dataDescriptor: { signature: false, size: 1 } }), code: 'ENTRY_DESCRIPTOR_MISMATCH', file: POS },
  { what: 'a data descriptor flag in the local header only', zip: () => bent(POS, { local: { flags: 0x8, crc: 0, size: 0, compressedSize: 0 } }), code: 'ENTRY_LOCAL_FLAGS_MISMATCH', file: POS },
  { what: 'a local extra field running past its header', zip: () => bent(POS, { local: { extra: Uint8Array.from([0x55, 0x54, 0x09, 0x00, 0x01]) } }), code: 'ENTRY_LOCAL_HEADER_DAMAGED', file: POS },
  { what: 'a local header lacking the ZIP64 sizes it points to', zip: () => bent(POS, { local: { size: 0xffffffff } }), code: 'ENTRY_LOCAL_HEADER_DAMAGED', file: POS },
  { what: 'a central record pointing nowhere', zip: () => bent(NOTE, { central: { offset: 0x0fffffff } }), code: 'ENTRY_LOCAL_HEADER_MISSING', file: NOTE },
  // The byte layout
  {
    what: 'two central records pointing at the same local header',
    zip: () => withExtra({ name: 'evidence/1015-000001/copy.csv', sameLocalAs: 3 }),
    code: 'ZIP_ENTRIES_OVERLAP',
    file: 'evidence/1015-000001/copy.csv',
    mentions: POS,
  },
  { what: 'a local header inside another entry', zip: () => bent(NOTE, { central: { offset: 40 } }), code: 'ZIP_ENTRIES_OVERLAP', file: NOTE, mentions: 'manifest.json' },
  { what: 'bytes before the first entry', zip: () => pack(tinyParts(), { zip: { prefix: bytesOf('MZ\u0090\u0000 a program could hide here') } }), code: 'ZIP_BYTES_BEFORE_FIRST', file: BUNDLE, mentions: 'manifest.json' },
  { what: 'bytes between two entries', zip: () => bent(PNG, { padAfter: bytesOf('hidden') }), code: 'ZIP_GAP_BEFORE_ENTRY', file: POS, mentions: PNG },
  { what: 'bytes between the last entry and the directory', zip: () => pack(tinyParts(), { zip: { beforeDirectory: bytesOf('hidden') } }), code: 'ZIP_GAP_BEFORE_DIRECTORY', file: BUNDLE, mentions: '6 bytes' },
  { what: 'bytes after the end record', zip: () => pack(tinyParts(), { zip: { suffix: bytesOf('PK trailing') } }), code: 'ZIP_BYTES_AFTER_END', file: BUNDLE, mentions: '11 bytes' },
  { what: 'a comment shorter than its length says', zip: () => pack(tinyParts(), { zip: { comment: 'made by hand', commentLengthDelta: 5 } }), code: 'ZIP_COMMENT_CUT_SHORT', file: BUNDLE, mentions: '17 bytes' },
  { what: 'a comment longer than its length says', zip: () => pack(tinyParts(), { zip: { comment: 'made by hand', commentLengthDelta: -4 } }), code: 'ZIP_BYTES_AFTER_END', file: BUNDLE, mentions: '4 bytes' },
  { what: 'an end record pointing at the wrong directory', zip: () => pack(tinyParts(), { zip: { end: { directoryOffset: 100 } } }), code: 'ZIP_DIRECTORY_MISPLACED', file: BUNDLE },
  { what: 'ZIP64 end records that disagree with the plain one', zip: () => pack(tinyParts(), { zip: { zip64: true, end: { entries: 5 } } }), code: 'ZIP_END_RECORDS_DISAGREE', file: BUNDLE },
  { what: 'an end record counting more files than the directory holds', zip: () => pack(tinyParts(), { zip: { end: { entries: 7 } } }), code: 'ZIP_DIRECTORY_DAMAGED', file: BUNDLE, mentions: 'record 7 of 7' },
  { what: 'an extra field running past its record', zip: () => bent(NOTE, { central: { extra: Uint8Array.from([0x55, 0x54, 0x10, 0x00, 0x01]) } }), code: 'ZIP_DIRECTORY_DAMAGED', file: BUNDLE, mentions: 'extra field' },
  // Regular files and empty folders only
  { what: 'a folder that carries data', zip: () => withExtra({ name: 'evidence/1015-000001/', data: bytesOf('x') }), code: 'ENTRY_FOLDER_WITH_DATA', file: 'evidence/1015-000001/' },
  { what: 'a file with Unix folder mode bits', zip: () => bent(NOTE, { externalAttributes: unixMode(0o040755) }), code: 'ENTRY_FILE_MARKED_FOLDER', file: NOTE },
  { what: 'a file with the MS-DOS folder attribute', zip: () => bent(NOTE, { externalAttributes: 0x10, versionMadeBy: 20 }), code: 'ENTRY_FILE_MARKED_FOLDER', file: NOTE },
  { what: 'a folder marked as a regular file', zip: () => withExtra({ name: 'evidence/1015-000001/', method: 0, externalAttributes: unixMode(0o100644) }), code: 'ENTRY_FOLDER_MARKED_FILE', file: 'evidence/1015-000001/' },
  { what: 'a character device', zip: () => bent(NOTE, { externalAttributes: unixMode(0o020644) }), code: 'ENTRY_SPECIAL_FILE', file: NOTE, mentions: '020000' },
  { what: 'a block device', zip: () => bent(NOTE, { externalAttributes: unixMode(0o060644) }), code: 'ENTRY_SPECIAL_FILE', file: NOTE, mentions: '060000' },
  { what: 'a named pipe', zip: () => bent(NOTE, { externalAttributes: unixMode(0o010644) }), code: 'ENTRY_SPECIAL_FILE', file: NOTE, mentions: '010000' },
  { what: 'a socket', zip: () => bent(NOTE, { externalAttributes: unixMode(0o140755) }), code: 'ENTRY_SPECIAL_FILE', file: NOTE, mentions: '140000' },
  { what: 'a symbolic link', zip: () => bent(NOTE, { externalAttributes: SYMLINK_ATTRIBUTES }), code: 'NAME_SYMLINK', file: NOTE, kind: 'entry-name' },
  { what: 'a stored entry with two sizes', zip: () => bent(NOTE, { method: 0, declaredSize: 5 }), code: 'ENTRY_STORED_SIZES_DIFFER', file: NOTE },
  { what: 'an encrypted entry', zip: () => bent(NOTE, { flags: 0x1 }), code: 'ENTRY_ENCRYPTED', file: NOTE },
  { what: 'an unknown compression method', zip: () => bent(NOTE, { method: 14 }), code: 'ENTRY_COMPRESSION_METHOD', file: NOTE },
  // The content
  { what: 'content whose CRC-32 does not match', zip: () => bent('cases.ndjson', { local: { crc: 0x1234 }, central: { crc: 0x1234 } }), code: 'ENTRY_CRC_MISMATCH', file: 'cases.ndjson' },
  { what: 'stored content whose CRC-32 does not match', zip: () => bent(POS, { method: 0, local: { crc: 7 }, central: { crc: 7 } }), code: 'ENTRY_CRC_MISMATCH', file: POS },
  // The directory's size, bounded before it is read
  { what: 'a directory larger than maxDirectoryBytes', zip: () => pack(tinyParts()), code: 'LIMIT_DIRECTORY_SIZE', file: BUNDLE, kind: 'limits', mentions: '100 bytes' },
];

const limitsFor = (r: Refusal) => (r.code === 'LIMIT_DIRECTORY_SIZE' ? { limits: { maxDirectoryBytes: 100 } } : {});

describe('one view of the ZIP', () => {
  it.each(refusals)('refuses $what ($code), naming $file', async (r) => {
    const zip = r.zip();
    const report = await readZip(dir, zip, limitsFor(r));
    expect(report.valid).toBe(false);
    const found = report.errors.filter((p) => p.code === r.code);
    expect(found, JSON.stringify(report.errors)).toHaveLength(1);
    const p = found[0]!;
    expect(p).toMatchObject({ file: r.file, kind: r.kind ?? (r.code.startsWith('LIMIT') ? 'limits' : 'zip'), line: null, path: '' });
    const printed = formatProblem(p);
    expect(printed.startsWith(`${r.file}: `)).toBe(true);
    if (r.mentions) expect(printed).toContain(r.mentions);
    // A refused entry is not also called unlisted or missing.
    expect(report.errors.filter((e) => e.code === 'FILE_NOT_LISTED' || e.code === 'FILE_LISTED_MISSING')).toEqual([]);
    if (r.code !== 'LIMIT_DIRECTORY_SIZE') await validatedByCli(zip, r.file, p.message);
  });

  it('refuses every entry of a crafted layout before inflating any: nothing is handed on', async () => {
    const zip = bent(POS, { local: { name: 'evidence/1015-000001/pos.exe' } });
    const path = writeInto(dir, 'nothing-handed.cdbundle', zip);
    const { readBundle } = await import('../../electron/services/bundle-reader');
    const seen: string[] = [];
    const report = await readBundle(path, { trust: [], requireSignature: false, onManifest: () => void seen.push('manifest'), onCase: () => void seen.push('case') });
    expect(seen).toEqual([]);
    // Fatal: the manifest is not even read, so no manifest problem follows.
    expect(report.errors.map((e) => e.code)).toEqual(['ENTRY_LOCAL_NAME_MISMATCH']);
    expect(report.bundleId).toBeNull();
  });

  it('names both entries when two share bytes, and each gap by its neighbours', async () => {
    const report = await readZip(dir, withExtra({ name: 'evidence/1015-000001/copy.csv', sameLocalAs: 3 }));
    expect(errorTexts(report)).toEqual([
      `evidence/1015-000001/copy.csv: shares its bytes in the bundle file with ${POS}; two files must not overlap (a trick that makes ZIP programs see different files)`,
    ]);
  });
});

describe('what a sound ZIP may hold', () => {
  const sound = async (zip: Uint8Array): Promise<BundleReport> => {
    const report = await readZip(dir, zip);
    expect(errorTexts(report)).toEqual([]);
    expect(report.valid).toBe(true);
    return report;
  };

  it('accepts a comment', async () => {
    await sound(pack(tinyParts(), { zip: { comment: 'Council Desk bundle, 2023' } }));
  });

  it('accepts a comment that holds the end record signature itself', async () => {
    await sound(pack(tinyParts(), { zip: { comment: Buffer.concat([Buffer.from('PK\u0005\u0006'), Buffer.alloc(30, 0x41)]) } }));
  });

  it('accepts data descriptors, with and without their signature', async () => {
    await sound(pack(tinyParts(), { entryOptions: { [POS]: { dataDescriptor: true }, [NOTE]: { dataDescriptor: { signature: false } }, 'cases.ndjson': { dataDescriptor: true } } }));
  });

  it('accepts a local extra field that differs from the central one', async () => {
    const extra = Buffer.from([0x55, 0x54, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00]); // extended timestamp
    await sound(bent(POS, { local: { extra } }));
  });

  it('accepts ZIP64 fields and ZIP64 end records', async () => {
    await sound(pack(tinyParts(), { zip: { zip64: true }, entryOptions: { [POS]: { zip64: true }, [NOTE]: { zip64: true, dataDescriptor: true } } }));
  });

  it('accepts empty folders, with or without folder mode bits', async () => {
    await sound(
      pack(tinyParts(), {
        extra: [
          { name: 'evidence/', method: 0 },
          { name: 'evidence/1015-000001/', method: 0, externalAttributes: unixMode(0o040755) },
          { name: 'evidence/1015-000002/', method: 0, externalAttributes: 0x10, versionMadeBy: 20 },
        ],
      }),
    );
  });

  it('reads more than 65,535 entries through the ZIP64 end records', async () => {
    const folders: RawEntry[] = Array.from({ length: 70_000 }, (_, i) => ({ name: `evidence/f${i}/`, method: 0 }));
    await sound(pack(tinyParts(), { extra: folders }));
  });
});
