/**
 * Counts cases per policy tier by claimed loss: the honest summary the Cases screen shows until
 * the tier engine (assessed loss, suggestion, flags) arrives. Tier bounds are inclusive.
 */
import type { Tier } from '../../shared/schemas/bundle-manifest';

export interface TierCount {
  tier: Tier;
  count: number;
}

export interface ClaimedTierCounts {
  tiers: TierCount[];
  /** Claims below the first tier's minimum (no loss shown). */
  belowFirstTier: number;
  /** Claims above a last tier that has an upper bound (a policy may close its last tier). */
  aboveLastTier: number;
}

export function claimedTierCounts(tiers: readonly Tier[], claimedLosses: readonly number[]): ClaimedTierCounts {
  const counts = tiers.map((tier) => ({ tier, count: 0 }));
  let belowFirstTier = 0;
  let aboveLastTier = 0;
  const firstMin = tiers[0]?.minLoss ?? Number.POSITIVE_INFINITY;
  for (const loss of claimedLosses) {
    const slot = counts.find(({ tier }) => loss >= tier.minLoss && (tier.maxLoss === undefined || loss <= tier.maxLoss));
    if (slot) slot.count += 1;
    else if (loss < firstMin) belowFirstTier += 1;
    else aboveLastTier += 1;
  }
  return { tiers: counts, belowFirstTier, aboveLastTier };
}
