/**
 * Values kept the same from one render of the room to the next while what they say is the same,
 * so the room's memoised panels skip a render when a vote changes only the votes: callbacks that
 * call the latest render's function, and a value kept while its key (its content) is unchanged.
 */
import { useMemo, useRef } from 'react';

type Callbacks = Record<string, (...args: never[]) => unknown>;

/** The same functions every render, each calling the one of the latest render. */
export function useSameCallbacks<T extends Callbacks>(fns: T): T {
  const latest = useRef(fns);
  latest.current = fns;
  return useMemo(
    () => Object.fromEntries(Object.keys(latest.current).map((name) => [name, (...args: never[]) => latest.current[name]!(...args)])) as T,
    [],
  );
}

/** `value`, or the one of an earlier render with the same key. */
export function useSameContent<T>(value: T, key: string): T {
  const kept = useRef<{ key: string; value: T } | null>(null);
  if (kept.current === null || kept.current.key !== key) kept.current = { key, value };
  return kept.current.value;
}

/** A set kept while it holds the same members (in any order). */
export function useSameSet<T extends string>(set: ReadonlySet<T>): ReadonlySet<T> {
  return useSameContent(set, [...set].sort().join('\u0000'));
}
