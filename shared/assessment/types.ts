import type { Tier } from '../schemas/bundle-manifest';

/** The flags the engine raises itself (codes from FORMATS.md; duplicates are found elsewhere). */
export const ENGINE_FLAGS = [
  'REGISTRATION_NO_INVALID',
  'MISSING_DOCUMENTS',
  'NO_SALES_DATA',
  'NO_COMPLETE_BASELINE_WEEK',
  'CLAIM_EXCEEDS_ASSESSED',
] as const;
export type EngineFlag = (typeof ENGINE_FLAGS)[number];

export interface WeekInfo {
  weekFrom: string;
  weekTo: string;
  total: number;
}

export type WeekRejection = 'outside-baseline' | 'touches-outage' | 'missing-days';

export interface RejectedWeek {
  weekFrom: string;
  weekTo: string;
  reason: WeekRejection;
  /** Only for 'missing-days': the days dailySales lacks, in date order. */
  missingDays?: string[];
}

/**
 * One reason, structured so the UI can translate it; `reasonText` gives the words.
 * Amounts are integer KRW, dates ISO.
 */
export type Reason =
  | { code: 'NO_SALES_DATA' }
  | { code: 'DUPLICATE_SALES_DATE'; date: string; usedAmount: number; ignoredAmounts: number[] }
  | { code: 'WEEK_COUNTED'; weekFrom: string; weekTo: string; total: number }
  | { code: 'WEEK_REJECTED'; weekFrom: string; weekTo: string; reason: WeekRejection; missingDays?: string[] }
  | { code: 'BASELINE_WEEK'; weekFrom: string; weekTo: string; total: number; countedWeeks: number; tiedWith: string[] }
  | { code: 'NO_COMPLETE_BASELINE_WEEK'; baselineFrom: string; baselineTo: string }
  | { code: 'OUTAGE_TOTAL'; from: string; to: string; total: number; missingDays: string[] }
  | { code: 'ASSESSED_LOSS'; baseline: number; outage: number; assessedLoss: number }
  | { code: 'SUGGESTION_MIN'; claimedLoss: number; assessedLoss: number; amount: number; basis: 'assessed' | 'claimed' }
  | { code: 'SUGGESTION_CLAIMED'; claimedLoss: number }
  | { code: 'CLAIM_EXCEEDS_ASSESSED'; claimedLoss: number; assessedLoss: number }
  | { code: 'TIER'; amount: number; tierId: string; minLoss: number; maxLoss: number | null; award: number | null }
  | { code: 'NO_TIER'; amount: number; firstTierMin: number }
  | { code: 'MISSING_DOCUMENTS'; kinds: string[] }
  | { code: 'REGISTRATION_NO_INVALID'; registrationNo: string };

export type ReasonCode = Reason['code'];

export interface Assessment {
  /** max(0, baseline - outage); null when no baseline week counts. */
  assessedLoss: number | null;
  /** The counted week with the largest total (ties: the earliest); null when none counts. */
  baseline: WeekInfo | null;
  outage: { from: string; to: string; total: number; missingDays: string[] };
  /** Candidate weeks that counted, in date order. */
  countedWeeks: WeekInfo[];
  /** Candidate weeks that did not count, in date order, with the first rule each broke. */
  rejectedWeeks: RejectedWeek[];
  /** 'assessed' when the assessed loss is below the claim (and so was used), else 'claimed'. */
  basis: 'assessed' | 'claimed';
  /** min(claimedLoss, assessedLoss) where assessedLoss exists, else claimedLoss. */
  suggestionAmount: number;
  /** null: below the first tier, "reject: no loss shown". */
  tier: Tier | null;
  /** tier.award; null both for a tier decided case by case and for no tier. */
  award: number | null;
  /** The engine's own flags, in the order of ENGINE_FLAGS. */
  flags: EngineFlag[];
  reasons: Reason[];
}
