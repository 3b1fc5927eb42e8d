/**
 * A council's counting rules (FORMATS.md, "Counting rules"): data stored with each meeting and
 * written into every decision file and the minutes, so anyone can recount a vote from the file.
 */
import { z } from 'zod';

export const QUORUM_TYPES = ['majority', 'atLeast'] as const;
export const PASSING_RULES = ['majority-of-present', 'majority-of-cast', 'two-thirds-of-present'] as const;
export const TIE_RULES = ['fails', 'chair-decides'] as const;

export const quorumRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('majority') }),
  z.strictObject({ type: z.literal('atLeast'), count: z.number().int().min(1).max(1000) }),
]);

export const countingRulesSchema = z.strictObject({
  quorum: quorumRuleSchema,
  passing: z.enum(PASSING_RULES),
  recusedInBase: z.boolean(),
  tie: z.enum(TIE_RULES),
});

export type QuorumRule = z.infer<typeof quorumRuleSchema>;
export type PassingRule = (typeof PASSING_RULES)[number];
export type TieRule = (typeof TIE_RULES)[number];
export type CountingRules = z.infer<typeof countingRulesSchema>;

/** The usual rules of a Korean committee: 재적 과반 출석, 출석 과반 찬성, 가부동수는 부결. */
export const DEFAULT_COUNTING_RULES: CountingRules = {
  quorum: { type: 'majority' },
  passing: 'majority-of-present',
  recusedInBase: false,
  tie: 'fails',
};
