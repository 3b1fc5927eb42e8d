/**
 * A database read that runs again whenever what it read changes (Dexie's liveQuery): the setup
 * screen then shows what the room (or another screen) wrote without being told.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { describeError } from '../common/council-api';
import type { AsyncValue } from '../common/use-async-value';

export function useLiveValue<T>(read: () => Promise<T>, deps: readonly unknown[]): AsyncValue<T> {
  const [result, setResult] = useState<AsyncValue<T>>({ state: 'loading' });
  useEffect(() => {
    setResult({ state: 'loading' });
    const subscription = liveQuery(read).subscribe({
      next: (value) => setResult({ state: 'done', value }),
      error: (err: unknown) => setResult({ state: 'failed', error: describeError(err) }),
    });
    return () => subscription.unsubscribe();
    // The caller names what the read depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
