/**
 * The clock the import panel's time left is read at: the elapsed time of the last progress plus
 * the time since it came, re-read every TICK_MS while the import runs, so that the time left
 * counts down between two progress events instead of standing still while a chunk is written.
 */
import { useEffect, useReducer } from 'react';
import type { ImportProgressEvent } from './import-outcome';

/** How often the panel looks at the clock again: often enough that a whole second shown is never a second late. */
export const TICK_MS = 250;

/** The import's elapsed milliseconds now, given its last progress and when that came (`at`, on `clock`). */
export function elapsedNow(progress: Pick<ImportProgressEvent, 'elapsedMs'>, at: number, clockNow: number): number {
  return progress.elapsedMs + Math.max(0, clockNow - at);
}

/** elapsedNow, re-rendering every TICK_MS while there is progress; null without progress. */
export function useElapsedNow(progress: ImportProgressEvent | null, at: number | null, clock: () => number = () => performance.now()): number | null {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const ticking = progress !== null && at !== null;
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [ticking]);
  return progress !== null && at !== null ? elapsedNow(progress, at, clock()) : null;
}
