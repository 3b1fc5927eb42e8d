/**
 * The payment list (FORMATS.md, "Payment list"): what the payment team pays on. One row per
 * awarded case at its highest revision, FORMATS.md's columns, a BOM, CRLF, RFC 4180 quoting, and
 * a sum that equals the decision files' awarded amount.
 */
import { describe, expect, it } from 'vitest';
import { totalsOf } from '../../shared/decisions/payload-check';
import { buildMinutes, type MinutesDecisionFileInput, type MinutesInput } from '../../shared/minutes/minutes-model';
import { minutesAttestationFileName, minutesFileName } from '../../shared/minutes/file-names';
import { assertPaymentSum, awardedAtHighestRevision, paymentListCsv, paymentListFileName, paymentRows, paymentSumProblem } from '../../shared/minutes/payment-list';
import { samplePayload } from '../support/decision-payloads';
import { decisionFileInput, sampleMinutesInput } from '../support/sample-minutes';

const HEADER = 'caseId,bundleId,businessName,registrationNo,representative,award,bankAccountFingerprint,decisionFile,revision,decidedAt';

/** An RFC 4180 reader, written apart from the writer: records of fields, CRLF between records. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i += 1;
    } else if (ch === '\r' || ch === '\n') throw new Error(`a bare line break outside quotes at ${i}`);
    else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** A third file: case 1015-000001, awarded 30,000 in file 1, reopened and rejected. */
function withAwardReopenedAsReject(input: MinutesInput): MinutesInput {
  const last = input.decisionFiles.at(-1)!;
  const base = samplePayload({ sequence: 3, previous: last.payloadSha256, decisions: 3 });
  const reject = { ...base.decisions[2]!, caseId: '1015-000001', revision: 2, reopened: { reason: '중복 신청 확인', previousRevision: null } };
  const third: MinutesDecisionFileInput = decisionFileInput({ ...base, decisions: [reject], totals: totalsOf([reject]) });
  return { ...input, decisionFiles: [...input.decisionFiles, third] };
}

describe('the payment list', () => {
  it('has one row per awarded case at its highest revision, rejected, deferred and undecided cases left out', () => {
    const input = sampleMinutesInput();
    const rows = paymentRows(buildMinutes(input));
    expect(rows.map((r) => [r.caseId, r.award, r.revision, r.decisionFile])).toEqual([
      ['1015-000001', 30_000, 1, 'decisions-2023-03-02-0001.dsse.json'],
      ['1015-000002', 50_000, 1, 'decisions-2023-03-02-0001.dsse.json'],
      ['1015-000004', 50_000, 2, 'decisions-2023-03-02-0002.dsse.json'],
      ['1015-000005', 400_000, 1, 'decisions-2023-03-02-0001.dsse.json'],
    ]);
    const onlyFirst = paymentRows(buildMinutes({ ...input, decisionFiles: input.decisionFiles.slice(0, 1) }));
    expect(onlyFirst.map((r) => r.caseId)).toEqual(['1015-000001', '1015-000002', '1015-000005']);
  });

  it('drops an award reopened and rejected in a later file, and its sum follows the highest revision', () => {
    const input = withAwardReopenedAsReject(sampleMinutesInput());
    const rows = paymentRows(buildMinutes(input));
    expect(rows.map((r) => r.caseId)).toEqual(['1015-000002', '1015-000004', '1015-000005']);
    expect(input.decisionFiles.reduce((s, f) => s + f.payload.totals.amount, 0)).toBe(530_000);
    expect(awardedAtHighestRevision(input.decisionFiles)).toEqual({ awarded: 3, amount: 500_000 });
    expect(paymentSumProblem(rows, input.decisionFiles)).toBeNull();
  });

  it('writes FORMATS.md’s columns with a BOM, CRLF line ends and plain integer amounts', () => {
    const input = sampleMinutesInput();
    const csv = paymentListCsv(paymentRows(buildMinutes(input)));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).startsWith(`${HEADER}\r\n`)).toBe(true);
    const [header, ...records] = readCsv(csv.slice(1));
    expect(header!.join(',')).toBe(HEADER);
    expect(records).toHaveLength(4);
    expect(records[2]).toEqual([
      '1015-000004', '1015-2023-B07', '하늘 택시', '1148632585', '최은영', '50000', 'c'.repeat(64), 'decisions-2023-03-02-0002.dsse.json', '2', '2023-03-02T16:01:00+09:00',
    ]);
    const sum = records.reduce((s, r) => s + Number(r[header!.indexOf('award')]), 0);
    expect(sum).toBe(awardedAtHighestRevision(input.decisionFiles).amount);
    expect(sum).toBe(530_000);
  });

  it('quotes a business name with a comma, a double quote and a line break, and reads back the same', () => {
    const csv = paymentListCsv(paymentRows(buildMinutes(sampleMinutesInput())));
    expect(csv).toContain(',"카페 ""1015"", 본점\n2층",');
    const records = readCsv(csv.slice(1));
    expect(records[2]![2]).toBe('카페 "1015", 본점\n2층');
    expect(records.every((r) => r.length === 10)).toBe(true);
  });

  it('finds a list that does not add up to the decision files', () => {
    const input = sampleMinutesInput();
    const rows = paymentRows(buildMinutes(input));
    expect(() => assertPaymentSum(rows, input.decisionFiles)).not.toThrow();
    const short = rows.slice(1);
    expect(paymentSumProblem(short, input.decisionFiles)).toMatch(/3 rows summing to 500000 KRW, but the decision files award 4 cases 530000 KRW/);
    expect(() => assertPaymentSum(rows.map((r, i) => (i === 0 ? { ...r, award: 31_000 } : r)), input.decisionFiles)).toThrow(expect.objectContaining({ code: 'MINUTES_INVALID' }));
  });

  it('refuses an award that is not a whole number of KRW', () => {
    const rows = paymentRows(buildMinutes(sampleMinutesInput()));
    expect(() => paymentListCsv([{ ...rows[0]!, award: 30_000.5 }])).toThrow(expect.objectContaining({ code: 'MINUTES_INVALID' }));
  });

  it('and the minutes files are named as in FORMATS.md', () => {
    expect([paymentListFileName('2023-03-02'), paymentListFileName('2023-03-02', 'xlsx')]).toEqual(['payments-2023-03-02.csv', 'payments-2023-03-02.xlsx']);
    expect([minutesFileName('2023-03-02', 'ko', 'pdf'), minutesFileName('2023-03-02', 'en', 'docx')]).toEqual(['minutes-2023-03-02-ko.pdf', 'minutes-2023-03-02-en.docx']);
    expect(minutesAttestationFileName('2023-03-02')).toBe('minutes-2023-03-02.dsse.json');
  });

  it('writes only the header row for a meeting that awarded nothing', () => {
    expect(paymentListCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
  });
});
