/** Runs an async read (Dexie or the API) when the component mounts and when deps change. */
import { useEffect, useState } from 'react';
import { describeError, type ErrorInfo } from './council-api';

export type AsyncValue<T> =
  | { state: 'loading' }
  | { state: 'done'; value: T }
  | { state: 'failed'; error: ErrorInfo };

export function useAsyncValue<T>(read: () => Promise<T>, deps: readonly unknown[]): AsyncValue<T> {
  const [result, setResult] = useState<AsyncValue<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    read().then(
      (value) => {
        if (current) setResult({ state: 'done', value });
      },
      (err: unknown) => {
        if (current) setResult({ state: 'failed', error: describeError(err) });
      },
    );
    return () => {
      current = false;
    };
    // The caller names what the read depends on, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
