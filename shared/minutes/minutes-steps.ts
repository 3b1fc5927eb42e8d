/**
 * The steps of making a meeting's minutes, in the order main takes them (minutes-export.ts), so
 * the screen can show each one as main reports how many are done: the check of the decision files,
 * the PDF and the DOCX in each language, the payment list as CSV and XLSX, writing the files (an
 * earlier set moved aside first, when the minutes are made again), and the secretary's signature.
 */
import type { Language } from '../i18n/language';

export type MinutesStep =
  | { kind: 'check' }
  | { kind: 'pdf'; language: Language }
  | { kind: 'docx'; language: Language }
  | { kind: 'csv' }
  | { kind: 'xlsx' }
  | { kind: 'write' }
  | { kind: 'sign' };

export function minutesSteps(languages: readonly Language[]): MinutesStep[] {
  return [
    { kind: 'check' },
    ...languages.flatMap((language): MinutesStep[] => [
      { kind: 'pdf', language },
      { kind: 'docx', language },
    ]),
    { kind: 'csv' },
    { kind: 'xlsx' },
    { kind: 'write' },
    { kind: 'sign' },
  ];
}

/** How far a run has come: `done` of its `total` steps finished (the next one is under way). */
export interface MinutesProgress {
  done: number;
  total: number;
}
