/**
 * The app's own engine (shared/assessment), used here only to shape the demo data so that claims
 * and the assessed loss agree for ordinary cases.
 */
import { assessCase, findTier } from '../../../shared/assessment';
import { KAKAO_1015_POLICY, kakao1015IncidentAndPolicy } from '../../../shared/kakao-1015';

export interface Sale {
  date: string;
  amount: number;
}

const { incident, policy } = kakao1015IncidentAndPolicy();

function assess(sales: readonly Sale[]) {
  return assessCase({ claimedLoss: 0, dailySales: [...sales], documents: [] }, incident, policy);
}

/** The largest total of a full, complete Saturday–Friday baseline week; null when none counts. */
export function bestBaselineWeek(sales: readonly Sale[]): number | null {
  return assess(sales).baseline?.total ?? null;
}

/** max(0, baseline - outage), or null when no baseline week counts. */
export function assessedLoss(sales: readonly Sale[]): number | null {
  return assess(sales).assessedLoss;
}

/** The demo policy's tier for a loss: T1, T2, T3, or null for no loss. */
export function tierOf(loss: number): 'T1' | 'T2' | 'T3' | null {
  return (findTier(KAKAO_1015_POLICY.tiers, loss)?.id ?? null) as 'T1' | 'T2' | 'T3' | null;
}
