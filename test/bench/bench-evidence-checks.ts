/**
 * What the screen showed during an import of the realistic batch, judged against what happened
 * (test/bench/page/evidence-bench.ts records both): whether the bar followed the bytes, and how far
 * the time left it showed was from the real time left.
 */
import type { UiImportResult } from './page/evidence-bench';

/**
 * Does the bar follow the bytes? At every moment it was looked at, the percent it showed must lie
 * between the bytes of the chunks received then less the last two (one may still be being written
 * while the next has already been fetched) and the bytes received, in whole percent (the bar shows
 * floor(percent)). The bytes are counted from the chunks themselves, not from what they say.
 * Returns the largest distance outside that range, in percentage points, and the longest time
 * the bar stood still.
 */
export function barFollowsBytes(run: UiImportResult): { worstPoints: number; lastPercent: number; longestStillMs: number } {
  const data = run.arrivals.filter((a) => a.kind === 'data');
  let worst = 0;
  let lastPercent = 0;
  let stillSince = run.startedAt;
  let longestStill = 0;
  let previous: number | null = null;
  for (const sample of run.shown) {
    if (sample.percent === null) continue;
    const received = data.filter((a) => a.t <= sample.t);
    const bytes = received.reduce((sum, a) => sum + a.bytes, 0);
    const inFlight = received.slice(-2).reduce((sum, a) => sum + a.bytes, 0);
    const high = Math.floor((100 * bytes) / run.bytesTotal);
    const low = Math.floor((100 * (bytes - inFlight)) / run.bytesTotal) - 1;
    worst = Math.max(worst, sample.percent - high, low - sample.percent);
    lastPercent = sample.percent;
    if (sample.percent !== previous) {
      longestStill = Math.max(longestStill, sample.t - stillSince);
      stillSince = sample.t;
      previous = sample.percent;
    }
  }
  return { worstPoints: worst, lastPercent, longestStillMs: longestStill };
}

/**
 * The time left shown against the real time left (until the screen showed the outcome), at every
 * moment looked at once the bar showed 10%, while at least `floorS` seconds were really left (the
 * screen shows whole seconds: with 2 s left, rounding alone can be 25% off).
 */
export function timeLeftError(run: UiImportResult, floorS = 3): { worst: number; worstAbsS: number; samples: number; at: string } {
  let worst = 0;
  let worstAbs = 0;
  let samples = 0;
  let at = '';
  for (const s of run.shown) {
    if (s.percent === null || s.percent < 10 || s.secondsLeft === null) continue;
    const actual = (run.shownAt - s.t) / 1000;
    worstAbs = Math.max(worstAbs, Math.abs(s.secondsLeft - actual));
    if (actual < floorS) continue;
    samples += 1;
    const error = Math.abs(s.secondsLeft - actual) / actual;
    if (error > worst) {
      worst = error;
      at = `${s.secondsLeft} s shown at ${s.percent}% with ${actual.toFixed(1)} s left`;
    }
  }
  return { worst, worstAbsS: worstAbs, samples, at };
}

/**
 * How steady the import's own pace was: the milliseconds each tenth of the bytes took (from the
 * progress the page was given). The time left follows the rate so far, so it can be no nearer
 * than the pace of the rest is to the pace before.
 */
export function paceByTenths(run: UiImportResult): number[] {
  const tenths: number[] = [];
  for (let b = 0; b < 10; b += 1) {
    const from = run.progress.find((p) => p.bytesRead >= (b / 10) * run.bytesTotal);
    const to = run.progress.find((p) => p.bytesRead >= ((b + 1) / 10) * run.bytesTotal) ?? run.progress[run.progress.length - 1];
    if (from && to) tenths.push(Math.round(to.t - from.t));
  }
  return tenths;
}
