/** The evidence CSV parser: BOM, quotes, line breaks in fields, CRLF, ragged rows, empty input, the row cap. */
import { describe, expect, it } from 'vitest';
import { parseCsvTable, parseCsvRows, stripBom } from '../../renderer/review/evidence/csv-parse';

function rows(text: string): string[][] {
  const out: string[][] = [];
  parseCsvRows(text, (r) => out.push(r));
  return out;
}

describe('parseCsvRows', () => {
  it('drops a UTF-8 byte-order mark and reads CRLF lines', () => {
    expect(rows('\uFEFF일자,매출액\r\n2022-10-01,120000\r\n2022-10-02,98000\r\n')).toEqual([
      ['일자', '매출액'],
      ['2022-10-01', '120000'],
      ['2022-10-02', '98000'],
    ]);
    expect(stripBom('\uFEFFa')).toBe('a');
    expect(stripBom('a')).toBe('a');
  });

  it('reads the same without a BOM and with LF or CR line ends, no final line break', () => {
    expect(rows('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(rows('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(rows('name,note\r\n"Kim, Min-su","He said ""hello""\r\nand left"\r\nx,""\r\n')).toEqual([
      ['name', 'note'],
      ['Kim, Min-su', 'He said "hello"\r\nand left'],
      ['x', ''],
    ]);
  });

  it('keeps a quote in the middle of an unquoted field as written', () => {
    expect(rows('a"b,c\n')).toEqual([['a"b', 'c']]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(rows('a,,c\n\n,\n')).toEqual([['a', '', 'c'], ['', '']]);
  });

  it('reads an unterminated quoted field to the end', () => {
    expect(rows('"abc\ndef')).toEqual([['abc\ndef']]);
  });

  it('gives nothing for empty input or a BOM alone', () => {
    expect(rows('')).toEqual([]);
    expect(rows('\uFEFF')).toEqual([]);
    expect(rows('\r\n\r\n')).toEqual([]);
  });
});

describe('parseCsvTable', () => {
  it('takes the first row as the header and the widest row as the column count', () => {
    const table = parseCsvTable('a,b\n1\n1,2,3\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([['1'], ['1', '2', '3']]);
    expect(table.columns).toBe(3);
    expect(table.moreRows).toBe(0);
  });

  it('keeps the first rows up to the cap and counts the rest, quoted line breaks included', () => {
    const lines = ['n,text'];
    for (let i = 0; i < 1_500; i++) lines.push(`${i},"line\r\nbreak"`);
    const table = parseCsvTable(`${lines.join('\r\n')}\r\n`);
    expect(table.rows).toHaveLength(1_000);
    expect(table.rows[999]).toEqual(['999', 'line\r\nbreak']);
    expect(table.moreRows).toBe(500);
    expect(parseCsvTable('h\n1\n2\n3\n', 2)).toMatchObject({ rows: [['1'], ['2']], moreRows: 1 });
  });

  it('is empty for an empty file', () => {
    expect(parseCsvTable('')).toEqual({ header: [], rows: [], moreRows: 0, columns: 0 });
  });
});
