import { z } from 'zod';

/** The largest amount any bundle may carry: 10 trillion KRW (FORMATS.md). */
export const MAX_AMOUNT_KRW = 10_000_000_000_000;

/** Money is integer KRW everywhere: no fractions, no negatives, no floating-point surprises. */
export const amountKrw = z
  .number({ error: 'must be a number of won' })
  .int({ error: 'must be a whole number of won (no decimals)' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_AMOUNT_KRW, { error: 'is larger than 10,000,000,000,000 won' });

/** True for a date like 2022-10-15 that exists on the calendar (not 2022-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** ISO 8601 calendar date, e.g. 2022-10-15, that exists on the calendar. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2022-10-15' })
  .refine(isCalendarDate, { error: 'is not a real calendar date' });

/** ISO 8601 date-time with an explicit offset, e.g. 2023-03-02T14:00:00+09:00. */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'must be a date and time with an offset, like 2023-03-02T14:00:00+09:00' });
