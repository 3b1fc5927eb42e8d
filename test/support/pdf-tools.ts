/**
 * Reading a PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm), as a reader of
 * the file would: its text page by page, its page count, its fonts, and a page's pixels.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'cd-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext's reading order: a table's cells row by row, one a line). */
export function pdfPages(pdf: Uint8Array): string[] {
  const text = withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  const pages = text.split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

/** The non-empty lines of a text, trimmed: a table's cells, a paragraph's lines. */
export function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

export function pdfPageCount(pdf: Uint8Array): number {
  const info = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** pdffonts' table: each font's name, type and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  const [header, rule, ...rows] = out.split('\n');
  // columns are fixed-width: their starts are where the dashes of the rule line begin
  const starts = [...rule!.matchAll(/-+/g)].map((m) => m.index!);
  const col = (line: string, i: number) => line.slice(starts[i], starts[i + 1]).trim();
  const names = header!.split(/\s+/);
  const at = (label: string) => names.indexOf(label);
  return rows.filter((r) => r.trim() !== '').map((r) => ({ name: col(r, at('name')), type: col(r, at('type')), embedded: col(r, at('emb')) === 'yes' }));
}

/** A band of a page as grey pixels (pdftoppm at `dpi`): from `top` to `top + height`, in points. */
export function pageBand(pdf: Uint8Array, page: number, band: { top: number; height: number }, dpi = 100): Buffer {
  return withFile(pdf, (file, dir) => {
    const px = (pt: number) => String(Math.round((pt / 72) * dpi));
    const out = path.join(dir, 'band');
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-y', px(band.top), '-H', px(band.height), '-W', px(595), file, out]);
    const pgm = readFileSync(`${out}.pgm`);
    // P5\n<w> <h>\n<max>\n then the pixels
    let offset = 0;
    for (let fields = 0; fields < 4; offset++) if (pgm[offset] === 0x0a || pgm[offset] === 0x20) fields++;
    return pgm.subarray(offset);
  });
}

/** PNGs of the first and the last page (pdftoppm), for the screenshots. */
export function firstAndLastPagePng(pdf: Uint8Array, dpi: number): { first: Buffer; last: Buffer } {
  const last = pdfPageCount(pdf);
  return withFile(pdf, (file, dir) => {
    const shot = (page: number) => {
      const out = path.join(dir, `page-${page}`);
      execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, out]);
      return readFileSync(`${out}.png`);
    };
    return { first: shot(1), last: shot(last) };
  });
}
