/**
 * The browser's storage for the renderer tests: jsdom has no navigator.storage, so a test that is
 * about the storage puts a stand-in there (estimate, persist, persisted as vi.fn over figures it
 * can change as it goes), and takes it away after (unstubStorage). And a table's write that runs
 * out of storage: Chromium's IndexedDB refuses it with a DOMException named QuotaExceededError,
 * which is what the chosen call rejects with here, inside whatever transaction it is in.
 */
import { vi } from 'vitest';
import type { Table } from 'dexie';

export interface StorageState {
  /** Bytes in use, as estimate() says. */
  usage: number;
  /** The quota, as estimate() says. */
  quota: number;
  /** Whether the storage is persistent now (persisted()). */
  persisted: boolean;
  /** Whether persist() is granted. */
  grants: boolean;
}

export function stubStorage(initial: Partial<StorageState> = {}) {
  const state: StorageState = { usage: 0, quota: 1_000_000_000, persisted: false, grants: true, ...initial };
  const manager = {
    estimate: vi.fn(async (): Promise<StorageEstimate> => ({ usage: state.usage, quota: state.quota })),
    persist: vi.fn(async () => {
      if (state.grants) state.persisted = true;
      return state.persisted;
    }),
    persisted: vi.fn(async () => state.persisted),
  };
  Object.defineProperty(window.navigator, 'storage', { configurable: true, value: manager });
  return { state, manager };
}

/** Back to jsdom's navigator, without a StorageManager. */
export function unstubStorage(): void {
  Reflect.deleteProperty(window.navigator, 'storage');
}

/** The error Chromium's IndexedDB gives a write over the quota. */
export function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

type Method = 'bulkPut' | 'bulkAdd' | 'put' | 'add';

/**
 * Makes `table[method]` refuse with QuotaExceededError from its call number `from` (1-based) on,
 * the calls before it written as usual; `onFull` runs as it refuses (a test makes estimate() say
 * the storage is full then). Returns the spy: `mockRestore()` lifts it.
 */
export function runOutOfStorage<T, K>(table: Table<T, K>, method: Method, from = 1, onFull?: () => void) {
  const original = (table[method] as (...args: unknown[]) => Promise<unknown>).bind(table);
  let calls = 0;
  return vi.spyOn(table as unknown as Record<Method, (...args: unknown[]) => Promise<unknown>>, method).mockImplementation((...args: unknown[]) => {
    calls += 1;
    if (calls < from) return original(...args);
    onFull?.();
    return Promise.reject(quotaExceeded());
  });
}
