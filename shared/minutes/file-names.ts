/**
 * The names of a meeting's minutes files (FORMATS.md, "Minutes attestation", "Payment list"),
 * written into `<sync>/minutes/` and listed by the attestation: minutes-<meetingId>-<ko|en>.pdf
 * and .docx, payments-<meetingId>.csv and .xlsx, minutes-<meetingId>.dsse.json.
 */
import type { Language } from '../i18n/language';

export function minutesFileName(meetingId: string, lang: Language, ext: 'pdf' | 'docx'): string {
  return `minutes-${meetingId}-${lang}.${ext}`;
}

export function paymentListFileName(meetingId: string, ext: 'csv' | 'xlsx' = 'csv'): string {
  return `payments-${meetingId}.${ext}`;
}

export function minutesAttestationFileName(meetingId: string): string {
  return `minutes-${meetingId}.dsse.json`;
}
