/**
 * The case-line workers kept warm between reads in one process: starting a worker thread and
 * compiling its code costs some 40-60 ms of a core, and a fresh worker checks its first thousands
 * of lines with code not yet optimised, on every read. So a read that ends with its pool idle
 * leaves it here; the next read asking for the same script and number of workers takes it (a
 * pool in use is never shared). One pool is kept at most, for WARM_MS; its workers do not keep
 * the process alive meanwhile (the CLI still exits at once), and a pool that failed, was aborted
 * or has batches outstanding is ended, never kept.
 */
import { CaseLinePool } from './case-line-pool';

const WARM_MS = 60_000;

let warm: { pool: CaseLinePool; script: string; timer: ReturnType<typeof setTimeout> } | null = null;

/** A pool of `count` workers running `script`: the warm one when it fits, else a new one. */
export function takeCaseLinePool(script: string, count: number): CaseLinePool {
  if (warm !== null && warm.script === script && warm.pool.size === count && warm.pool.idle) {
    const { pool, timer } = warm;
    clearTimeout(timer);
    warm = null;
    pool.holdProcess(true);
    return pool;
  }
  return new CaseLinePool(script, count);
}

/** A read is done with `pool`: kept warm for the next when idle (ending the one kept before), else ended. */
export function releaseCaseLinePool(pool: CaseLinePool | null | undefined, script: string | null): void {
  if (pool === null || pool === undefined || warm?.pool === pool) return;
  if (!pool.idle || script === null) {
    pool.terminate();
    return;
  }
  endWarmCaseLineWorkers();
  pool.holdProcess(false);
  const timer = setTimeout(endWarmCaseLineWorkers, WARM_MS);
  timer.unref();
  warm = { pool, script, timer };
}

/** Ends the pool kept warm, if any (tests; a process about to exit need not). */
export function endWarmCaseLineWorkers(): void {
  if (warm === null) return;
  const { pool, timer } = warm;
  warm = null;
  clearTimeout(timer);
  pool.terminate();
}
