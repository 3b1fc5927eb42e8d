/**
 * What verifying a minutes attestation (`council-desk verify`, and the notary's read-back) finds
 * wrong, by a stable code with its English sentence: the signed-file codes every signed JSON file
 * has (signed-files/signed-file-problems.ts) under MINUTES_, and the attestation's own: its name,
 * its signer, and each file it lists, found beside it, changed or missing.
 */
import { codedMessages } from '../../../shared/problems/problem';
import { signedFileFamily } from '../signed-files/signed-file-problems';

const SIGNED = signedFileFamily('MINUTES', { file: 'a minutes attestation', content: 'the signed attestation', plural: false, two: 'two different lists of files' });

/** The words of the shared signed-file checks, in the minutes attestation's codes. */
export const MINUTES_FILE_WORDS = SIGNED.words;

export const MINUTES_TEMPLATES = {
  ...SIGNED.templates,
  MINUTES_FILE_NAME: (p: { name: string; expected: string }) =>
    `is named ${p.name}, but its signed content is for the file ${p.expected}: a minutes attestation keeps the name of its meeting`,
  MINUTES_SIGNER_KEYID: (p: { named: string; signedBy: string }) => `names key ${p.named}, but the attestation is signed by key ${p.signedBy}`,
  MINUTES_LISTED_FILE_MISSING: (p: { path: string }) => `lists ${p.path}, which is not there`,
  MINUTES_LISTED_FILE_UNREADABLE: (p: { path: string; detail: string }) => `lists ${p.path}, which cannot be read (${p.detail})`,
  MINUTES_LISTED_FILE_CHANGED: (p: { path: string; listed: string; actual: string }) =>
    `lists ${p.path} with SHA-256 ${p.listed}, but the file there has SHA-256 ${p.actual}: it was changed after the minutes were signed`,
  MINUTES_DECISION_FILE_NOT_FOUND: (p: { name: string; looked: string }) => `lists the decision file ${p.name}, which is not in ${p.looked}, so its payload hash was not checked`,
  MINUTES_DECISION_FILE_UNREADABLE: (p: { path: string; detail: string }) => `lists the decision file ${p.path}, which cannot be read (${p.detail})`,
  MINUTES_DECISION_FILE_CHANGED: (p: { path: string; listed: string; actual: string }) =>
    `lists the decision file ${p.path} with payload SHA-256 ${p.listed}, but its payload has SHA-256 ${p.actual}: it is not the decision file the minutes describe`,
  MINUTES_DECISION_FILE_INVALID: (p: { path: string; detail: string }) => `lists the decision file ${p.path}, whose payload is not that decision file's (${p.detail})`,
  MINUTES_DECISION_FILES_CONFLICT: (p: { detail: string }) => `lists decision files that contradict each other: ${p.detail}`,
  MINUTES_TOTALS_MISMATCH: (p: { field: string; listed: number; recounted: number }) =>
    `says ${p.field} ${p.listed}, but the decision files it lists, each case at its highest revision, give ${p.recounted}`,
} as const satisfies Record<string, (p: never) => string>;

export type MinutesCode = keyof typeof MINUTES_TEMPLATES;

export const minutesProblem = codedMessages(MINUTES_TEMPLATES);
