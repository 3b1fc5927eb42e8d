/**
 * The zod schemas of what the renderer gives towards a meeting's minutes (shared/api.ts,
 * exportMinutes): the agenda with each case's suggestion and reasons, and each case's particulars.
 * One home for them; the decision files, the council and the meeting itself main takes from what it
 * signed, never from here. Sizes are bounded as a bundle's are.
 */
import { z } from 'zod';
import type { Reason } from '../assessment/types';
import { amountKrw, isoDate } from '../schemas/amounts';
import { CASE_ID_PATTERN } from '../schemas/case-record';
import type { AgendaItemInput, CaseParticulars } from './minutes-model';

/** The most cases one meeting's agenda may hold. */
export const MAX_AGENDA_ITEMS = 10_000;

const week = { weekFrom: isoDate, weekTo: isoDate };
const days = z.array(isoDate).max(400);
const count = z.number().int().min(0).max(10_000);
const tierId = z.string().min(1).max(64);

/** One reason of the assessment engine (shared/assessment/types.ts, Reason). */
export const reasonSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('NO_SALES_DATA') }),
  z.strictObject({ code: z.literal('DUPLICATE_SALES_DATE'), date: isoDate, usedAmount: amountKrw, ignoredAmounts: z.array(amountKrw).max(400) }),
  z.strictObject({ code: z.literal('WEEK_COUNTED'), ...week, total: amountKrw }),
  z.strictObject({ code: z.literal('WEEK_REJECTED'), ...week, reason: z.enum(['outside-baseline', 'touches-outage', 'missing-days']), missingDays: days.optional() }),
  z.strictObject({ code: z.literal('BASELINE_WEEK'), ...week, total: amountKrw, countedWeeks: count, tiedWith: z.array(isoDate).max(100) }),
  z.strictObject({ code: z.literal('NO_COMPLETE_BASELINE_WEEK'), baselineFrom: isoDate, baselineTo: isoDate }),
  z.strictObject({ code: z.literal('OUTAGE_TOTAL'), from: isoDate, to: isoDate, total: amountKrw, missingDays: days }),
  z.strictObject({ code: z.literal('ASSESSED_LOSS'), baseline: amountKrw, outage: amountKrw, assessedLoss: amountKrw }),
  z.strictObject({ code: z.literal('SUGGESTION_MIN'), claimedLoss: amountKrw, assessedLoss: amountKrw, amount: amountKrw, basis: z.enum(['assessed', 'claimed']) }),
  z.strictObject({ code: z.literal('SUGGESTION_CLAIMED'), claimedLoss: amountKrw }),
  z.strictObject({ code: z.literal('CLAIM_EXCEEDS_ASSESSED'), claimedLoss: amountKrw, assessedLoss: amountKrw }),
  z.strictObject({ code: z.literal('TIER'), amount: amountKrw, tierId, minLoss: amountKrw, maxLoss: amountKrw.nullable(), award: amountKrw.nullable() }),
  z.strictObject({ code: z.literal('NO_TIER'), amount: amountKrw, firstTierMin: amountKrw }),
  z.strictObject({ code: z.literal('MISSING_DOCUMENTS'), kinds: z.array(z.string().min(1).max(64)).max(100) }),
  z.strictObject({ code: z.literal('REGISTRATION_NO_INVALID'), registrationNo: z.string().max(64) }),
]) satisfies z.ZodType<Reason>;

export const caseIdSchema = z.string().regex(CASE_ID_PATTERN, { error: 'must be 1 to 64 letters, digits, dots, hyphens or underscores, and not "." or ".."' });

/** A case on the agenda with the engine's suggestion (minutes-model.ts, AgendaItemInput). */
export const agendaItemSchema = z.strictObject({
  caseId: caseIdSchema,
  suggestion: z.strictObject({
    tier: tierId.nullable(),
    award: amountKrw.nullable(),
    claimedLoss: amountKrw,
    assessedLoss: amountKrw.nullable(),
    flags: z.array(z.string().min(1).max(64)).max(50),
    reasons: z.array(reasonSchema).max(200),
  }),
}) satisfies z.ZodType<AgendaItemInput>;

export const agendaSchema = z.array(agendaItemSchema).max(MAX_AGENDA_ITEMS);

/** What the minutes and the payment list name a case by (minutes-model.ts, CaseParticulars). */
export const caseParticularsSchema = z.strictObject({
  businessName: z.string().min(1).max(200),
  registrationNo: z.string().min(1).max(64),
  representative: z.string().min(1).max(100),
  bankAccountFingerprint: z.string().regex(/^[0-9a-f]{16,64}$/, { error: 'must be a lowercase hex fingerprint' }),
  bundleId: z.string().min(1).max(128),
}) satisfies z.ZodType<CaseParticulars>;

/** Each case's particulars by caseId (at most as many as an agenda holds and the files decide). */
export const caseParticularsMapSchema = z
  .record(caseIdSchema, caseParticularsSchema)
  .refine((cases) => Object.keys(cases).length <= 2 * MAX_AGENDA_ITEMS, { error: `must hold at most ${2 * MAX_AGENDA_ITEMS} cases` });
