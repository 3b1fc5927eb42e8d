/**
 * The payment list (FORMATS.md, "Payment list"): one row per awarded case of the meeting at its
 * highest revision, for the payment team, as `payments-<meetingId>.csv` (and as XLSX, with the same
 * columns and amounts as numbers).
 *
 * Values are written as they are, never altered: a business name starting with "=" stays so, as
 * the payment side's systems must read it (a spreadsheet user should open the XLSX, not the CSV).
 */
import { CouncilError } from '../result';
import { revisionsByCase } from './highest-revision';

export { paymentListFileName } from './file-names';
import type { Minutes, MinutesDecisionFileInput } from './minutes-model';

/** FORMATS.md's columns, in order. */
export const PAYMENT_COLUMNS = [
  'caseId',
  'bundleId',
  'businessName',
  'registrationNo',
  'representative',
  'award',
  'bankAccountFingerprint',
  'decisionFile',
  'revision',
  'decidedAt',
] as const;

export type PaymentColumn = (typeof PAYMENT_COLUMNS)[number];

export interface PaymentRow {
  caseId: string;
  bundleId: string;
  businessName: string;
  registrationNo: string;
  representative: string;
  /** Integer KRW. */
  award: number;
  bankAccountFingerprint: string;
  /** The decision file's name that holds this revision. */
  decisionFile: string;
  revision: number;
  decidedAt: string;
}

/** One row per awarded case of the minutes (at its highest revision), in the minutes' order. */
export function paymentRows(minutes: Pick<Minutes, 'cases'>): PaymentRow[] {
  return minutes.cases.flatMap((c) =>
    c.outcome === 'award' && c.award !== null
      ? [
          {
            caseId: c.caseId,
            bundleId: c.bundleId,
            businessName: c.businessName,
            registrationNo: c.registrationNo,
            representative: c.representative,
            award: c.award,
            bankAccountFingerprint: c.bankAccountFingerprint,
            decisionFile: c.file.fileName,
            revision: c.revision,
            decidedAt: c.decidedAt,
          },
        ]
      : [],
  );
}

/** RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** The CSV text: a byte-order mark, the header row, one line per row, each line ended by CRLF. */
export function paymentListCsv(rows: readonly PaymentRow[]): string {
  for (const r of rows) {
    if (!Number.isSafeInteger(r.award) || r.award < 0) throw new CouncilError('MINUTES_INVALID', `Case ${r.caseId}: the award ${r.award} is not a whole number of KRW.`);
  }
  const lines = [PAYMENT_COLUMNS.join(','), ...rows.map((r) => PAYMENT_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return BOM + lines.map((l) => l + CRLF).join('');
}

/** The awarded cases and amount of the meeting's decision files, each case at its highest revision. */
export function awardedAtHighestRevision(files: readonly MinutesDecisionFileInput[]): { awarded: number; amount: number } {
  let awarded = 0;
  let amount = 0;
  for (const { latest } of revisionsByCase(files).values()) {
    if (latest.entry.outcome !== 'award') continue;
    awarded += 1;
    amount += latest.entry.award ?? 0;
  }
  return { awarded, amount };
}

/** Why the rows do not add up to the decision files' awards (null: they do). */
export function paymentSumProblem(rows: readonly PaymentRow[], files: readonly MinutesDecisionFileInput[]): string | null {
  const want = awardedAtHighestRevision(files);
  const sum = rows.reduce((s, r) => s + r.award, 0);
  if (rows.length === want.awarded && sum === want.amount) return null;
  return `The payment list has ${rows.length} rows summing to ${sum} KRW, but the decision files award ${want.awarded} cases ${want.amount} KRW at their highest revisions.`;
}

/** Throws CouncilError('MINUTES_INVALID') when the rows do not add up to the decision files' awards. */
export function assertPaymentSum(rows: readonly PaymentRow[], files: readonly MinutesDecisionFileInput[]): void {
  const problem = paymentSumProblem(rows, files);
  if (problem !== null) throw new CouncilError('MINUTES_INVALID', problem);
}
