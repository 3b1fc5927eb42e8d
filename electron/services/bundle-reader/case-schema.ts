/**
 * The case schema as the reader runs it, fast: shared/schemas/case-record.ts decides. A sound case
 * is accepted by the compiled check (case-fast-check.ts) without zod; any other is parsed here,
 * where zod gives its problems their words and paths, with one shortcut. A case carries dozens of daily sales, and zod spends most of a case's time on them
 * (an object, a date that must exist on the calendar, an amount, each). So the daily sales are
 * first checked by a plain loop that accepts only what the shared schema accepts (exactly the keys
 * date and amount, a whole amount in range, a date whose verdict from the shared calendar check
 * is remembered); anything it does not accept goes to the shared schema itself, which gives the
 * problems their words and paths. Everything else is parsed by the shared schema as it is.
 */
import { z } from 'zod';
import { MAX_AMOUNT_KRW } from '../../../shared/schemas/amounts';
import { caseRecordSchema, type CaseRecord } from '../../../shared/schemas/case-record';
import { fastCaseRecord, isSoundDate } from './case-fast-check';

function isSoundDailySale(item: unknown): boolean {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  let keys = 0;
  for (const key in item) {
    if (key !== 'date' && key !== 'amount') return false;
    keys += 1;
  }
  if (keys !== 2) return false;
  const { date, amount } = item as { date: unknown; amount: unknown };
  return typeof amount === 'number' && Number.isSafeInteger(amount) && amount >= 0 && amount <= MAX_AMOUNT_KRW && typeof date === 'string' && isSoundDate(date);
}

const sharedDailySales = caseRecordSchema.shape.dailySales;
/** The shared list's own checks (its maximum length), without looking at the items again. */
const listChecksOnly = z.array(z.unknown()).check(...((sharedDailySales.def.checks ?? []) as z.core.$ZodCheck<unknown[]>[]));
const caseWithoutDailySales = caseRecordSchema.extend({ dailySales: z.unknown().optional() });

/** The same problems the shared schema finds, each with its path inside the case. */
export interface CaseIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
}

export type CaseParse = { success: true; data: CaseRecord } | { success: false; issues: CaseIssue[] };

function dailySalesAreSound(list: unknown): list is CaseRecord['dailySales'] {
  return Array.isArray(list) && list.every(isSoundDailySale) && listChecksOnly.safeParse(list).success;
}

const withPath = (issues: readonly CaseIssue[], prefix: PropertyKey[]): CaseIssue[] => issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** The shared schema's verdict on a case line's JSON: the record (registrationNo without hyphens), or every problem. */
export function parseCaseRecord(json: unknown): CaseParse {
  const fast = fastCaseRecord(json);
  return fast !== null ? { success: true, data: fast } : zodCaseRecord(json);
}

/** zod's own verdict, with every problem: for JSON the compiled check did not accept. */
export function zodCaseRecord(json: unknown): CaseParse {
  const rest = caseWithoutDailySales.safeParse(json);
  const issues = rest.success ? [] : withPath(rest.error.issues, []);
  const isObject = json !== null && typeof json === 'object' && !Array.isArray(json);
  const raw = isObject ? (json as { dailySales?: unknown }).dailySales : undefined;
  let dailySales: CaseRecord['dailySales'] | null = null;
  if (dailySalesAreSound(raw)) {
    dailySales = raw;
  } else if (isObject) {
    const daily = sharedDailySales.safeParse(raw);
    if (daily.success) dailySales = daily.data;
    else issues.push(...withPath(daily.error.issues, ['dailySales']));
  }
  if (!rest.success || dailySales === null || issues.length > 0) return { success: false, issues };
  const record = rest.data as CaseRecord;
  record.dailySales = dailySales;
  return { success: true, data: record };
}
