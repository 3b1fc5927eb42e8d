/**
 * CSV for the evidence viewer (RFC 4180 and what spreadsheets write): UTF-8 with or without a
 * byte-order mark, fields quoted with "", doubled quotes inside them, commas and line breaks in
 * quoted fields, CRLF, LF or CR line ends. Pure: text in, rows of strings out, nothing evaluated.
 * Only the first `maxRows` rows are kept; the rest are counted.
 */

export interface CsvTable {
  /** The first row (the header), or [] for an empty file. */
  header: string[];
  /** The rows after the header that are kept (at most maxRows). */
  rows: string[][];
  /** Rows after the header that were counted but not kept. */
  moreRows: number;
  /** The widest row's field count (rows may be ragged). */
  columns: number;
}

export const DEFAULT_MAX_ROWS = 1_000;

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/** Strips a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Every record of the text as an array of fields. A final line break does not make an empty
 * record; blank lines do not either (spreadsheets add them). `onRow` returns false to stop keeping
 * rows (parsing goes on so they can be counted).
 */
export function parseCsvRows(input: string, onRow: (fields: string[]) => void): void {
  const text = stripBom(input);
  const n = text.length;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let rowHasContent = false;
  const endRow = () => {
    if (rowHasContent || fields.length > 0 || field !== '') {
      fields.push(field);
      onRow(fields);
    }
    fields = [];
    field = '';
    rowHasContent = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === '' ) {
      // a quoted field: up to the closing quote; "" is one quote
      rowHasContent = true;
      i += 1;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      // anything after the closing quote up to the separator is kept as written
      continue;
    }
    if (c === COMMA) {
      fields.push(field);
      field = '';
      rowHasContent = true;
      i += 1;
    } else if (c === CR || c === LF) {
      endRow();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      // plain run up to the next special character
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === CR || d === LF) break;
        j += 1;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  endRow();
}

/** The header, the first `maxRows` rows after it, and how many more there are. */
export function parseCsvTable(text: string, maxRows = DEFAULT_MAX_ROWS): CsvTable {
  let header: string[] | null = null;
  const rows: string[][] = [];
  let moreRows = 0;
  let columns = 0;
  parseCsvRows(text, (fields) => {
    if (header === null) {
      header = fields;
      columns = fields.length;
      return;
    }
    if (rows.length < maxRows) {
      rows.push(fields);
      if (fields.length > columns) columns = fields.length;
    } else {
      moreRows += 1;
    }
  });
  return { header: header ?? [], rows, moreRows, columns };
}
