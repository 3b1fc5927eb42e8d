/**
 * The minutes attestation's payload (FORMATS.md, "Minutes attestation"): what the secretary signs
 * through the notary and `council-desk verify` checks. Strict: a key this version does not know
 * makes the payload invalid. `files` maps each minutes file (a plain name, found beside the
 * attestation) to the SHA-256 of its bytes; `decisionFiles` maps each decision file signed for
 * the meeting, sequences 1 to n, to the SHA-256 of its payload bytes; `totals` count the
 * meeting's cases at their highest revision across those files.
 *
 * The two maps are read from the parsed JSON itself, not through z.record, which drops a
 * "__proto__" key without a word: a listed name never goes unseen.
 */
import { z } from 'zod';
import { MEETING_ID_PATTERN, parseDecisionFileName } from '../decisions/decision-file-name';
import { decisionTotalsSchema } from '../decisions/decision-file-schema';
import { isoDateTime } from '../schemas/amounts';
import { LISTED_FILE_NAME } from './file-names';

export const MINUTES_FORMAT = 'council-desk/minutes';
export const MINUTES_VERSION = 1;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const SHA256_WORDS = 'must be a SHA-256 in lowercase hex (64 characters)';
const sha256Hex = z.string().regex(SHA256_HEX, { error: SHA256_WORDS });

interface HashMapRules {
  /** Why a name may not be listed; null when it may. */
  nameProblem: (name: string) => string | null;
  /** "file", "decision file": what one entry is. */
  entry: string;
  max: number;
}

/** A JSON object of name -> SHA-256 hex, at least one entry, each name and hash checked where it stands. */
function hashMap(rules: HashMapRules) {
  return z.unknown().transform((value, ctx): Record<string, string> => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `must be a group of fields ({"name": "<sha256 hex>", ...})` });
      return z.NEVER;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) ctx.addIssue({ code: 'custom', message: `must list at least one ${rules.entry}` });
    if (entries.length > rules.max) ctx.addIssue({ code: 'custom', message: `must list at most ${rules.max.toLocaleString('en-US')} ${rules.entry}s` });
    for (const [name, hash] of entries) {
      const wrong = rules.nameProblem(name);
      if (wrong !== null) ctx.addIssue({ code: 'custom', message: wrong, path: [name] });
      else if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) ctx.addIssue({ code: 'custom', message: SHA256_WORDS, path: [name] });
    }
    return Object.fromEntries(entries) as Record<string, string>;
  });
}

const filesSchema = hashMap({
  entry: 'file',
  max: 100,
  nameProblem: (name) => (LISTED_FILE_NAME.test(name) ? null : 'must be a plain file name (no folder) of letters, digits, dots, hyphens and underscores, starting with a letter or digit'),
});

const decisionFilesSchema = hashMap({
  entry: 'decision file',
  max: 9999,
  nameProblem: (name) => (parseDecisionFileName(name) !== null ? null : 'must be a decision file name like decisions-2023-03-02-0001.dsse.json'),
});

export const minutesSignerSchema = z.strictObject({
  memberId: z.string().min(1).max(64),
  name: z.string().max(200),
  role: z.literal('secretary'),
  keyid: sha256Hex,
});

export const minutesAttestationSchema = z
  .strictObject({
    format: z.literal(MINUTES_FORMAT),
    version: z.literal(MINUTES_VERSION),
    council: z.string().max(500),
    meetingId: z.string().regex(MEETING_ID_PATTERN, { error: 'must be 1 to 64 of A-Z a-z 0-9 - _ .' }),
    files: filesSchema,
    decisionFiles: decisionFilesSchema,
    totals: decisionTotalsSchema,
    signer: minutesSignerSchema,
    createdAt: isoDateTime,
  })
  .superRefine((a, ctx) => {
    const sequences = new Set<number>();
    for (const name of Object.keys(a.decisionFiles)) {
      const parsed = parseDecisionFileName(name);
      if (parsed === null) continue; // said where the name stands
      if (parsed.meetingId !== a.meetingId) ctx.addIssue({ code: 'custom', message: `is a decision file of meeting ${parsed.meetingId}, not of meeting ${a.meetingId}`, path: ['decisionFiles', name] });
      else sequences.add(parsed.sequence);
    }
    for (let sequence = 1; sequence <= sequences.size; sequence += 1) {
      if (!sequences.has(sequence)) {
        ctx.addIssue({ code: 'custom', message: `lists ${sequences.size} decision files of the meeting, but not sequence ${sequence}: the meeting's files run 1, 2, 3 … without a gap`, path: ['decisionFiles'] });
        break;
      }
    }
    const { decisions, awarded, rejected, deferred } = a.totals;
    if (awarded + rejected + deferred !== decisions) {
      ctx.addIssue({ code: 'custom', message: `is ${decisions}, but ${awarded} awarded, ${rejected} rejected and ${deferred} deferred make ${awarded + rejected + deferred}`, path: ['totals', 'decisions'] });
    }
  });

export type MinutesSigner = z.infer<typeof minutesSignerSchema>;
export type MinutesAttestation = z.infer<typeof minutesAttestationSchema>;
