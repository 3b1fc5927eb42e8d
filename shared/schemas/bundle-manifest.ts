import { z } from 'zod';
import { wordCustom, type CustomWording } from '../problems/zod-wording';
import { amountKrw, isCalendarDate, isoDate, isoDateTime } from './amounts';

export const MANIFEST_FORMAT = 'council-desk/bundle';
export const MANIFEST_VERSION = 1;

export const DOCUMENT_KINDS = [
  'small-business-certificate',
  'sales-loss-proof',
  'service-use-proof',
  'bank-account',
  'other',
] as const;

export const tierSchema = z.strictObject({
  id: z.string().min(1).max(32),
  minLoss: amountKrw,
  maxLoss: amountKrw.optional(),
  /** null: decided by the council case by case. */
  award: amountKrw.nullable(),
});
export type Tier = z.infer<typeof tierSchema>;

export const incidentSchema = z.strictObject({
  id: z.string().min(1).max(64),
  outageFrom: isoDate,
  outageTo: isoDate,
  baselineFrom: isoDate,
  baselineTo: isoDate,
  weekStartsOn: z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']),
}).superRefine((incident, ctx) => {
  // An outage outside the baseline would not fail the assessment: it would quietly compare every
  // case with the wrong weeks. zod runs this refinement even when a date failed its own (non-fatal)
  // calendar check, so dates are compared only when all four are real; they compare as strings.
  // The paths named in the words are the manifest's: the incident lives at `incident`.
  const { outageFrom, outageTo, baselineFrom, baselineTo } = incident;
  if (![outageFrom, outageTo, baselineFrom, baselineTo].every(isCalendarDate)) return;
  const issue = (at: keyof typeof incident, wording: CustomWording) => ctx.addIssue({ code: 'custom', path: [at], message: wordCustom(wording), params: { wording } });
  if (outageTo < outageFrom) issue('outageTo', { code: 'DATE_BEFORE', params: { other: 'incident.outageFrom', otherDate: outageFrom } });
  if (baselineTo < baselineFrom) issue('baselineTo', { code: 'DATE_BEFORE', params: { other: 'incident.baselineFrom', otherDate: baselineFrom } });
  if (outageTo < outageFrom || baselineTo < baselineFrom) return;
  const periods = { outageFrom, outageTo, baselineFrom, baselineTo };
  if (outageFrom < baselineFrom) issue('outageFrom', { code: 'OUTAGE_OUTSIDE_BASELINE', params: periods });
  if (outageTo > baselineTo) issue('outageTo', { code: 'OUTAGE_OUTSIDE_BASELINE', params: periods });
});
export type Incident = z.infer<typeof incidentSchema>;

export const policySchema = z.strictObject({
  id: z.string().min(1).max(64),
  currency: z.literal('KRW'),
  tiers: z.array(tierSchema).min(1).max(50),
  requiredDocuments: z.array(z.string().min(1).max(64)).max(50),
});
export type Policy = z.infer<typeof policySchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a lowercase hex SHA-256 (64 characters)' });

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  bundleId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, dots, hyphens or underscores' }),
  title: z.string().min(1).max(500),
  createdAt: isoDateTime,
  issuer: z.string().min(1).max(500),
  incident: incidentSchema,
  policy: policySchema,
  caseCount: z.number().int().min(0),
  files: z.record(z.string(), sha256Hex),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/**
 * Problems with a policy's tier table: sorted, no overlap, no gap, only the last open-ended.
 * Returns messages with the JSON path they concern; empty when the table is sound.
 */
export function tierTableProblems(tiers: readonly Tier[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  tiers.forEach((tier, i) => {
    const path = `policy.tiers[${i}]`;
    const last = i === tiers.length - 1;
    if (tier.maxLoss === undefined && !last) {
      problems.push({ path: `${path}.maxLoss`, message: `tier ${tier.id} has no upper bound, but only the last tier may be open-ended` });
    }
    if (tier.maxLoss !== undefined && tier.maxLoss < tier.minLoss) {
      problems.push({ path: `${path}.maxLoss`, message: `tier ${tier.id} ends (${tier.maxLoss}) before it starts (${tier.minLoss})` });
    }
    const prev = tiers[i - 1];
    if (prev?.maxLoss !== undefined) {
      if (tier.minLoss <= prev.maxLoss) {
        problems.push({ path: `${path}.minLoss`, message: `tier ${tier.id} starts at ${tier.minLoss}, overlapping tier ${prev.id} which ends at ${prev.maxLoss}` });
      } else if (tier.minLoss > prev.maxLoss + 1) {
        problems.push({ path: `${path}.minLoss`, message: `tier ${tier.id} starts at ${tier.minLoss}, leaving a gap after tier ${prev.id} which ends at ${prev.maxLoss}` });
      }
    }
  });
  const ids = new Set<string>();
  tiers.forEach((tier, i) => {
    if (ids.has(tier.id)) problems.push({ path: `policy.tiers[${i}].id`, message: `tier id ${tier.id} is used twice` });
    ids.add(tier.id);
  });
  return problems;
}
