/**
 * Storage running out, recognised in one place. IndexedDB refuses a write over the quota with a
 * DOMException named QuotaExceededError, which reaches the app in one of several wrappings: as
 * it is (a request's error), as Dexie's QuotaExceededError (the DOMException as its `inner`), as
 * Dexie's AbortError of the whole transaction (Chromium checks the quota when a transaction
 * commits, and aborts it: the DOMException is again `inner`), or among a BulkError's failures.
 * Any of them is the app's STORAGE_FULL (common/council-api.ts describeError), which the UI words
 * with the figures of what was used and what was left (StorageFullDetail.tsx).
 */
import type { ClientErrorCode } from '../council-api';

/** The quota of storage the browser lets the app use ran out: nothing of the failed write was kept. */
export const STORAGE_FULL = 'STORAGE_FULL' satisfies ClientErrorCode;

/** The names a quota error goes by: the standard one, and old Firefox's. */
const QUOTA_NAMES: ReadonlySet<unknown> = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Whether `err`, or an error it wraps (Dexie's inner, a cause, a bulk write's failures), is a quota error. */
export function isQuotaExceeded(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== 'object' || depth > 4) return false;
  const e = err as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (QUOTA_NAMES.has(e.name)) return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaExceeded(f, depth + 1));
}

/** The message a STORAGE_FULL error carries (the UI says it in its own words). */
export const STORAGE_FULL_MESSAGE = 'The storage space this app may use on this device ran out (QuotaExceededError): the write was refused and nothing of it was kept.';
