/** How far an import has come, and how long the rest should take at the rate so far. */
import type { ImportProgressEvent } from './import-outcome';

/** 0..1: by bytes when the bundle has evidence to read, else by cases. */
export function progressFraction(p: Pick<ImportProgressEvent, 'bytesRead' | 'bytesTotal' | 'casesRead' | 'casesTotal'>): number {
  const fraction = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : p.casesTotal > 0 ? p.casesRead / p.casesTotal : 0;
  return Math.min(1, Math.max(0, fraction));
}

/** Seconds left, rounded; null until there is enough to go on (some progress, some time). */
export function secondsLeft(p: ImportProgressEvent): number | null {
  const done = progressFraction(p);
  if (done <= 0 || p.elapsedMs < 250) return null;
  if (done >= 1) return 0;
  return Math.round(((p.elapsedMs / done) * (1 - done)) / 1000);
}
