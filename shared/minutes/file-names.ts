/**
 * The names of a meeting's minutes files (FORMATS.md, "Minutes attestation", "Payment list"), one
 * home for them: the minutes in each language as PDF and DOCX, the payment list as CSV and XLSX,
 * and the attestation that lists them, all in `<sync>/minutes/` and the folder the secretary chose.
 */
import { LANGUAGES, type Language } from '../i18n/language';

export const MINUTES_DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type MinutesDocumentFormat = (typeof MINUTES_DOCUMENT_FORMATS)[number];
export const PAYMENT_LIST_FORMATS = ['csv', 'xlsx'] as const;
export type PaymentListFormat = (typeof PAYMENT_LIST_FORMATS)[number];

/** `minutes-<meetingId>.dsse.json`: the secretary's signed list of the meeting's minutes files. */
export function minutesAttestationName(meetingId: string): string {
  return `minutes-${meetingId}.dsse.json`;
}

/** The meeting whose attestation a file's name is; null for any other name. */
export function parseMinutesAttestationName(name: string): { meetingId: string } | null {
  const m = /^minutes-([A-Za-z0-9._-]{1,64})\.dsse\.json$/.exec(name);
  return m === null ? null : { meetingId: m[1]! };
}

/** `minutes-<meetingId>-<ko|en>.<pdf|docx>`. */
export function minutesDocumentName(meetingId: string, language: Language, format: MinutesDocumentFormat): string {
  return `minutes-${meetingId}-${language}.${format}`;
}

/** `payments-<meetingId>.<csv|xlsx>`. */
export function paymentListName(meetingId: string, format: PaymentListFormat): string {
  return `payments-${meetingId}.${format}`;
}

/** Every name an export of the meeting has: what the notary lists in the meeting's attestation. */
export function minutesExportNames(meetingId: string): string[] {
  return [
    ...LANGUAGES.flatMap((language) => MINUTES_DOCUMENT_FORMATS.map((format) => minutesDocumentName(meetingId, language, format))),
    ...PAYMENT_LIST_FORMATS.map((format) => paymentListName(meetingId, format)),
  ];
}

/**
 * A file an attestation may list: a plain name, found beside the attestation, of letters, digits,
 * dots, hyphens and underscores, starting with a letter or digit (so never a path, never ".", "..",
 * a hidden file or "__proto__"), at most 200 characters. Every export name above is one.
 */
export const LISTED_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
