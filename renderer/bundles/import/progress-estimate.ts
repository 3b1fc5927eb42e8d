/** How far an import has come, and how long the rest should take at the rate so far. */
import type { ImportProgressEvent } from './import-outcome';

/** 0..1: by bytes when the bundle has evidence to read, else by cases. */
export function progressFraction(p: Pick<ImportProgressEvent, 'bytesRead' | 'bytesTotal' | 'casesRead' | 'casesTotal'>): number {
  const fraction = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : p.casesTotal > 0 ? p.casesRead / p.casesTotal : 0;
  return Math.min(1, Math.max(0, fraction));
}

/**
 * Seconds left, rounded: the rest at the rate measured since `rateFrom` (the first chunk written,
 * so that opening and checking the bundle's start, which take a while before any progress, do not
 * count as slowness), or since the start without it. Null until there is enough to go on.
 */
export function secondsLeft(p: ImportProgressEvent): number | null {
  const done = progressFraction(p);
  const from = p.rateFrom ?? { elapsedMs: 0, fraction: 0 };
  const ms = p.elapsedMs - from.elapsedMs;
  if (done <= from.fraction || ms < 250) return done >= 1 ? 0 : null;
  if (done >= 1) return 0;
  return Math.round(((ms / (done - from.fraction)) * (1 - done)) / 1000);
}
