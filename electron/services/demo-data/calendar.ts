/** Calendar helpers for ISO dates (YYYY-MM-DD), computed in UTC so no local time zone leaks in. */

import { KAKAO_1015_INCIDENT } from '../../../shared/kakao-1015';

const DAY_MS = 86_400_000;

export const INCIDENT = KAKAO_1015_INCIDENT;

export function toEpochDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = toEpochDay(from); d <= toEpochDay(to); d++) out.push(fromEpochDay(d));
  return out;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isInOutage(iso: string): boolean {
  return iso >= INCIDENT.outageFrom && iso <= INCIDENT.outageTo;
}

/** The outage week's dates, Saturday 15 to Friday 21 October 2022. */
export const OUTAGE_DATES: readonly string[] = datesBetween(INCIDENT.outageFrom, INCIDENT.outageTo);

/** The baseline period's dates, 1 September to 31 October 2022. */
export const BASELINE_DATES: readonly string[] = datesBetween(INCIDENT.baselineFrom, INCIDENT.baselineTo);

/**
 * The full Saturday-to-Friday weeks inside the baseline period that do not touch the outage:
 * the weeks the 1015 method may compare against (see FORMATS.md).
 */
export const BASELINE_WEEKS: readonly (readonly string[])[] = (() => {
  const weeks: string[][] = [];
  for (const start of BASELINE_DATES) {
    if (weekday(start) !== 6) continue;
    const week = datesBetween(start, addDays(start, 6));
    if (week[6]! > INCIDENT.baselineTo) continue;
    if (week.some(isInOutage)) continue;
    weeks.push(week);
  }
  return weeks;
})();

/** Public holidays of autumn 2022: Chuseok (9–12 Sep), Gaecheonjeol (3 Oct), Hangeul Day (9–10 Oct). */
export const HOLIDAYS: ReadonlySet<string> = new Set(['2022-09-09', '2022-09-10', '2022-09-11', '2022-09-12', '2022-10-03', '2022-10-09', '2022-10-10']);

/** The days before Chuseok when gifts and groceries sell. */
export const PRE_CHUSEOK: ReadonlySet<string> = new Set(['2022-09-03', '2022-09-04', '2022-09-05', '2022-09-06', '2022-09-07', '2022-09-08']);

/** ISO date-time in Korean time, e.g. 2023-02-03T11:20:00+09:00. */
export function koreanDateTime(iso: string, minuteOfDay: number): string {
  const h = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return `${iso}T${h}:${m}:00+09:00`;
}
