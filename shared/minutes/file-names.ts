/**
 * The names of a meeting's minutes files (FORMATS.md, "Minutes attestation", "Payment list"),
 * written into `<sync>/minutes/` and listed by the attestation: minutes-<meetingId>-<ko|en>.pdf
 * and .docx, payments-<meetingId>.csv and .xlsx, minutes-<meetingId>.dsse.json.
 */
import { LANGUAGES, type Language } from '../i18n/language';

const MINUTES_FORMATS = ['pdf', 'docx'] as const;
const PAYMENT_LIST_FORMATS = ['csv', 'xlsx'] as const;

export function minutesFileName(meetingId: string, lang: Language, ext: (typeof MINUTES_FORMATS)[number]): string {
  return `minutes-${meetingId}-${lang}.${ext}`;
}

export function paymentListFileName(meetingId: string, ext: (typeof PAYMENT_LIST_FORMATS)[number] = 'csv'): string {
  return `payments-${meetingId}.${ext}`;
}

export function minutesAttestationFileName(meetingId: string): string {
  return `minutes-${meetingId}.dsse.json`;
}

/** The meeting whose attestation a file's name is; null for any other name. */
export function parseMinutesAttestationFileName(name: string): { meetingId: string } | null {
  const m = /^minutes-([A-Za-z0-9._-]{1,64})\.dsse\.json$/.exec(name);
  return m === null ? null : { meetingId: m[1]! };
}

/** Every name an export of the meeting has: what the notary may list in the meeting's attestation. */
export function minutesExportNames(meetingId: string): string[] {
  return [
    ...LANGUAGES.flatMap((lang) => MINUTES_FORMATS.map((ext) => minutesFileName(meetingId, lang, ext))),
    ...PAYMENT_LIST_FORMATS.map((ext) => paymentListFileName(meetingId, ext)),
  ];
}

/**
 * A file an attestation may list: a plain name, found beside the attestation, of letters, digits,
 * dots, hyphens and underscores, starting with a letter or digit (so never a path, never ".", "..",
 * a hidden file or "__proto__"), at most 200 characters. Every export name above is one.
 */
export const LISTED_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
