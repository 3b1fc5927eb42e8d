/**
 * The daily-sales chart's geometry, pure: one bar per date (the first figure of a date, as the tier
 * engine uses), a day axis that also covers the baseline week and the outage, the two weeks as
 * shaded ranges, the outage days with no figure, and y-axis ticks. The SVG component only draws it.
 */
import { dayNumber, isoFromDayNumber, weekdayOf } from '../../../shared/assessment/days';
import type { Assessment } from '../../../shared/assessment/types';

export interface DailySale {
  date: string;
  amount: number;
}

export interface ChartBar {
  date: string;
  amount: number;
  x: number;
  y: number;
  width: number;
  height: number;
  inBaseline: boolean;
  inOutage: boolean;
}

export interface ChartRange {
  from: string;
  to: string;
  total: number;
  x: number;
  width: number;
}

export interface SalesChartModel {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: ChartBar[];
  yTicks: { value: number; y: number }[];
  /** Saturdays (the first day of every Saturday-to-Friday week), labelled MM-DD. */
  xLabels: { date: string; label: string; x: number }[];
  baseline: ChartRange | null;
  outage: ChartRange;
  /** Outage days with no daily sales figure. */
  missingDays: { date: string; x: number; width: number }[];
  /** The dates as used (first figure per date), in date order: for the table beside the chart. */
  sales: DailySale[];
}

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 300;
const MARGIN = { left: 72, right: 12, top: 40, bottom: 32 };

/** 1, 2 or 5 times a power of ten, so that about `count` steps reach `max`. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return Math.max(1, step);
}

/** The first figure of every date, in date order (later figures of a date are ignored). */
export function firstSalePerDate(dailySales: readonly DailySale[]): DailySale[] {
  const seen = new Map<string, DailySale>();
  for (const sale of dailySales) {
    if (!seen.has(sale.date) && Number.isFinite(dayNumber(sale.date))) seen.set(sale.date, sale);
  }
  return [...seen.values()].sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
}

/** null when there are no daily sales at all. */
export function salesChartModel(dailySales: readonly DailySale[], assessment: Assessment): SalesChartModel | null {
  const sales = firstSalePerDate(dailySales);
  if (sales.length === 0) return null;
  const days = sales.map((s) => dayNumber(s.date));
  const outageFrom = dayNumber(assessment.outage.from);
  const outageTo = dayNumber(assessment.outage.to);
  const baseline = assessment.baseline;
  const extra = [outageFrom, outageTo];
  if (baseline) extra.push(dayNumber(baseline.weekFrom), dayNumber(baseline.weekTo));
  const all = [...days, ...extra.filter((d) => Number.isFinite(d))];
  const first = Math.min(...all);
  const last = Math.max(...all);
  const dayCount = last - first + 1;

  const plot = { left: MARGIN.left, top: MARGIN.top, right: CHART_WIDTH - MARGIN.right, bottom: CHART_HEIGHT - MARGIN.bottom };
  const band = (plot.right - plot.left) / dayCount;
  const xOf = (day: number) => plot.left + (day - first) * band;
  const maxAmount = Math.max(1, ...sales.map((s) => s.amount));
  const step = niceStep(maxAmount);
  const top = Math.ceil(maxAmount / step) * step;
  const yOf = (amount: number) => plot.bottom - (amount / top) * (plot.bottom - plot.top);

  const inRange = (day: number, from: number, to: number) => day >= from && day <= to;
  const baseFrom = baseline ? dayNumber(baseline.weekFrom) : Number.NaN;
  const baseTo = baseline ? dayNumber(baseline.weekTo) : Number.NaN;
  const barWidth = Math.max(1, band * 0.72);
  const bars: ChartBar[] = sales.map((s, i) => {
    const day = days[i]!;
    const y = yOf(Math.max(0, s.amount));
    return {
      date: s.date,
      amount: s.amount,
      x: xOf(day) + (band - barWidth) / 2,
      y,
      width: barWidth,
      height: plot.bottom - y,
      inBaseline: inRange(day, baseFrom, baseTo),
      inOutage: inRange(day, outageFrom, outageTo),
    };
  });

  const yTicks: { value: number; y: number }[] = [];
  for (let v = 0; v <= top; v += step) yTicks.push({ value: v, y: yOf(v) });

  const xLabels: SalesChartModel['xLabels'] = [];
  for (let d = first; d <= last; d += 1) {
    if (weekdayOf(d) === 6) {
      const iso = isoFromDayNumber(d);
      xLabels.push({ date: iso, label: iso.slice(5), x: xOf(d) + band / 2 });
    }
  }

  const range = (from: string, to: string, total: number): ChartRange => {
    const a = dayNumber(from);
    const b = dayNumber(to);
    return { from, to, total, x: xOf(a), width: (b - a + 1) * band };
  };

  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot,
    bars,
    yTicks,
    xLabels,
    baseline: baseline ? range(baseline.weekFrom, baseline.weekTo, baseline.total) : null,
    outage: range(assessment.outage.from, assessment.outage.to, assessment.outage.total),
    missingDays: assessment.outage.missingDays
      .map((date) => dayNumber(date))
      .filter((d) => Number.isFinite(d))
      .map((d) => ({ date: isoFromDayNumber(d), x: xOf(d), width: band })),
    sales,
  };
}
