/**
 * A case's daily sales and its claimed loss, by the part it plays: ordinary cases claim about
 * what the 1015 method finds; the awkward ones do not.
 */
import { assessedLoss, bestBaselineWeek, tierOf, type Sale } from './assessed-loss';
import type { AwkwardRole } from './awkward-cases';
import { targetLoss, type CategoryProfile, type TierId } from './categories';
import type { Random } from './random';
import { generateDailySales, largestPlausibleLoss, planShape, withMissingDays } from './sales';

export interface SalesAndClaim {
  dailySales: Sale[];
  claimedLoss: number;
  /** For an applicant without sales data: the weekly figures of the handwritten ledger. */
  ledger?: { usualWeekly: number; outageWeek: number };
  openedLate?: boolean;
}

/** Sales whose assessed loss falls in `tier` (a few tries; the last try is kept regardless). */
export function salesForTier(rng: Random, profile: CategoryProfile, tier: TierId): { sales: Sale[]; assessed: number } {
  let sales: Sale[] = [];
  let assessed = 0;
  const cap = largestPlausibleLoss(profile);
  for (let attempt = 0; attempt < 12; attempt++) {
    const loss = targetLoss(rng, tier, cap);
    sales = generateDailySales(rng, profile, planShape(rng, profile, loss), { kind: 'loss', loss });
    assessed = assessedLoss(sales) ?? 0;
    if (tierOf(assessed) === tier) break;
  }
  return { sales, assessed };
}

/** What an applicant writes: usually a round figure a little under the loss, in the same tier. */
export function ordinaryClaim(rng: Random, assessed: number): number {
  const tier = tierOf(assessed);
  const candidates = [Math.floor((assessed * rng.real(0.9, 1)) / 10_000) * 10_000, Math.floor(assessed / 10_000) * 10_000, Math.floor(assessed / 1_000) * 1_000];
  const start = rng.chance(0.6) ? 0 : 2;
  for (const claim of candidates.slice(start)) if (claim > 0 && tierOf(claim) === tier) return claim;
  return assessed;
}

function roundClaim(rng: Random, min: number, max: number): number {
  return Math.round(rng.logReal(min, max) / 10_000) * 10_000;
}

export function salesAndClaim(rng: Random, profile: CategoryProfile, role: AwkwardRole | null, original?: SalesAndClaim): SalesAndClaim {
  let tier = rng.weighted<TierId>([['T1', profile.tierWeights[0]], ['T2', profile.tierWeights[1]], ['T3', profile.tierWeights[2]]]);
  // The same business applying twice lost about the same: keep the first application's tier.
  if (role?.kind === 'duplicate-registration' && role.role === 'copy' && original) tier = tierOf(original.claimedLoss) ?? tier;
  switch (role?.kind) {
    case 'no-loss': {
      const loss = targetLoss(rng, 'T1', largestPlausibleLoss(profile));
      const sales = generateDailySales(rng, profile, planShape(rng, profile, loss), { kind: 'none' });
      return { dailySales: sales, claimedLoss: roundClaim(rng, 60_000, 420_000) };
    }
    case 'claim-exceeds': {
      const { sales, assessed } = salesForTier(rng, profile, rng.chance(0.7) ? 'T1' : 'T2');
      const claim = Math.max(Math.ceil((assessed * rng.real(2.5, 7)) / 10_000) * 10_000, 600_000 + rng.int(0, 40) * 10_000);
      return { dailySales: sales, claimedLoss: claim };
    }
    case 'no-sales-data': {
      const claim = roundClaim(rng, 120_000, 900_000);
      const usualWeekly = Math.round((claim * rng.real(2.2, 4.5)) / 10_000) * 10_000;
      return { dailySales: [], claimedLoss: claim, ledger: { usualWeekly, outageWeek: usualWeekly - claim } };
    }
    case 'no-complete-baseline-week': {
      const { sales, assessed } = salesForTier(rng, profile, tier);
      const openedLate = role.occurrence % 2 === 1;
      const gapped = withMissingDays(rng, sales, openedLate ? 'opened-late' : 'pos-gaps');
      if (bestBaselineWeek(gapped) !== null) throw new Error('demo data: a gapped sales series still has a complete week');
      return { dailySales: gapped, claimedLoss: ordinaryClaim(rng, assessed), openedLate };
    }
    case 'duplicate-evidence':
      if (role.role === 'copy' && role.occurrence % 2 === 1 && original) {
        // The same POS export handed in twice: identical figures, identical CSV bytes.
        const sales = original.dailySales.map((s) => ({ ...s }));
        return { dailySales: sales, claimedLoss: ordinaryClaim(rng, assessedLoss(sales) ?? 0) };
      }
      break;
    default:
      break;
  }
  const { sales, assessed } = salesForTier(rng, profile, tier);
  return { dailySales: sales, claimedLoss: ordinaryClaim(rng, assessed) };
}
