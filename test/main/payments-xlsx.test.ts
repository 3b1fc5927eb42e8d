/**
 * The payment list as XLSX, read back with exceljs as the payment team's spreadsheet would: the
 * header is FORMATS.md's columns, amounts are numbers that add up to the decision files' awarded
 * amount, names come back as written (Hangul, quotes, a leading "=" kept as text), the header is
 * frozen and filtered, and the total row holds the sum.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PAYMENTS_SHEET, paymentsXlsx } from '../../electron/services/minutes/payments-xlsx';
import { PAYMENT_COLUMNS, awardedAtHighestRevision, paymentRows, type PaymentRow } from '../../shared/minutes/payment-list';
import { buildMinutes } from '../../shared/minutes/minutes-model';
import { sampleMinutesInput } from '../support/sample-minutes';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);

describe('paymentsXlsx', () => {
  const input = sampleMinutesInput();
  const rows = paymentRows(buildMinutes(input));

  it('has FORMATS.md columns as its header, one row per awarded case, and the values of the rows', async () => {
    const sheet = await readBack(await paymentsXlsx(rows, 'ko'));
    expect(sheet.name).toBe(PAYMENTS_SHEET);
    expect(rowValues(sheet, 1)).toEqual([...PAYMENT_COLUMNS]);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((r, i) => {
      expect(rowValues(sheet, i + 2)).toEqual(PAYMENT_COLUMNS.map((c) => r[c]));
    });
  });

  it('writes awards as numbers formatted #,##0 that add up to the awarded amount of the decision files', async () => {
    const sheet = await readBack(await paymentsXlsx(rows, 'ko'));
    const awards = rows.map((_, i) => sheet.getRow(i + 2).getCell(PAYMENT_COLUMNS.indexOf('award') + 1));
    for (const cell of awards) {
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toBe('#,##0');
    }
    const sum = awards.reduce((s, cell) => s + (cell.value as number), 0);
    const { amount, awarded } = awardedAtHighestRevision(input.decisionFiles);
    expect(awards).toHaveLength(awarded);
    expect(sum).toBe(amount);
    expect(sheet.getRow(2).getCell(PAYMENT_COLUMNS.indexOf('revision') + 1).type).toBe(ExcelJS.ValueType.Number);
  });

  it('keeps Korean names with quotes, commas and line breaks, a leading "=" as text, and a registration number with its leading zero', async () => {
    const tricky = [...rows, { ...rows[0]!, caseId: '1015-000099', businessName: '=카카오 꽃집', registrationNo: '0123456789' }];
    const sheet = await readBack(await paymentsXlsx(tricky, 'ko'));
    const col = (c: (typeof PAYMENT_COLUMNS)[number]) => PAYMENT_COLUMNS.indexOf(c) + 1;
    const names = tricky.map((_, i) => sheet.getRow(i + 2).getCell(col('businessName')));
    expect(names.map((c) => c.value)).toEqual(tricky.map((r) => r.businessName));
    expect(names.map((c) => c.value)).toContain('카페 "1015", 본점\n2층');
    const last = sheet.getRow(tricky.length + 1);
    expect(last.getCell(col('businessName')).type).toBe(ExcelJS.ValueType.String);
    expect(last.getCell(col('registrationNo')).type).toBe(ExcelJS.ValueType.String);
    expect(last.getCell(col('registrationNo')).value).toBe('0123456789');
    expect(sheet.getRow(2).getCell(col('representative')).value).toBe(rows[0]!.representative);
    expect(sheet.getRow(2).getCell(col('decidedAt')).value).toBe(rows[0]!.decidedAt);
  });

  it('freezes the header, filters the rows, and ends with a total row whose formula sums the awards', async () => {
    const sheet = await readBack(await paymentsXlsx(rows, 'en'));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:J${rows.length + 1}`);
    const total = sheet.getRow(rows.length + 2);
    expect(total.getCell(1).value).toBe('Totals');
    const awardCell = total.getCell(PAYMENT_COLUMNS.indexOf('award') + 1);
    expect(awardCell.value).toEqual({ formula: `SUM(F2:F${rows.length + 1})`, result: rows.reduce((s, r) => s + r.award, 0) });
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width!);
  });

  it('writes the total row in Korean for a Korean list, and a header with a zero total when nothing was awarded', async () => {
    const ko = await readBack(await paymentsXlsx(rows, 'ko'));
    expect(ko.getRow(rows.length + 2).getCell(1).value).toBe('합계');
    const empty = await readBack(await paymentsXlsx([], 'ko'));
    expect(rowValues(empty, 1)).toEqual([...PAYMENT_COLUMNS]);
    expect(empty.getRow(2).getCell(PAYMENT_COLUMNS.indexOf('award') + 1).value).toBe(0);
  });

  it('refuses an award that is not a whole number of KRW, naming the case', async () => {
    const bad: PaymentRow = { ...rows[0]!, award: 1000.5 };
    await expect(paymentsXlsx([bad], 'ko')).rejects.toMatchObject({ code: 'MINUTES_INVALID', message: expect.stringContaining(bad.caseId) });
  });
});
