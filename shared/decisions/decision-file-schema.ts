/**
 * The decision file's payload (FORMATS.md, "Decision file"): what the notary signs, `council-desk
 * verify` and the inbox check, and the payment side pays on. Strict: a key this version does not
 * know makes the payload invalid, so two readers never see two different decisions.
 *
 * Two fields FORMATS.md leaves open, chosen here and written into docs/decision-files.md:
 * - `proposal.closedAt` and each earlier proposal's `closedAt`: the moment its vote closed. The
 *   tally counts who was present at that moment (meeting.attendance), so a recount needs it.
 * - `reopened.previousRevision` is null when the case's earlier revision never left this device
 *   (reopened before it was exported): there is no file to name.
 */
import { z } from 'zod';
import { MEMBER_ROLES } from '../council';
import { MEETING_ID_PATTERN } from './decision-file-name';
import { countingRulesSchema } from '../meeting/rules';
import { OUTCOMES } from '../meeting/types';
import { amountKrw, isoDate, isoDateTime } from '../schemas/amounts';
import { CASE_ID_PATTERN } from '../schemas/case-record';

export const DECISIONS_FORMAT = 'council-desk/decisions';
export const DECISIONS_VERSION = 1;

/** A SHA-256 in lowercase hex. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

const sha256Hex = z.string().regex(SHA256_HEX_PATTERN, { error: 'must be a SHA-256 in lowercase hex (64 characters)' });
const text = (max: number) => z.string().max(max);
const memberId = z.string().min(1).max(64);
const count = z.number().int().min(0).max(1_000_000);

export const attendanceLineSchema = z.strictObject({
  memberId,
  name: text(200),
  role: z.enum(MEMBER_ROLES),
  present: z.boolean(),
  arrivedAt: isoDateTime.nullable(),
  leftAt: isoDateTime.nullable(),
});

export const meetingQuorumSchema = z.strictObject({ required: count, present: count, met: z.boolean() });

export const decisionMeetingSchema = z.strictObject({
  meetingId: z.string().regex(MEETING_ID_PATTERN, { error: 'must be 1 to 64 of A-Z a-z 0-9 - _ .' }),
  date: isoDate,
  place: text(500),
  rules: countingRulesSchema,
  attendance: z.array(attendanceLineSchema).max(1000),
  quorum: meetingQuorumSchema,
});

/** A member's vote as the file lists it: a recusal carries its reason; a present member who did not vote is 'none'. */
export const listedVoteSchema = z.discriminatedUnion('vote', [
  z.strictObject({ memberId, vote: z.literal('approve') }),
  z.strictObject({ memberId, vote: z.literal('reject') }),
  z.strictObject({ memberId, vote: z.literal('abstain') }),
  z.strictObject({ memberId, vote: z.literal('none') }),
  z.strictObject({ memberId, vote: z.literal('recused'), reason: text(2000).min(1, { error: 'a recusal needs its reason' }) }),
]);

export const tallySchema = z.strictObject({
  approve: count,
  reject: count,
  abstain: count,
  recused: count,
  members: count,
  present: count,
  quorumMet: z.boolean(),
  passed: z.boolean(),
});

const proposalTerms = {
  no: z.number().int().min(1).max(10_000),
  outcome: z.enum(OUTCOMES),
  amount: amountKrw.nullable(),
  closedAt: isoDateTime,
};

export const passedProposalSchema = z.strictObject(proposalTerms);

export const earlierProposalSchema = z.strictObject({
  ...proposalTerms,
  votes: z.array(listedVoteSchema).max(1000),
  tally: tallySchema,
});

export const suggestedSchema = z.strictObject({
  tier: z.string().min(1).max(64).nullable(),
  award: amountKrw.nullable(),
  claimedLoss: amountKrw,
  assessedLoss: amountKrw.nullable(),
});

export const previousRevisionSchema = z.strictObject({ file: text(200).min(1), payloadSha256: sha256Hex });

export const decisionEntrySchema = z.strictObject({
  caseId: z.string().regex(CASE_ID_PATTERN, { error: 'must be 1 to 64 of A-Z a-z 0-9 . _ -' }),
  bundleId: z.string().min(1).max(128),
  revision: z.number().int().min(1).max(10_000),
  outcome: z.enum(OUTCOMES),
  tier: z.string().min(1).max(64).nullable(),
  award: amountKrw.nullable(),
  suggested: suggestedSchema,
  proposal: passedProposalSchema,
  votes: z.array(listedVoteSchema).max(1000),
  tally: tallySchema,
  earlierProposals: z.array(earlierProposalSchema).max(100),
  rationale: text(10_000),
  missingDocuments: z.array(z.string().min(1).max(64)).max(50),
  decidedAt: isoDateTime,
  reopened: z.strictObject({ reason: text(2000).min(1), previousRevision: previousRevisionSchema.nullable() }).optional(),
});

export const decisionTotalsSchema = z.strictObject({
  decisions: count,
  awarded: count,
  rejected: count,
  deferred: count,
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const decisionSignerSchema = z.strictObject({
  memberId,
  name: text(200),
  role: z.literal('chair'),
  keyid: sha256Hex,
});

export const decisionFilePayloadSchema = z.strictObject({
  format: z.literal(DECISIONS_FORMAT),
  version: z.literal(DECISIONS_VERSION),
  council: text(500),
  meeting: decisionMeetingSchema,
  policyId: text(200),
  bundleIds: z.array(z.string().min(1).max(128)).max(10_000),
  sequence: z.number().int().min(1).max(9999),
  previous: sha256Hex.nullable(),
  decisions: z.array(decisionEntrySchema).min(1, { error: 'a decision file holds at least one decision' }).max(100_000),
  totals: decisionTotalsSchema,
  auditHead: sha256Hex,
  signer: decisionSignerSchema,
  createdAt: isoDateTime,
});

export type AttendanceLine = z.infer<typeof attendanceLineSchema>;
export type ListedVoteEntry = z.infer<typeof listedVoteSchema>;
export type EarlierProposal = z.infer<typeof earlierProposalSchema>;
export type DecisionEntry = z.infer<typeof decisionEntrySchema>;
export type DecisionTotals = z.infer<typeof decisionTotalsSchema>;
export type DecisionSigner = z.infer<typeof decisionSignerSchema>;
export type DecisionFilePayload = z.infer<typeof decisionFilePayloadSchema>;
