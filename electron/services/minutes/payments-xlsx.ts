/**
 * The payment list as XLSX (issue 13; FORMATS.md, "Payment list"), written with exceljs for the
 * payment team: the same rows and columns as `payments-<meetingId>.csv` (shared/minutes/
 * payment-list.ts), in one sheet.
 *
 * - The header row is FORMATS.md's column names, as in the CSV, so a program that reads one reads
 *   the other; it is frozen and carries an auto filter over the rows.
 * - `award` and `revision` are numbers (award formatted '#,##0'); every other value is a text cell
 *   (format '@'), so a registration number keeps its leading zero and a name starting with "=" is
 *   never a formula.
 * - `decidedAt` stays the ISO text of the decision file, with its offset: a spreadsheet date has no
 *   time zone, and the text is what the CSV and the signed file say.
 * - Below the rows, outside the filter, one total row: the language's word for the totals and
 *   `SUM` of the awards as a formula, with its value stored too, so a reader that does not
 *   calculate (a script, a preview) sees the same figure.
 */
import ExcelJS from 'exceljs';
import { minutesText } from '../../../shared/i18n/minutes-words';
import type { Language } from '../../../shared/i18n';
import { PAYMENT_COLUMNS, type PaymentColumn, type PaymentRow } from '../../../shared/minutes/payment-list';
import { CouncilError } from '../../../shared/result';

/** The sheet's name: the payment list's file name without the meeting, a name for programs as the columns are. */
export const PAYMENTS_SHEET = 'payments';

const AMOUNT_FORMAT = '#,##0';
const TEXT_FORMAT = '@';

/** Width of each column, in characters (Hangul counts about two). */
const WIDTHS: Record<PaymentColumn, number> = {
  caseId: 16,
  bundleId: 18,
  businessName: 32,
  registrationNo: 15,
  representative: 14,
  award: 14,
  bankAccountFingerprint: 24,
  decisionFile: 38,
  revision: 10,
  decidedAt: 27,
};

const NUMBER_COLUMNS: ReadonlySet<PaymentColumn> = new Set(['award', 'revision']);

/** The XLSX file's bytes. Throws CouncilError('MINUTES_INVALID') for an award that is not a whole number of KRW. */
export async function paymentsXlsx(rows: readonly PaymentRow[], language: Language): Promise<Uint8Array> {
  for (const r of rows) {
    if (!Number.isSafeInteger(r.award) || r.award < 0) throw new CouncilError('MINUTES_INVALID', `Case ${r.caseId}: the award ${r.award} is not a whole number of KRW.`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(PAYMENTS_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = PAYMENT_COLUMNS.map((key) => ({
    key,
    header: key,
    width: WIDTHS[key],
    style: { numFmt: key === 'award' ? AMOUNT_FORMAT : NUMBER_COLUMNS.has(key) ? '0' : TEXT_FORMAT },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(PAYMENT_COLUMNS.map((key) => r[key]));

  const last = rows.length + 1;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: PAYMENT_COLUMNS.length } };

  const awardColumn = sheet.getColumn('award').letter;
  const total = rows.reduce((sum, r) => sum + r.award, 0);
  const totalRow = sheet.addRow([]);
  totalRow.getCell('caseId').value = minutesText(language).sections.totals;
  totalRow.getCell('award').value = rows.length === 0 ? 0 : { formula: `SUM(${awardColumn}2:${awardColumn}${last})`, result: total };
  totalRow.font = { bold: true };

  const bytes = await workbook.xlsx.writeBuffer();
  return new Uint8Array(bytes);
}
