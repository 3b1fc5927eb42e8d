/**
 * Issue 13, item 6, "also print the DOCX and XLSX times": the minutes of a 500-case meeting as DOCX
 * and its payment list as XLSX, as the app makes them (minutesDocx, paymentsXlsx), each against
 * its library's own floor in the same run: `docx` packing the same text as plain paragraphs (no
 * tables, no styles), and exceljs writing the same rows as plain cells (no formats, no filter, no
 * total). Alternating runs, medians. No target is set for these; they are printed.
 */
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { buildMinutes } from '../../shared/minutes/build-minutes';
import { minutesBodyHtml } from '../../shared/minutes/minutes-html';
import { PAYMENT_COLUMNS, paymentRows, type PaymentRow } from '../../shared/minutes/payment-list';
import type { Minutes } from '../../shared/minutes/minutes-model';
import { minutesDocx } from '../../electron/services/minutes/minutes-docx';
import { paymentsXlsx } from '../../electron/services/minutes/payments-xlsx';
import { longMinutesInput } from '../support/long-minutes';
import type { Figure } from './bench-node';
import { median } from './bench-meeting';

const CASES = 500;

/** The minutes' text, a paragraph for each block of the HTML: what the plain DOCX holds. */
function plainLines(minutes: Minutes): string[] {
  return minutesBodyHtml(minutes, 'ko')
    .split(/<\/(?:p|h[1-4]|td|th|dd|dt|li)>/)
    .map((chunk) => chunk.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim())
    .filter((line) => line !== '');
}

async function plainDocx(lines: readonly string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function plainXlsx(rows: readonly PaymentRow[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('payments');
  sheet.addRow([...PAYMENT_COLUMNS]);
  for (const row of rows) sheet.addRow(PAYMENT_COLUMNS.map((c) => row[c]));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function timed(run: () => Promise<Uint8Array>): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const out = await run();
  return { ms: performance.now() - started, bytes: out.length };
}

async function alternate(runs: number, app: () => Promise<Uint8Array>, floor: () => Promise<Uint8Array>) {
  await app();
  await floor();
  const a: { ms: number; bytes: number }[] = [];
  const f: { ms: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      f.push(await timed(floor));
      a.push(await timed(app));
    } else {
      a.push(await timed(app));
      f.push(await timed(floor));
    }
  }
  return { appMs: median(a.map((x) => x.ms)), floorMs: median(f.map((x) => x.ms)), appBytes: a[0]!.bytes, runs: a.map((x) => Math.round(x.ms)), floorRuns: f.map((x) => Math.round(x.ms)) };
}

export async function minutesOfficeFigures(runs: number): Promise<Figure[]> {
  const minutes = buildMinutes(longMinutesInput(CASES));
  const rows = paymentRows(minutes);
  const lines = plainLines(minutes);
  const docx = await alternate(runs, () => minutesDocx(minutes, 'ko'), () => plainDocx(lines));
  const xlsx = await alternate(runs, () => paymentsXlsx(rows, 'ko'), () => plainXlsx(rows));
  const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return [
    {
      name: `minutes of a ${CASES}-case meeting as DOCX (Korean, ${(docx.appBytes / 1e3).toFixed(0)} kB; median of ${runs})`,
      value: ratio(docx.appMs, docx.floorMs),
      unit: 'x plain docx',
      target: 'printed, no target (issue 13 asks for the time)',
      baseline: `app ${ms(docx.appMs)} vs docx packing the same text as ${lines.length.toLocaleString('en')} plain paragraphs ${ms(docx.floorMs)}; runs app [${docx.runs.join(', ')}] plain [${docx.floorRuns.join(', ')}] ms`,
      pass: true,
    },
    {
      name: `payment list of ${rows.length} awards as XLSX (${(xlsx.appBytes / 1e3).toFixed(0)} kB; median of ${runs})`,
      value: ratio(xlsx.appMs, xlsx.floorMs),
      unit: 'x plain exceljs',
      target: 'printed, no target (issue 13 asks for the time)',
      baseline: `app ${ms(xlsx.appMs)} vs exceljs writing the same rows as plain cells ${ms(xlsx.floorMs)}; runs app [${xlsx.runs.join(', ')}] plain [${xlsx.floorRuns.join(', ')}] ms`,
      pass: true,
    },
  ];
}
