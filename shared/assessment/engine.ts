/**
 * The 1015 method (FORMATS.md, "Assessed loss, tier suggestion and flags"): the outage week's
 * sales against the best complete week of the baseline period, the suggested tier and award, the
 * engine's flags, and the reasons. Pure: no I/O, no clock, integer KRW only.
 */
import type { CaseRecord } from '../schemas/case-record';
import type { Incident, Policy, Tier } from '../schemas/bundle-manifest';
import { isValidRegistrationNo } from '../registration-number';
import { WEEKDAYS, dayNumber, isoFromDayNumber, weekdayOf } from './days';
import { ENGINE_FLAGS, type Assessment, type Reason, type RejectedWeek, type WeekInfo } from './types';

/**
 * What the engine reads from a case. `business.registrationNo` is optional: when given, an invalid
 * number raises REGISTRATION_NO_INVALID (so a whole CaseRecord can be passed as it is).
 */
export type AssessableCase = Pick<CaseRecord, 'claimedLoss' | 'dailySales' | 'documents'> & {
  business?: { registrationNo: string };
};

const MISSING = -1;

const FLAG_BIT = Object.fromEntries(ENGINE_FLAGS.map((f, i) => [f, 1 << i])) as Record<(typeof ENGINE_FLAGS)[number], number>;

/**
 * The policy tier for an amount: minLoss <= amount <= maxLoss, the last tier open-ended
 * (its maxLoss, if any, is not a ceiling). Null below the first tier's minLoss.
 * Tier tables are checked at import (tierTableProblems): sorted, no gaps, no overlaps.
 */
export function findTier(tiers: readonly Tier[], amount: number): Tier | null {
  const last = tiers.length - 1;
  for (let i = 0; i <= last; i++) {
    const t = tiers[i]!;
    if (amount >= t.minLoss && (i === last || t.maxLoss === undefined || amount <= t.maxLoss)) return t;
  }
  return null;
}

interface Calendar {
  /** Day number of index 0. */
  lo: number;
  span: number;
  /** ISO date -> index, for every day the method reads. */
  index: Map<string, number>;
  isos: string[];
  weeks: { weekFrom: string; weekTo: string; first: number; fixedReject: 'outside-baseline' | 'touches-outage' | null }[];
  outageFirst: number;
  outageLast: number;
}

/** The days and candidate weeks an incident's method reads; depends on the incident's dates only. */
function buildCalendar(incident: Incident): Calendar {
  const baselineFrom = dayNumber(incident.baselineFrom);
  const baselineTo = dayNumber(incident.baselineTo);
  const outageFrom = dayNumber(incident.outageFrom);
  const outageTo = dayNumber(incident.outageTo);
  const startWeekday = WEEKDAYS.indexOf(incident.weekStartsOn);
  // Candidate weeks: every week starting on weekStartsOn that overlaps the baseline period.
  const firstStart = baselineFrom - ((weekdayOf(baselineFrom) - startWeekday + 7) % 7);
  const lo = Math.min(firstStart, outageFrom);
  const hi = Math.max(baselineTo + 6, outageTo);
  const span = hi >= lo ? hi - lo + 1 : 0;
  const isos: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < span; i++) {
    const iso = isoFromDayNumber(lo + i);
    isos.push(iso);
    index.set(iso, i);
  }
  const weeks: Calendar['weeks'] = [];
  for (let start = firstStart; start <= baselineTo; start += 7) {
    const end = start + 6;
    const fixedReject =
      start < baselineFrom || end > baselineTo ? 'outside-baseline' : start <= outageTo && end >= outageFrom ? 'touches-outage' : null;
    weeks.push({ weekFrom: isos[start - lo]!, weekTo: isos[end - lo]!, first: start - lo, fixedReject });
  }
  return { lo, span, index, isos, weeks, outageFirst: outageFrom - lo, outageLast: outageTo - lo };
}

// Memo of calendars by the incident's dates (not by object, so a mutated incident is never stale),
// with the last one kept apart: a bundle's cases all share one incident, so most calls compare five
// strings instead of building a key.
const calendars = new Map<string, Calendar>();
let last: { incident: Incident; dates: string[]; calendar: Calendar } | null = null;

function datesOf(incident: Incident): string[] {
  return [incident.baselineFrom, incident.baselineTo, incident.outageFrom, incident.outageTo, incident.weekStartsOn];
}

function calendarOf(incident: Incident): Calendar {
  if (last !== null && last.incident === incident) {
    const d = last.dates;
    if (d[0] === incident.baselineFrom && d[1] === incident.baselineTo && d[2] === incident.outageFrom && d[3] === incident.outageTo && d[4] === incident.weekStartsOn) {
      return last.calendar;
    }
  }
  const calendar = keyedCalendarOf(incident);
  last = { incident, dates: datesOf(incident), calendar };
  return calendar;
}

function keyedCalendarOf(incident: Incident): Calendar {
  const key = `${incident.baselineFrom}|${incident.baselineTo}|${incident.outageFrom}|${incident.outageTo}|${incident.weekStartsOn}`;
  let cal = calendars.get(key);
  if (cal === undefined) {
    if (calendars.size >= 64) calendars.clear();
    cal = buildCalendar(incident);
    calendars.set(key, cal);
  }
  return cal;
}

/**
 * Assesses one case. Duplicate dates in dailySales are not summed: the first occurrence is used
 * and a DUPLICATE_SALES_DATE reason says which amounts were ignored (only for dates the method
 * reads: the candidate weeks and the outage period). Sales outside those dates are ignored.
 */
export function assessCase(record: AssessableCase, incident: Incident, policy: Policy): Assessment {
  const reasons: Reason[] = [];
  let flagBits = 0; // bit i set: ENGINE_FLAGS[i] raised

  if (record.business !== undefined && !isValidRegistrationNo(record.business.registrationNo)) {
    flagBits |= FLAG_BIT.REGISTRATION_NO_INVALID;
    reasons.push({ code: 'REGISTRATION_NO_INVALID', registrationNo: record.business.registrationNo });
  }

  const cal = calendarOf(incident);
  const { span } = cal;

  // Sales for the days the method reads, by calendar index; MISSING where dailySales has none.
  // Dates are looked up as canonical YYYY-MM-DD (caseRecordSchema guarantees it); others are ignored.
  const sales: number[] = new Array<number>(span).fill(MISSING);
  let duplicates: Map<number, number[]> | undefined;
  const noSales = record.dailySales.length === 0;
  for (const sale of record.dailySales) {
    const i = cal.index.get(sale.date);
    if (i === undefined) continue;
    if (sales[i] === MISSING) sales[i] = sale.amount;
    else {
      duplicates ??= new Map();
      const list = duplicates.get(i);
      if (list) list.push(sale.amount);
      else duplicates.set(i, [sale.amount]);
    }
  }
  if (noSales) {
    flagBits |= FLAG_BIT.NO_SALES_DATA;
    reasons.push({ code: 'NO_SALES_DATA' });
  }
  if (duplicates) {
    for (const [i, ignored] of [...duplicates].sort((a, b) => a[0] - b[0])) {
      reasons.push({ code: 'DUPLICATE_SALES_DATE', date: cal.isos[i]!, usedAmount: sales[i]!, ignoredAmounts: ignored });
    }
  }

  // Candidate weeks, in date order. Per-week reasons are skipped when there are no sales at all
  // (every week would lack every day); rejectedWeeks still lists them.
  const countedWeeks: WeekInfo[] = [];
  const rejectedWeeks: RejectedWeek[] = [];
  let best: WeekInfo | null = null;
  for (const w of cal.weeks) {
    const { weekFrom, weekTo } = w;
    if (w.fixedReject !== null) {
      rejectedWeeks.push({ weekFrom, weekTo, reason: w.fixedReject });
      if (!noSales) reasons.push({ code: 'WEEK_REJECTED', weekFrom, weekTo, reason: w.fixedReject });
      continue;
    }
    let total = 0;
    let missingDays: string[] | undefined;
    for (let i = w.first; i < w.first + 7; i++) {
      const amount = sales[i]!;
      if (amount === MISSING) (missingDays ??= []).push(cal.isos[i]!);
      else total += amount;
    }
    if (missingDays) {
      rejectedWeeks.push({ weekFrom, weekTo, reason: 'missing-days', missingDays });
      if (!noSales) reasons.push({ code: 'WEEK_REJECTED', weekFrom, weekTo, reason: 'missing-days', missingDays: [...missingDays] });
      continue;
    }
    const week = { weekFrom, weekTo, total };
    countedWeeks.push(week);
    reasons.push({ code: 'WEEK_COUNTED', weekFrom, weekTo, total });
    if (best === null || total > best.total) best = week; // strict: ties keep the earliest
  }

  // The outage period: a missing day counts as 0 and is listed.
  let outageTotal = 0;
  const outageMissing: string[] = [];
  for (let i = cal.outageFirst; i <= cal.outageLast; i++) {
    const amount = sales[i]!;
    if (amount === MISSING) outageMissing.push(cal.isos[i]!);
    else outageTotal += amount;
  }
  const outage = { from: incident.outageFrom, to: incident.outageTo, total: outageTotal, missingDays: outageMissing };

  let assessedLoss: number | null = null;
  if (best === null) {
    flagBits |= FLAG_BIT.NO_COMPLETE_BASELINE_WEEK;
    reasons.push({ code: 'NO_COMPLETE_BASELINE_WEEK', baselineFrom: incident.baselineFrom, baselineTo: incident.baselineTo });
    reasons.push({ code: 'OUTAGE_TOTAL', from: outage.from, to: outage.to, total: outageTotal, missingDays: [...outageMissing] });
  } else {
    const tiedWith = countedWeeks.filter((w) => w !== best && w.total === best!.total).map((w) => w.weekFrom);
    reasons.push({ code: 'BASELINE_WEEK', weekFrom: best.weekFrom, weekTo: best.weekTo, total: best.total, countedWeeks: countedWeeks.length, tiedWith });
    reasons.push({ code: 'OUTAGE_TOTAL', from: outage.from, to: outage.to, total: outageTotal, missingDays: [...outageMissing] });
    assessedLoss = Math.max(0, best.total - outageTotal);
    reasons.push({ code: 'ASSESSED_LOSS', baseline: best.total, outage: outageTotal, assessedLoss });
  }

  const claimedLoss = record.claimedLoss;
  let basis: 'assessed' | 'claimed' = 'claimed';
  let suggestionAmount = claimedLoss;
  if (assessedLoss === null) {
    reasons.push({ code: 'SUGGESTION_CLAIMED', claimedLoss });
  } else {
    if (assessedLoss < claimedLoss) {
      basis = 'assessed';
      suggestionAmount = assessedLoss;
      flagBits |= FLAG_BIT.CLAIM_EXCEEDS_ASSESSED;
      reasons.push({ code: 'CLAIM_EXCEEDS_ASSESSED', claimedLoss, assessedLoss });
    }
    reasons.push({ code: 'SUGGESTION_MIN', claimedLoss, assessedLoss, amount: suggestionAmount, basis });
  }

  const tier = findTier(policy.tiers, suggestionAmount);
  if (tier === null) {
    reasons.push({ code: 'NO_TIER', amount: suggestionAmount, firstTierMin: policy.tiers[0]?.minLoss ?? 0 });
  } else {
    reasons.push({ code: 'TIER', amount: suggestionAmount, tierId: tier.id, minLoss: tier.minLoss, maxLoss: tier.maxLoss ?? null, award: tier.award });
  }

  const docs = record.documents;
  const missingKinds = policy.requiredDocuments.filter((k) => !docs.some((d) => d.kind === k));
  if (missingKinds.length > 0) {
    flagBits |= FLAG_BIT.MISSING_DOCUMENTS;
    reasons.push({ code: 'MISSING_DOCUMENTS', kinds: missingKinds });
  }

  return {
    assessedLoss,
    baseline: best === null ? null : { ...best },
    outage,
    countedWeeks,
    rejectedWeeks,
    basis,
    suggestionAmount,
    tier,
    award: tier === null ? null : tier.award,
    flags: flagBits === 0 ? [] : ENGINE_FLAGS.filter((_, i) => (flagBits & (1 << i)) !== 0),
    reasons,
  };
}
