/**
 * Daily sales of a demo business from 1 September to 31 October 2022: its weekly rhythm, the
 * holidays, some noise, and the dip of the outage week (15–21 October) sized so that the 1015
 * method finds the loss the case aims at.
 */
import { bestBaselineWeek, type Sale } from './assessed-loss';
import { BASELINE_DATES, BASELINE_WEEKS, HOLIDAYS, OUTAGE_DATES, PRE_CHUSEOK, isInOutage, weekday } from './calendar';
import type { CategoryProfile } from './categories';
import type { Random } from './random';

export interface SalesShape {
  /** A typical day's sales before weekday and holiday factors, KRW. */
  base: number;
  /** How much of its sales went through Kakao: scales the outage profile (0..1). */
  dependence: number;
  /** Regular closing weekday (0 = Sunday), or null when open every day. */
  closingDay: number | null;
}

/** The outage days' weekday factors times the outage profile: how exposed a business of this kind was. */
export function outageExposure(profile: CategoryProfile, closingDay: number | null = null): number {
  return OUTAGE_DATES.reduce((sum, date, i) => {
    const day = weekday(date);
    return day === closingDay ? sum : sum + profile.weekdayFactor[day]! * profile.outageProfile[i]!;
  }, 0);
}

/** The most a business of this kind could plausibly lose in the outage week, KRW. */
export function largestPlausibleLoss(profile: CategoryProfile): number {
  const appOnly = profile.category === 'taxi' || profile.category === 'designated-driver';
  return Math.round(profile.dailySales[1] * outageExposure(profile) * (appOnly ? 1 : 0.9));
}

/**
 * The best of seven noisy baseline weeks runs a few percent above an ordinary week; that gap
 * counts as loss too, so the shape plans for it (as a share of an ordinary week).
 */
const BEST_WEEK_MARGIN = 0.06;

/**
 * Chooses a business's size and dependence on Kakao so that the outage costs it about `loss`.
 * App-only work (taxis, designated drivers) mostly stopped outright on the first days, so their
 * dependence is high and the size follows from the loss; other businesses have a size of their
 * kind and the dependence follows.
 */
export function planShape(rng: Random, profile: CategoryProfile, loss: number): SalesShape {
  const closingDay = rng.chance(profile.closingDayChance) ? rng.pick([1, 1, 1, 2, 3]) : null;
  const exposure = outageExposure(profile, closingDay);
  const weekFactor = profile.weekdayFactor.reduce((sum, f, day) => (day === closingDay ? sum : sum + f), 0);
  const [smallest, largest] = profile.dailySales;
  const baseFor = (dependence: number) => loss / (dependence * exposure + BEST_WEEK_MARGIN * weekFactor);
  const dependenceFor = (base: number) => (loss / base - BEST_WEEK_MARGIN * weekFactor) / exposure;
  const appOnly = profile.category === 'taxi' || profile.category === 'designated-driver';
  let dependence: number;
  let base: number;
  if (appOnly) {
    dependence = rng.chance(0.75) ? rng.real(0.85, 1) : rng.real(0.4, 0.85);
    base = baseFor(dependence);
    if (base < smallest * 0.6) base = smallest * rng.real(0.6, 1);
    if (base > largest) base = largest;
    dependence = dependenceFor(base);
  } else {
    // A small loss means a small business: in a big one the gap between the best week and an
    // ordinary one alone would exceed it, and the outage week would show no dip.
    base = Math.min(rng.logReal(smallest, largest), baseFor(rng.real(0.08, 0.2)));
    dependence = dependenceFor(base);
  }
  const maxDependence = appOnly ? 1 : 0.9;
  if (dependence > maxDependence) {
    dependence = rng.real(0.6, maxDependence);
    base = baseFor(dependence);
  }
  // A lightly hit business keeps its size; the generator finds the small dip it needs.
  dependence = Math.max(0.02, dependence);
  return { base, dependence, closingDay };
}

function roundTo100(amount: number): number {
  return Math.max(0, Math.round(amount / 100) * 100);
}

/** What the business would have sold on a day with no outage. */
function usualDay(rng: Random, profile: CategoryProfile, shape: SalesShape, date: string): number {
  const day = weekday(date);
  if (day === shape.closingDay && !HOLIDAYS.has(date)) return 0;
  let amount = shape.base * profile.weekdayFactor[day]!;
  if (HOLIDAYS.has(date)) amount = shape.base * Math.max(profile.weekdayFactor[0]!, 0.5) * profile.holidayFactor;
  if (PRE_CHUSEOK.has(date)) amount *= profile.preChuseokFactor;
  amount *= Math.max(0.7, 1 + 0.07 * rng.gauss());
  if (rng.chance(0.015)) amount *= rng.real(1.3, 1.6); // a group booking, a big order
  return amount;
}

export type OutageEffect = { kind: 'loss'; loss: number } | { kind: 'none' };

/**
 * Every day of the baseline period. With a `loss` effect the outage days are scaled so that the
 * best baseline week minus the outage week is close to the loss; with `none` the outage week
 * sells at least as much as the best baseline week (no loss shown).
 */
export function generateDailySales(rng: Random, profile: CategoryProfile, shape: SalesShape, effect: OutageEffect): Sale[] {
  const usual = new Map(BASELINE_DATES.map((date) => [date, usualDay(rng, profile, shape, date)]));
  const sales: Sale[] = BASELINE_DATES.map((date) => ({ date, amount: isInOutage(date) ? 0 : roundTo100(usual.get(date)!) }));
  const baseline = bestBaselineWeek(sales) ?? 0;
  const usualOutage = OUTAGE_DATES.map((date) => usual.get(date)!);
  const profileAt = (i: number) => profile.outageProfile[i]!;
  let outage: number[];
  if (effect.kind === 'loss') {
    // Solve for the dependence that gives the loss exactly: outage = N - dependence * P.
    const usualTotal = usualOutage.reduce((a, b) => a + b, 0);
    const exposed = usualOutage.reduce((sum, amount, i) => sum + amount * profileAt(i), 0);
    const solved = exposed > 0 ? (usualTotal - baseline + effect.loss) / exposed : 0;
    // A hard-hit business (most taxis and drivers) keeps its near-zero first days; the recovery
    // days (Tuesday to Friday) absorb the difference, as pent-up demand came back.
    const hardHit = shape.dependence >= 0.85 && solved < shape.dependence;
    const dependence = hardHit ? shape.dependence : Math.min(1, Math.max(0.02, solved));
    outage = usualOutage.map((amount, i) => amount * (1 - dependence * profileAt(i)));
    const wanted = baseline - effect.loss;
    if (hardHit) {
      const firstDays = outage.slice(0, 3).reduce((a, b) => a + b, 0);
      const recovery = outage.slice(3).reduce((a, b) => a + b, 0);
      const scale = recovery > 0 ? Math.min(1.3, Math.max(0.6, (wanted - firstDays) / recovery)) : 1;
      outage = outage.map((amount, i) => (i >= 3 ? amount * scale : amount));
    } else if (dependence !== solved) {
      // Only when the dip alone cannot reach the loss, scale the whole week a little.
      const total = outage.reduce((a, b) => a + b, 0);
      // Never much above a usual week: a lightly hit business simply shows a larger loss.
      const scale = total > 0 ? Math.min(1.08, Math.max(0.6, wanted / total)) : 1;
      outage = outage.map((amount) => amount * scale);
    }
  } else {
    outage = usualOutage.map((amount) => amount * rng.real(0.98, 1.06));
    const total = outage.reduce((a, b) => a + b, 0);
    const wanted = baseline * rng.real(1.005, 1.04);
    if (total < wanted && total > 0) outage = outage.map((amount) => (amount * wanted) / total);
  }
  OUTAGE_DATES.forEach((date, i) => {
    sales.find((s) => s.date === date)!.amount = roundTo100(outage[i]!);
  });
  if (effect.kind === 'none') {
    // No loss shown: after rounding, make sure the outage week sells at least the best baseline week.
    const total = OUTAGE_DATES.reduce((sum, d) => sum + sales.find((s) => s.date === d)!.amount, 0);
    if (total < baseline) sales.find((s) => s.date === OUTAGE_DATES[6])!.amount += roundTo100(baseline - total + 100);
  }
  return sales;
}

/**
 * Takes days out of a sales series so that no baseline week is complete.
 * `pos-gaps`: the POS lost one or two days in every week. `opened-late`: the business opened on
 * 4 October and did not record its closed Sundays.
 */
export function withMissingDays(rng: Random, sales: readonly Sale[], mode: 'pos-gaps' | 'opened-late'): Sale[] {
  if (mode === 'opened-late') return sales.filter((s) => s.date >= '2022-10-04' && weekday(s.date) !== 0);
  const missing = new Set<string>();
  for (const week of BASELINE_WEEKS) {
    missing.add(rng.pick(week));
    if (rng.chance(0.4)) missing.add(rng.pick(week));
  }
  return sales.filter((s) => !missing.has(s.date));
}
