/**
 * cases.ndjson, line by line as it inflates: each line checked (case-line-check.ts), each sound
 * case handed to onCase in file order while no error has been found, the file's SHA-256 compared
 * with the manifest's, and caseCount compared with the number of cases. A run of blank lines is
 * one warning. Once the error cap is reached the remaining lines are only counted (a warning says
 * how many), so a small bundle of millions of bad lines costs what inflating it costs; caseCount
 * is then not compared (which of the unchecked lines are blank is not known).
 *
 * This thread inflates, hashes and splits; each line's own checks run on worker threads when
 * the file is large enough to be worth them (case-line-pipeline.ts, case-line-pool.ts), with
 * the same report, and on this thread when no worker can be started.
 */
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { abortError, throwIfAborted } from './abort';
import { CaseLineChecker } from './case-line-check';
import { CaseLinePipeline, type CaseLineOptions } from './case-line-pipeline';
import { caseLineWorkerScript } from './case-line-worker-script';
import type { CaseLinePool } from './case-line-pool';
import { releaseCaseLinePool, takeCaseLinePool } from './case-line-warm-pool';
import { entryChunks } from './entry-chunks';
import { CASES_FILE, checkListedHash } from './files-check';
import { MAX_CASE_LINE_BYTES } from './limits';
import { NdjsonSplitter } from './ndjson-lines';
import { problem } from './problem-codes';
import { HeldFatalError, HoldingLog, type ProblemLog } from './problem-log';
import type { ReadStage } from './read-stage';
import type { ZipRecord } from './zip-archive';
import type { BundleDirectory } from './zip-directory';

/** Below this, starting worker threads (some 30-60 ms of a core each) costs more than they save. */
const MIN_WORKER_BYTES = 1024 * 1024;
const BATCH_BYTES = 256 * 1024;
/**
 * Batches split and not yet applied, per worker (256 KiB each): those at the worker and those this
 * thread checked meanwhile. Enough that a worker held back by other programs on the cores seldom
 * makes this thread wait (four made it wait a second in seven on a loaded machine).
 */
const BATCHES_PER_WORKER = 16;
/** This thread checks lines too when the workers are behind (case-line-pipeline.ts), so one core is left to it. */
const MAX_WORKERS = 4;
/** awaitWorkers waits no longer than this: a worker that never starts must not hang the read. */
const AWAIT_WORKERS_MS = 30_000;

export async function readCases(stage: ReadStage): Promise<CaseLineChecker> {
  const { reader, directory, manifest: info } = stage;
  const { log, signal } = reader;
  const options = stage.caseLines ?? {};
  const checker = new CaseLineChecker(directory.entries, MAX_CASE_LINE_BYTES, log, directory.refused);
  const entry = directory.entries.get(CASES_FILE);
  if (entry === undefined) {
    checkCaseCount(checker.caseLines, stage);
    return checker;
  }
  const hash = createHash('sha256');
  const splitter = new NdjsonSplitter(MAX_CASE_LINE_BYTES);
  if (log.full) splitter.countOnly();

  // started by readBundle while it read the manifest, which gives them back; else started (and given back) here
  const own = stage.caseWorkers === undefined;
  const { wanted: workers, script, pool, reason } = stage.caseWorkers ?? startCaseWorkers(directory, stage.onCase, log, options);
  const onAbort = () => pool?.terminate(abortError());
  signal?.addEventListener('abort', onAbort, { once: true });
  let pipeline: CaseLinePipeline | null = null;
  try {
    if (pool !== null && options.awaitWorkers === true) await pool.readyWithin(AWAIT_WORKERS_MS);
    throwIfAborted(signal);
    const batchBytes = options.batchBytes ?? BATCH_BYTES;
    pipeline = new CaseLinePipeline(stage, checker, splitter, pool, batchBytes, BATCHES_PER_WORKER * Math.max(1, workers), MAX_CASE_LINE_BYTES);
    // the entry's own fatal problems wait for the lines read before them (case-line-pipeline.ts)
    const entryReader = { ...reader, log: new HoldingLog(log) };
    try {
      for await (const chunk of entryChunks(entryReader, CASES_FILE, entry)) {
        hash.update(chunk);
        await pipeline.take(splitter.push(chunk));
        await pipeline.afterChunk();
      }
    } catch (e) {
      if (!(e instanceof HeldFatalError)) throw e;
      await pipeline.finish();
      log.fatal(...e.args);
    }
    await pipeline.take(splitter.end());
    await pipeline.finish();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // kept warm for the next read when idle, else ended
    if (own) releaseCaseLinePool(pool, script);
    // also when a fatal problem ended the reading: what was checked until then, and where
    if (pipeline !== null) {
      const fallback = workers === 0 || pipeline.linesInWorkers > 0 ? reason : script === null ? 'no worker script was found' : (pool?.failure ?? 'the workers were not ready before the last line was read');
      options.onChecked?.({ workers: pipeline.linesInWorkers > 0 ? pool!.size : 0, linesInWorkers: pipeline.linesInWorkers, linesInThread: pipeline.linesInThread, fallback });
    }
  }
  checkListedHash(CASES_FILE, hash.digest('hex'), info.manifest, info.file, log);
  if (splitter.unchecked > 0) {
    log.linesNotChecked = splitter.unchecked;
    log.notice('case', CASES_FILE, null, '', problem('LINES_NOT_CHECKED', { count: splitter.unchecked, firstLine: splitter.lines + 1, maxErrors: log.maxErrors }));
  } else {
    checkCaseCount(checker.caseLines, stage);
  }
  return checker;
}

/**
 * How many worker threads check this entry's lines, and why none when none: one per core but this
 * thread's (at most 4), none for a small entry or on one core. A worker only helps on a core other
 * programs leave free: on cores they keep busy it costs its start and a cold start of its code
 * (about a third more CPU in all) and gains no time, so the last minute's load average decides
 * (workersForIdleCores; Windows reports none, so there every core counts). None either,
 * unless asked for, when the cases go to onCase (the import): a record read back from a worker by
 * structured clone costs about what checking the line here does.
 */
function workersFor(entry: ZipRecord, onCase: ReadStage['onCase'], options: CaseLineOptions): { wanted: number; reason: string | null } {
  if (entry.uncompressedSize < (options.minBytes ?? MIN_WORKER_BYTES)) return { wanted: 0, reason: null };
  if (options.workers !== undefined) return { wanted: options.workers, reason: null };
  if (onCase !== undefined) return { wanted: 0, reason: null };
  const { cores, load, workers: wanted } = machineRoom();
  if (wanted > 0 || cores < 2) return { wanted, reason: null };
  return { wanted, reason: `the cores are busy (a load average of ${load.toFixed(1)} besides this process, on ${cores} cores)` };
}

/**
 * This machine's cores, the last minute's load average besides this process, and how many worker
 * threads that leaves room for (workersForIdleCores): for the case lines' workers, and for the
 * evidence's hashing worker (read-evidence.ts).
 */
export function machineRoom(): { cores: number; load: number; workers: number } {
  const cores = availableParallelism();
  const load = Math.max(0, (loadavg()[0] ?? 0) - ownLoad());
  return { cores, load, workers: workersForIdleCores(cores, load) };
}

/**
 * This process's own share of the load average, which counts its threads too: its CPU time per
 * second of its life, damped as the 1-minute average damps it. Else reading bundles one after
 * another (the benchmark, an inbox checked in turn) would find the cores busy with its own work.
 */
function ownLoad(): number {
  const life = process.uptime();
  const { user, system } = process.cpuUsage();
  return life > 0 ? ((user + system) / 1e6 / life) * (1 - Math.exp(-life / 60)) : 0;
}

/**
 * Workers for `cores` cores at a load average of `load` besides this process: one per core but the
 * reading thread's (at most 4), fewer as the load leaves fewer idle, none once the cores are
 * oversubscribed (a load above the cores and a half). One more than the idle cores: the reading
 * thread takes the batches a held-back worker does not (measured on 2 cores: a worker gained at a
 * load of 2-2.5 and lost only from about 7 on).
 */
export function workersForIdleCores(cores: number, load: number): number {
  return Math.max(0, Math.min(MAX_WORKERS, cores - 1, Math.floor(cores - load + 1.5)));
}

/** The worker threads meant for cases.ndjson's lines, if any, the pool started for them, and why none were meant. */
export interface CaseWorkers {
  wanted: number;
  script: string | null;
  pool: CaseLinePool | null;
  reason: string | null;
}

/**
 * Starts the workers for cases.ndjson as soon as the directory says how large it is, so that they
 * start while the manifest and its signature are read (a fresh process spends some 100 ms there).
 * The caller gives them back (releaseCaseLinePool) however the reading ends; readCases uses them.
 */
export function startCaseWorkers(directory: BundleDirectory, onCase: ReadStage['onCase'], log: ProblemLog, options: CaseLineOptions = {}): CaseWorkers {
  const entry = directory.entries.get(CASES_FILE);
  const { wanted, reason } = entry === undefined || log.full ? { wanted: 0, reason: null } : workersFor(entry, onCase, options);
  const script = wanted > 0 ? (options.script ?? caseLineWorkerScript()) : null;
  return { wanted, script, pool: script !== null ? takeCaseLinePool(script, wanted) : null, reason };
}

function checkCaseCount(cases: number, stage: ReadStage): void {
  const { manifest, file } = stage.manifest;
  if (cases !== manifest.caseCount) {
    stage.reader.log.error('files', file, null, 'caseCount', problem('CASE_COUNT_MISMATCH', { declared: manifest.caseCount, actual: cases }));
  }
}
