/**
 * What `council-desk verify` finds wrong with a decision file or a key file, by a stable code with
 * its English sentence (about the file, or the JSON path named with it). Schema issues of the
 * decision payload use the shared wording (shared/problems/zod-wording.ts); a bundle's problems
 * are the bundle reader's own.
 */
import { canonicalWords, type CanonicalMismatch } from '../../shared/json/canonical-form';
import { codedMessages } from '../../shared/problems/problem';

const TWO_READERS = 'JSON readers disagree on which of the two counts, so two readers could see two different decisions';

export const VERIFY_TEMPLATES = {
  KEY_FILE_NOT_FOUND: () => 'cannot be opened: there is no such file',
  KEY_FILE_UNUSABLE: (p: { detail: string }) => p.detail,
  DECISION_FILE_NOT_FOUND: () => 'cannot be opened: there is no such file',
  DECISION_FILE_UNREADABLE: (p: { detail: string }) => `cannot be read (${p.detail})`,
  DECISION_FILE_TOO_LARGE: (p: { sizeBytes: number }) => `is ${p.sizeBytes.toLocaleString('en-US')} bytes, too large for a decision file`,
  DECISION_FILE_NOT_JSON: (p: { detail: string }) => `is not a decision file: not UTF-8 JSON (${p.detail})`,
  DECISION_FILE_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `holds the key ${JSON.stringify(p.key)} twice in one object (again at text line ${p.line}, column ${p.column}); ${TWO_READERS}`,
  // the DSSE envelope, one code for each way its verification fails (the detail says how)
  DECISION_NOT_ENVELOPE: (p: { detail: string }) => p.detail,
  DECISION_PAYLOAD_NOT_BASE64: (p: { detail: string }) => p.detail,
  DECISION_PAYLOAD_TYPE: (p: { detail: string }) => p.detail,
  DECISION_SIGNATURE_BAD: (p: { detail: string }) => p.detail,
  DECISION_SIGNER_ROLE_NOT_ALLOWED: (p: { detail: string }) => p.detail,
  DECISION_SIGNATURE_UNTRUSTED: (p: { detail: string }) => p.detail,
  // the payload
  DECISION_PAYLOAD_NOT_JSON: (p: { detail: string }) => `is not UTF-8 JSON (${p.detail})`,
  DECISION_PAYLOAD_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `the signed decisions hold the key ${JSON.stringify(p.key)} twice in one object (again at payload line ${p.line}, column ${p.column}); ${TWO_READERS}`,
  DECISION_PAYLOAD_NOT_CANONICAL: (p: CanonicalMismatch) =>
    `the signed decisions are not in their canonical form (RFC 8785): ${canonicalWords(p)}, so two readers could see them differently`,
  DECISION_FORMAT: (p: { format: string; expected: string }) => `is "${p.format}", but a decision file's format is "${p.expected}"`,
  DECISION_SIGNER_KEYID: (p: { named: string; signedBy: string }) => `names key ${p.named}, but the file is signed by key ${p.signedBy}`,
  DECISION_SIGNER_ROLE: (p: { role: string; name: string; roles: string }) => `says the signer signed as ${p.role}, but ${p.name} is trusted only as ${p.roles}`,
} as const satisfies Record<string, (p: never) => string>;

export type VerifyCode = keyof typeof VERIFY_TEMPLATES;

export const verifyProblem = codedMessages(VERIFY_TEMPLATES);
