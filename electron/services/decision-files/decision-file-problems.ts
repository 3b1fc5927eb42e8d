/**
 * What verifying a decision file (`council-desk verify`, the inbox, "Open decision file…") finds
 * wrong with the file itself, its envelope and its signature, by a stable code with its English
 * sentence (about the file, or the JSON path named with it): the signed-file codes every signed
 * JSON file has (signed-files/signed-file-problems.ts) under DECISION_, and the decision file's
 * own. What the payload gets wrong beyond its schema has the shared codes
 * (shared/decisions/payload-problems.ts); schema issues the shared wording
 * (shared/problems/zod-wording.ts).
 */
import { codedMessages } from '../../../shared/problems/problem';
import { signedFileFamily } from '../signed-files/signed-file-problems';

const SIGNED = signedFileFamily('DECISION', { file: 'a decision file', content: 'the signed decisions', plural: true, two: 'two different decisions' });

/** The words of the shared signed-file checks, in the decision file's codes. */
export const DECISION_FILE_WORDS = SIGNED.words;

export const DECISION_FILE_TEMPLATES = {
  ...SIGNED.templates,
  DECISION_FILE_NAME: (p: { name: string; expected: string }) =>
    `is named ${p.name}, but its signed content is for the file ${p.expected}: a decision file keeps the name of its meeting and sequence`,
  DECISION_SIGNER_KEYID: (p: { named: string; signedBy: string }) => `names key ${p.named}, but the file is signed by key ${p.signedBy}`,
} as const satisfies Record<string, (p: never) => string>;

export type DecisionFileCode = keyof typeof DECISION_FILE_TEMPLATES;

export const decisionFileProblem = codedMessages(DECISION_FILE_TEMPLATES);
