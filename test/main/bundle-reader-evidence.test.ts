/** The bundle reader on evidence: content against media type, pieces handed over, unreferenced files. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PieceGatherer } from '../../electron/services/bundle-reader/evidence-pieces';
import { mediaCheck } from '../../electron/services/bundle-reader/media-check';
import { NdjsonSplitter, type NdjsonItem } from '../../electron/services/bundle-reader/ndjson-lines';
import { editCase, pack, sha256, tinyParts } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';
import { pngOf } from './fixtures/image-headers';
import { bytesOf } from './fixtures/tiny-bundle';

const dir = bundleFolder();

describe('evidence content', () => {
  it.each([
    ['evidence/1015-000001/certificate.png', bytesOf('not a picture'), 'is not a PNG image, though its case says it is image/png (cases.ndjson line 1, documents[1].mediaType)', 'EVIDENCE_NOT_MEDIA_TYPE'],
    ['evidence/1015-000001/pos.csv', Uint8Array.from([0x64, 0x61, 0x00, 0x74, 0x65]), 'holds NUL bytes, so it is not text/csv text (it may be a binary file given the wrong type) (cases.ndjson line 1, documents[0].mediaType)', 'EVIDENCE_TEXT_NUL'],
    ['evidence/1015-000002/note.txt', Uint8Array.from([0x68, 0x69, 0xc3, 0x28]), 'is not UTF-8 text, though its case says it is text/plain (cases.ndjson line 2, documents[0].mediaType)', 'EVIDENCE_TEXT_NOT_UTF8'],
  ])('refuses %s when its content is not of its media type (kind evidence)', async (file, bytes, message, code) => {
    const parts = tinyParts();
    parts.files.set(file, bytes);
    const report = await readZip(dir, pack(parts));
    expect(report.errors).toEqual([{ kind: 'evidence', file, line: null, path: '', message, code, params: expect.objectContaining({ mediaType: expect.any(String), line: expect.any(Number) }) }]);
  });

  it('checks PDF and JPEG signatures too', async () => {
    const parts = tinyParts();
    editCase(parts, 2, (r) => {
      r.documents = [
        { kind: 'other', title: 'scan', file: 'evidence/1015-000002/scan.pdf', mediaType: 'application/pdf' },
        { kind: 'other', title: 'photo', file: 'evidence/1015-000002/photo.jpg', mediaType: 'image/jpeg' },
        { kind: 'other', title: 'fine', file: 'evidence/1015-000002/fine.pdf', mediaType: 'application/pdf' },
      ];
    });
    parts.files.delete('evidence/1015-000002/note.txt');
    parts.files.set('evidence/1015-000002/scan.pdf', bytesOf('%PDX-1.4'));
    parts.files.set('evidence/1015-000002/photo.jpg', Uint8Array.from([0xff, 0xd8]));
    parts.files.set('evidence/1015-000002/fine.pdf', bytesOf('%PDF-1.7\n%%EOF\n'));
    const report = await readZip(dir, pack(parts));
    expect(errorTexts(report)).toEqual([
      'evidence/1015-000002/photo.jpg: is not a JPEG image, though its case says it is image/jpeg (cases.ndjson line 2, documents[1].mediaType)',
      'evidence/1015-000002/scan.pdf: is not a PDF file (which starts with %PDF-), though its case says it is application/pdf (cases.ndjson line 2, documents[0].mediaType)',
    ]);
  });

  it('hands a large file over in pieces of at most 1 MiB whose bytes hash as listed', async () => {
    const parts = tinyParts();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024 + 12345)]);
    editCase(parts, 3, (r) => (r.documents = [{ kind: 'other', title: 'big scan', file: 'evidence/1015-000003/big.pdf', mediaType: 'application/pdf' }]));
    parts.files.set('evidence/1015-000003/big.pdf', big);
    const pieces: { file: string; size: number; last: boolean }[] = [];
    const bytes: Uint8Array[] = [];
    const report = await readZip(dir, pack(parts, { entryOptions: { 'evidence/1015-000003/big.pdf': { method: 0 } } }), {
      onEvidencePiece: async (piece) => {
        pieces.push({ file: piece.file, size: piece.bytes.byteLength, last: piece.last });
        if (piece.file.endsWith('big.pdf')) bytes.push(piece.bytes);
        expect(piece.bytes.byteOffset).toBe(0);
        expect(piece.bytes.buffer.byteLength).toBe(piece.bytes.byteLength);
      },
    });
    expect(report.valid).toBe(true);
    const bigPieces = pieces.filter((p) => p.file.endsWith('big.pdf'));
    expect(bigPieces.map((p) => p.size)).toEqual([1048576, 1048576, 1048576, big.length - 3 * 1048576]);
    expect(bigPieces.map((p) => p.last)).toEqual([false, false, false, true]);
    expect(sha256(Buffer.concat(bytes))).toBe(sha256(big));
    // The unreferenced file is hashed but not handed over.
    expect(pieces.some((p) => p.file.includes('unreferenced'))).toBe(false);
  });

  it('does not hand over evidence once an error was found', async () => {
    const parts = tinyParts();
    editCase(parts, 3, (r) => (r.claimedLoss = -1));
    const files: string[] = [];
    const report = await readZip(dir, pack(parts), { onEvidencePiece: (p) => void files.push(p.file) });
    expect(report.valid).toBe(false);
    expect(files).toEqual([]);
  });

  it('hands over an empty evidence file as one empty last piece', async () => {
    const parts = tinyParts();
    parts.files.set('evidence/1015-000002/note.txt', new Uint8Array());
    const pieces: { file: string; size: number; last: boolean }[] = [];
    const report = await readZip(dir, pack(parts), { onEvidencePiece: (p) => void pieces.push({ file: p.file, size: p.bytes.length, last: p.last }) });
    expect(report.valid).toBe(true);
    expect(pieces.filter((p) => p.file.endsWith('note.txt'))).toEqual([{ file: 'evidence/1015-000002/note.txt', size: 0, last: true }]);
  });
});

describe('media checks across chunk boundaries', () => {
  it('accepts a multi-byte character split between chunks, and refuses one cut off at the end', () => {
    const text = Buffer.from('매출 자료\n', 'utf8');
    for (let cut = 0; cut <= text.length; cut++) {
      const check = mediaCheck('text/plain');
      check.push(text.subarray(0, cut));
      check.push(text.subarray(cut));
      expect(check.end()).toBeNull();
    }
    const truncated = mediaCheck('text/csv');
    truncated.push(text.subarray(0, 2));
    expect(truncated.end()).toBe('is not UTF-8 text (it ends in the middle of a character), though its case says it is text/csv');
  });

  it('reads a PNG signature split over chunks, and a file shorter than its signature', () => {
    const png = Buffer.from(pngOf(3, 4));
    const split = mediaCheck('image/png');
    for (const b of png) split.push(Buffer.from([b]));
    expect(split.end()).toBeNull();
    const short = mediaCheck('image/png');
    short.push(png.subarray(0, 4));
    expect(short.end()).toBe('is not a PNG image, though its case says it is image/png');
  });
});

describe('NDJSON lines across chunk boundaries', () => {
  const shown = (l: NdjsonItem) => ('blank' in l ? `#${l.first}-${l.last} blank` : l.tooLong ? `#${l.line} too long` : `#${l.line} ${l.bytes.toString()}`);
  const split = (chunks: Buffer[], max = 1024, countAfter?: number) => {
    const s = new NdjsonSplitter(max);
    const out: string[] = [];
    const take = (items: Iterable<NdjsonItem>) => {
      for (const l of items) {
        out.push(shown(l));
        if (!('blank' in l) && l.line === countAfter) s.countOnly();
      }
    };
    for (const c of chunks) take(s.push(c));
    take(s.end());
    if (countAfter !== undefined) out.push(`${s.unchecked} unchecked after ${s.lines}`);
    return out;
  };

  it('joins lines split anywhere, drops CR and a BOM split over chunks', () => {
    const text = Buffer.from('\uFEFF{"a":1}\r\n{"b":"가"}\n\n{"c":3}', 'utf8');
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split([text.subarray(0, cut), text.subarray(cut)])).toEqual(['#1 {"a":1}', '#2 {"b":"가"}', '#3-3 blank', '#4 {"c":3}']);
    }
    expect(split([Buffer.from([0xef, 0xbb])])).toEqual(['#1 \uFFFD']);
  });

  it('hands out a run of blank lines as one item, wherever the chunks are cut, and numbers later lines right', () => {
    const text = Buffer.from(' \r\n\n\t\n{"a":1}\n  {"b":2}\r\n\r\n \n\n{"c":3}\n\n  \r', 'utf8');
    const expected = ['#1-3 blank', '#4 {"a":1}', '#5   {"b":2}', '#6-8 blank', '#9 {"c":3}', '#10-11 blank'];
    for (let cut = 0; cut <= text.length; cut++) {
      for (let cut2 = cut; cut2 <= text.length; cut2 += 3) {
        expect(split([text.subarray(0, cut), text.subarray(cut, cut2), text.subarray(cut2)])).toEqual(expected);
      }
    }
    expect(split(Array.from({ length: 1000 }, () => Buffer.from('\n\n\n')))).toEqual(['#1-3000 blank']);
    // a blank line longer than the cap is still too long (it was carried over chunks)
    expect(split([Buffer.from(' '.repeat(8)), Buffer.from(' '.repeat(8)), Buffer.from('\n{}')], 10)).toEqual(['#1 too long', '#2 {}']);
  });

  it('after countOnly, counts the remaining lines without handing them out', () => {
    const text = Buffer.from('{"a":1}\n{"b":2}\n\n{"c":3}\nxy', 'utf8');
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split([text.subarray(0, cut), text.subarray(cut)], 1024, 1)).toEqual(['#1 {"a":1}', '4 unchecked after 1']);
      expect(split([text.subarray(0, cut), text.subarray(cut)], 1024, 4)).toEqual(['#1 {"a":1}', '#2 {"b":2}', '#3-3 blank', '#4 {"c":3}', '1 unchecked after 4']);
    }
    expect(split([Buffer.from('{}\n{}\n')], 1024, 2)).toEqual(['#1 {}', '#2 {}', '0 unchecked after 2']);
  });

  it('reports a line longer than the cap without keeping it', () => {
    const long = Buffer.from(`${'x'.repeat(30)}\nok\n${'y'.repeat(12)}`);
    expect(split([long.subarray(0, 7), long.subarray(7, 20), long.subarray(20)], 10)).toEqual(['#1 too long', '#2 ok', '#3 too long']);
  });
});

describe('evidence pieces', () => {
  it('gathers small chunks into pieces of the given size, the last never empty unless the file is', () => {
    const g = new PieceGatherer(4);
    const sizes: number[] = [];
    for (const chunk of [Buffer.from('ab'), Buffer.from('cdef'), Buffer.from('gh')]) for (const p of g.push(chunk)) sizes.push(p.length);
    expect(sizes).toEqual([4]);
    expect(Buffer.from(g.end()).toString()).toBe('efgh');
    expect(new PieceGatherer(4).end()).toHaveLength(0);
  });
});
