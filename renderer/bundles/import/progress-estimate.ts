/** How far an import has come, and how long the rest should take at the rate so far. */
import type { ImportProgressEvent } from './import-outcome';

/** 0..1: by bytes when the bundle has evidence to read, else by cases. */
export function progressFraction(p: Pick<ImportProgressEvent, 'bytesRead' | 'bytesTotal' | 'casesRead' | 'casesTotal'>): number {
  const fraction = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : p.casesTotal > 0 ? p.casesRead / p.casesTotal : 0;
  return Math.min(1, Math.max(0, fraction));
}

/**
 * Seconds left at `nowMs` (on the clock of p.elapsedMs; by default the moment of the progress
 * itself), rounded: the rest at the rate measured from `rateFrom` to this progress (from the start
 * without it), less the time since this progress, since the work goes on between two progress
 * events (so the time shown counts down between them rather than standing still while a chunk is
 * written). At least 1 until the import is done. Null until there is enough to go on.
 *
 * The import sets `rateFrom` to the moment writing began: opening and checking the bundle's start,
 * which take a while before any progress, do not count as slowness, but the first chunks do. Had
 * the rate been measured from the first chunk written, the next few, which the main process has
 * read ahead meanwhile and hands over at once, would make the first 10 or 20% look faster than
 * the rest (replayed against four recorded imports of the benchmark's realistic batch on a
 * quieter machine: 23-33% off at worst after the first 10%, against 18-22%). An average over the last few seconds, or
 * an exponentially weighted rate (time constants of 1 to 8 s, or a share of the time so far), was
 * no nearer at its worst in those replays, and further off beside other work: the rate then
 * swings from second to second with whatever else the machine runs, and a short window follows
 * each swing.
 */
export function secondsLeft(p: ImportProgressEvent, nowMs: number = p.elapsedMs): number | null {
  const done = progressFraction(p);
  if (done >= 1) return 0;
  const from = p.rateFrom ?? { elapsedMs: 0, fraction: 0 };
  const ms = p.elapsedMs - from.elapsedMs;
  if (done <= from.fraction || ms < 250) return null;
  const atProgress = (ms / (done - from.fraction)) * (1 - done);
  const since = Math.max(0, nowMs - p.elapsedMs);
  return Math.max(1, Math.round((atProgress - since) / 1000));
}
