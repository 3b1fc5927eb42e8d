/**
 * What verifying a decision file (`council-desk verify`, the inbox, "Open decision file…") finds
 * wrong with the file itself, its envelope and its signature, by a stable code with its English
 * sentence (about the file, or the JSON path named with it). What the payload gets wrong beyond
 * its schema has the shared codes (shared/decisions/payload-problems.ts); schema issues the shared
 * wording (shared/problems/zod-wording.ts).
 */
import { canonicalWords, type CanonicalMismatch } from '../../../shared/json/canonical-form';
import { codedMessages } from '../../../shared/problems/problem';

const TWO_READERS = 'JSON readers disagree on which of the two counts, so two readers could see two different decisions';

export const DECISION_FILE_TEMPLATES = {
  DECISION_FILE_NOT_FOUND: () => 'cannot be opened: there is no such file',
  DECISION_FILE_UNREADABLE: (p: { detail: string }) => `cannot be read (${p.detail})`,
  DECISION_FILE_TOO_LARGE: (p: { sizeBytes: number; maxBytes: number }) =>
    `is ${p.sizeBytes.toLocaleString('en-US')} bytes, too large for a decision file (at most ${p.maxBytes.toLocaleString('en-US')} bytes are read)`,
  DECISION_FILE_NOT_JSON: (p: { detail: string }) => `is not a decision file: not UTF-8 JSON (${p.detail})`,
  DECISION_FILE_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `holds the key ${JSON.stringify(p.key)} twice in one object (again at text line ${p.line}, column ${p.column}); ${TWO_READERS}`,
  DECISION_FILE_NAME: (p: { name: string; expected: string }) =>
    `is named ${p.name}, but its signed content is for the file ${p.expected}: a decision file keeps the name of its meeting and sequence`,
  // the DSSE envelope, one code for each way its verification fails (the detail says how)
  DECISION_NOT_ENVELOPE: (p: { detail: string }) => p.detail,
  DECISION_PAYLOAD_NOT_BASE64: (p: { detail: string }) => p.detail,
  DECISION_PAYLOAD_TYPE: (p: { detail: string }) => p.detail,
  DECISION_SIGNATURE_BAD: (p: { detail: string }) => p.detail,
  DECISION_SIGNER_ROLE_NOT_ALLOWED: (p: { detail: string }) => p.detail,
  DECISION_SIGNATURE_UNTRUSTED: (p: { detail: string }) => p.detail,
  DECISION_BASE64_NOT_CANONICAL: () =>
    'is not base64 in its one canonical form (its last character sets bits that encode nothing), so the same signed bytes could be written in several ways',
  DECISION_SIGNATURE_KEYID: (p: { named: string; signedBy: string }) => `names key ${p.named}, but the signature is by key ${p.signedBy}: the envelope was changed after signing`,
  // the payload
  DECISION_PAYLOAD_NOT_JSON: (p: { detail: string }) => `is not UTF-8 JSON (${p.detail})`,
  DECISION_PAYLOAD_DUPLICATE_KEY: (p: { key: string; line: number; column: number }) =>
    `the signed decisions hold the key ${JSON.stringify(p.key)} twice in one object (again at payload line ${p.line}, column ${p.column}); ${TWO_READERS}`,
  DECISION_PAYLOAD_NOT_CANONICAL: (p: CanonicalMismatch) =>
    `the signed decisions are not in their canonical form (RFC 8785): ${canonicalWords(p)}, so two readers could see them differently`,
  DECISION_SIGNER_KEYID: (p: { named: string; signedBy: string }) => `names key ${p.named}, but the file is signed by key ${p.signedBy}`,
} as const satisfies Record<string, (p: never) => string>;

export type DecisionFileCode = keyof typeof DECISION_FILE_TEMPLATES;

export const decisionFileProblem = codedMessages(DECISION_FILE_TEMPLATES);
