/**
 * The payment list (FORMATS.md, "Payment list"): one row per awarded case of the meeting at its
 * highest revision, for the payment team, as `payments-<meetingId>.csv` (and as XLSX, with the same
 * columns and amounts as numbers).
 */
import type { Minutes } from './minutes-model';

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

/** `payments-<meetingId>.csv`. */
export function paymentListFileName(meetingId: string): string {
  return `payments-${meetingId}.csv`;
}

/** One row per awarded case of the minutes (at its highest revision), in the minutes' order. */
export function paymentRows(minutes: Pick<Minutes, 'cases'>): PaymentRow[] {
  void minutes;
  throw new Error('paymentRows: not yet implemented');
}
