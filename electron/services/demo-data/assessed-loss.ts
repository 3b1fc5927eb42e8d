/**
 * The 1015 method (FORMATS.md), used here only to shape the demo data so that claims and the
 * assessed loss agree for ordinary cases. The app's own engine lives in shared/.
 */
import { BASELINE_WEEKS, OUTAGE_DATES } from './calendar';

export interface Sale {
  date: string;
  amount: number;
}

/** The largest total of a full, complete Saturday–Friday baseline week; null when none counts. */
export function bestBaselineWeek(sales: readonly Sale[]): number | null {
  const byDate = new Map(sales.map((s) => [s.date, s.amount]));
  let best: number | null = null;
  for (const week of BASELINE_WEEKS) {
    if (!week.every((d) => byDate.has(d))) continue;
    const total = week.reduce((sum, d) => sum + byDate.get(d)!, 0);
    if (best === null || total > best) best = total;
  }
  return best;
}

/** The outage week's sales; a missing day counts as 0. */
export function outageWeekSales(sales: readonly Sale[]): number {
  const byDate = new Map(sales.map((s) => [s.date, s.amount]));
  return OUTAGE_DATES.reduce((sum, d) => sum + (byDate.get(d) ?? 0), 0);
}

/** max(0, baseline - outage), or null when no baseline week counts. */
export function assessedLoss(sales: readonly Sale[]): number | null {
  const baseline = bestBaselineWeek(sales);
  return baseline === null ? null : Math.max(0, baseline - outageWeekSales(sales));
}

/** The demo policy's tiers: T1 up to 300,000, T2 up to 500,000, T3 above; null for no loss. */
export function tierOf(loss: number): 'T1' | 'T2' | 'T3' | null {
  if (loss < 1) return null;
  if (loss <= 300_000) return 'T1';
  if (loss <= 500_000) return 'T2';
  return 'T3';
}
