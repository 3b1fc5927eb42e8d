/**
 * What `council-desk verify` finds wrong with the key file given with --key, by a stable code with
 * its English sentence. A decision file's problems are those of its verification
 * (services/decision-files/decision-file-problems.ts); a bundle's are the bundle reader's own.
 */
import { codedMessages } from '../../shared/problems/problem';

export const VERIFY_TEMPLATES = {
  KEY_FILE_NOT_FOUND: () => 'cannot be opened: there is no such file',
  KEY_FILE_UNUSABLE: (p: { detail: string }) => p.detail,
} as const satisfies Record<string, (p: never) => string>;

export type VerifyCode = keyof typeof VERIFY_TEMPLATES;

export const verifyProblem = codedMessages(VERIFY_TEMPLATES);
