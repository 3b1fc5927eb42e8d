/**
 * rows.json read as it streams (json-spine.ts, dexie-rows-scan.ts): the same rows however the
 * text is cut into pieces (a piece ending inside a string, after a backslash, inside a number),
 * each row parsed whole and handed over with its table; anything that is not JSON, or not
 * dexie-export-import's shape, refused saying where.
 */
import { describe, expect, it } from 'vitest';
import { DexieRowsError, DexieRowsScan } from '../../electron/services/backup/dexie-rows-scan';
import { JsonSpineError } from '../../electron/services/backup/json-spine';

const rows = [
  { sequence: 1, text: 'a "quoted" word, a \\ backslash and \\"', n: -12.5e3, list: [1, [2, { x: null }], 'x]'], t: true, f: false },
  { sequence: 2, text: '한국어 텍스트 ✓ \u0000 \n', nested: { a: { b: [] } } },
  { sequence: 3, text: '' },
];
const text = JSON.stringify({
  formatName: 'dexie',
  formatVersion: 1,
  data: {
    databaseName: 'council-desk',
    databaseVersion: 7,
    tables: [
      { name: 'audit', schema: '++sequence', rowCount: 3 },
      { name: 'pairs', schema: '', rowCount: 1 },
      { name: 'empty', schema: '&key', rowCount: 0 },
    ],
    data: [
      { tableName: 'audit', inbound: true, rows },
      { tableName: 'pairs', inbound: false, rows: [[7, { v: 42 }]] },
      { tableName: 'empty', inbound: true, rows: [] },
    ],
  },
});
const bytes = new TextEncoder().encode(text);

function scan(pieces: Uint8Array[]) {
  const got: [string, unknown][] = [];
  const s = new DexieRowsScan((table, row) => got.push([table, row]));
  for (const p of pieces) s.write(p);
  return { summary: s.end(), got };
}

function cut(size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.slice(at, at + size));
  return pieces;
}

const expected = [...rows.map((r) => ['audit', r]), ['pairs', { v: 42 }]];

describe('rows.json read in pieces', () => {
  it('gives every row with its table, and the declared and found counts, however it is cut', () => {
    for (const size of [1, 2, 3, 7, 16, 64, bytes.length]) {
      const { summary, got } = scan(cut(size));
      expect(got).toEqual(expected);
      expect(summary).toEqual({
        databaseName: 'council-desk',
        databaseVersion: 7,
        declared: new Map([['audit', 3], ['pairs', 1], ['empty', 0]]),
        found: new Map([['audit', 3], ['pairs', 1], ['empty', 0]]),
      });
    }
  });

  it('takes whitespace between the parts, as a pretty-printed export has', () => {
    const pretty = new TextEncoder().encode(JSON.stringify(JSON.parse(text), null, 2));
    const s = new DexieRowsScan();
    s.write(pretty);
    expect(s.end().found.get('audit')).toBe(3);
  });
});

describe('rows.json refused', () => {
  const refused = (t: string) => {
    const s = new DexieRowsScan();
    try {
      s.write(new TextEncoder().encode(t));
      s.end();
    } catch (e) {
      expect(e instanceof JsonSpineError || e instanceof DexieRowsError).toBe(true);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };
  const wrap = (data: string) => `{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"x","databaseVersion":7,"tables":[],"data":${data}}}`;

  it('when it is not JSON, saying where', () => {
    expect(refused(wrap('[{"tableName":"a","inbound":true,"rows":[{"a":1},]}]'))).toMatch(/at byte \d+ \(in data\.data\[0\]\.rows\): expected a value/);
    expect(refused(wrap('[{"tableName":"a","inbound":true,"rows":[{"a":tru}]}]'))).toMatch(/the value at data\.data\[0\]\.rows\[0\] is not JSON/);
    expect(refused(`${wrap('[]')} x`)).toMatch(/there is more after the end of the text/);
    expect(refused(wrap('[{"tableName":"a","inbound":true,"rows":[{"a":1}]}]').slice(0, -10))).toMatch(/the text ends before its last value does/);
    expect(refused(wrap('[{"tableName":"a","inbound":true,"rows":[{"a":1}}]}]'))).toMatch(/at byte \d+ \(in data\.data\[0\]\.rows\): expected "," or "\]"/);
    expect(refused('{"formatName" "dexie"}')).toMatch(/expected ":" after the key of formatName/);
  });

  it('when it is not dexie-export-import\'s shape, saying what', () => {
    expect(refused('{"formatName":"other","formatVersion":1,"data":{"databaseName":"x","databaseVersion":7,"tables":[],"data":[]}}')).toBe('formatName is "other", not "dexie"');
    expect(refused('{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"x","databaseVersion":7,"tables":[]}}')).toBe('data.data is missing');
    expect(refused(wrap('{}'))).toBe('data.data is an object, not an array');
    expect(refused(wrap('[{"inbound":true,"rows":[]}]'))).toBe('data.data[0].rows comes before its tableName and inbound');
    expect(refused(wrap('[{"tableName":"a","inbound":true,"rows":[]},{"tableName":"a","inbound":true,"rows":[]}]'))).toBe('the table "a" is given twice in data.data');
    expect(refused(wrap('[{"tableName":"a","inbound":false,"rows":[{"v":1}]}]'))).toBe('data.data[0].rows[0] (of the outbound table "a") is not a [key, value] pair');
    expect(refused(wrap('[{"tableName":"a","inbound":true}]'))).toBe('data.data[0] (the table "a") has no rows');
  });
});
