/**
 * The lines of cases.ndjson from the splitter to the checks, on worker threads when there are
 * some (case-line-pool.ts). Each line's own verdict (case-line-verdict.ts) is made on a worker,
 * batches of lines going there as they are split; the verdicts come back, and are applied here
 * in file order (CaseLineChecker.apply): case-id collisions, evidence references, the error log,
 * blank-line warnings, onCase (awaited), LIMIT_CASES, the error cap. So the report is the one
 * checking every line on this thread gives, problem for problem and in the same order:
 * - Until the workers are ready, and whenever there are none, each line is checked here at once,
 *   as before; from then on every line goes into a batch, which a worker checks, or this thread
 *   when the workers have enough to do.
 * - At most `maxBatches` batches are split and not applied after each chunk (the reader then waits
 *   for the oldest), so memory does not grow with the entry.
 * - Once the error cap is reached at line k, the verdicts of the lines after k are dropped, the
 *   workers are ended, and the splitter counts from line k + 1 on (countOnlyAfter): the same
 *   LINES_NOT_CHECKED count and first line as when each line is checked as it is split.
 * - A fatal problem of the entry itself (damaged data, a limit, its CRC-32) is held back by the
 *   caller until every line split before it has been applied (`finish`), as it would have been.
 */
import { abortError } from './abort';
import { LineBatch, type BatchItem } from './case-line-batch';
import type { CaseLineChecker } from './case-line-check';
import type { CaseLinePool } from './case-line-pool';
import { lineVerdict, tooLongVerdict, type LineVerdict } from './case-line-verdict';
import { CASES_FILE } from './files-check';
import type { BlankLines, NdjsonItem, NdjsonSplitter } from './ndjson-lines';
import { problem } from './problem-codes';
import type { ProblemLog } from './problem-log';
import { settle, type ReadStage } from './read-stage';

/** How the case lines are checked; tests and the benchmark choose, the app and the CLI take the defaults. */
export interface CaseLineOptions {
  /** Worker threads; 0: every line on the reading thread. Default: one per idle core but the reading thread's, at most 4; none with onCase. */
  workers?: number;
  /** A cases.ndjson that inflates to less is checked on the reading thread: starting workers costs more. Default 1 MiB. */
  minBytes?: number;
  /** Bytes of lines per batch sent to a worker (a longer line goes alone). Default 256 KiB. */
  batchBytes?: number;
  /** The worker's script (tests: one that fails); default: case-line-worker-script.ts finds it. */
  script?: string;
  /** Check no line on the reading thread while the workers start (tests: lines through the workers from the first). */
  awaitWorkers?: boolean;
  /** Told at the end of cases.ndjson how its lines were checked. */
  onChecked?: (how: CaseLineChecking) => void;
}

export interface CaseLineChecking {
  /** Worker threads started (0: none were). */
  workers: number;
  /** Lines whose verdict a worker made, and lines checked on the reading thread. */
  linesInWorkers: number;
  linesInThread: number;
  /** Why no worker checked lines when the default would have some do so (busy cores, no script, a failed start), else null. */
  fallback: string | null;
}

/**
 * A batch goes to a worker while fewer than this many per worker are waiting there; else this
 * thread checks it itself. So a worker always has the next batch at hand, and this thread, which
 * only inflates, hashes and splits otherwise, checks lines too when the workers are behind: on two
 * cores, one worker and this thread keep both busy, and a worker that other programs hold back
 * does fewer batches rather than hold up this thread.
 */
const QUEUED_PER_WORKER = 2;

interface Sent {
  batch: LineBatch;
  verdicts: Promise<LineVerdict[]>;
  fromWorker: boolean;
}

export class CaseLinePipeline {
  /** Lines applied whose verdicts a worker made, and lines applied that were checked on this thread. */
  linesInWorkers = 0;
  linesInThread = 0;
  private readonly sent: Sent[] = [];
  private open: LineBatch | null = null;
  private batching = false;
  private stopped = false;
  private readonly log: ProblemLog;

  constructor(
    private readonly stage: ReadStage,
    private readonly checker: CaseLineChecker,
    private readonly splitter: NdjsonSplitter,
    private readonly pool: CaseLinePool | null,
    private readonly batchBytes: number,
    private readonly maxBatches: number,
    private readonly maxLineBytes: number,
  ) {
    this.log = stage.reader.log;
  }

  /** The items of one push (or of end()): checked here at once, or added to batches for the workers. */
  async take(items: Iterable<NdjsonItem>): Promise<void> {
    for (const item of items) {
      if (!this.batching && this.pool?.isReady === true) this.batching = true;
      if (this.batching) {
        this.addToBatch(item);
        continue;
      }
      if ('blank' in item) {
        warnBlank(item, this.log);
        continue;
      }
      this.linesInThread += 1;
      const stop = await this.applyOne(item.line, item.tooLong ? tooLongVerdict(this.maxLineBytes) : lineVerdict(item.bytes, true));
      // within the push: the splitter stops handing out lines at once, as it always did
      if (stop) this.stopHere();
    }
  }

  /** After each chunk: waits for the oldest batches until at most maxBatches are outstanding. */
  async afterChunk(): Promise<void> {
    while (!this.stopped && this.sent.length > this.maxBatches) await this.applyOldest();
  }

  /** Sends the last batch and applies every verdict outstanding (the entry's end, or a fatal problem of it). */
  async finish(): Promise<void> {
    this.seal();
    while (!this.stopped && this.sent.length > 0) await this.applyOldest();
  }

  private addToBatch(item: NdjsonItem): void {
    if ('blank' in item) {
      this.batchFor(0).add(item);
    } else if (item.tooLong) {
      this.batchFor(0).add({ tooLong: item.line });
    } else {
      this.batchFor(item.bytes.length).addLine(item.line, item.bytes);
      if (this.open!.fits(1) === false) this.seal();
    }
  }

  /** The open batch, when the line fits; else a new one (the open one is sent first). */
  private batchFor(length: number): LineBatch {
    if (this.open !== null && !this.open.fits(length)) this.seal();
    this.open ??= new LineBatch(Math.max(this.batchBytes, length));
    return this.open;
  }

  private seal(): void {
    const batch = this.open;
    this.open = null;
    if (batch === null || this.stopped) return;
    const keepRecords = this.stage.onCase !== undefined && !this.log.failed;
    const pool = this.pool!;
    let verdicts: Promise<LineVerdict[]>;
    let fromWorker = false;
    if (batch.lines === 0) {
      verdicts = Promise.resolve([]);
    } else if (pool.outstandingBatches < QUEUED_PER_WORKER * pool.size) {
      verdicts = pool.check(batch, keepRecords);
      // a batch dropped after the error cap may still be rejected when the workers end: not unhandled
      verdicts.catch(() => undefined);
      fromWorker = true;
    } else {
      // the workers have enough to do: this thread checks the batch rather than wait for them
      const here: LineVerdict[] = [];
      for (const bytes of batch.lineBytes()) here.push(lineVerdict(bytes, keepRecords));
      verdicts = Promise.resolve(here);
    }
    this.sent.push({ batch, verdicts, fromWorker });
  }

  private async applyOldest(): Promise<void> {
    const { batch, verdicts: answer, fromWorker } = this.sent[0]!;
    const verdicts = await answer;
    if (this.stage.reader.signal?.aborted) throw abortError();
    this.sent.shift();
    let next = 0;
    for (const item of batch.items as BatchItem[]) {
      if (typeof item === 'object' && 'blank' in item) {
        warnBlank(item, this.log);
        continue;
      }
      let line: number;
      let verdict: LineVerdict;
      if (typeof item === 'number') {
        line = item;
        verdict = verdicts[next++]!;
        if (fromWorker) this.linesInWorkers += 1;
        else this.linesInThread += 1;
      } else {
        line = item.tooLong;
        verdict = tooLongVerdict(this.maxLineBytes);
        this.linesInThread += 1;
      }
      if (await this.applyOne(line, verdict)) {
        this.stopAfter(line);
        return;
      }
    }
  }

  /** Applies one line's verdict in order; true when the error cap is reached (nothing more is checked). */
  private async applyOne(line: number, verdict: LineVerdict): Promise<boolean> {
    const { log, checker } = this;
    const { onCase } = this.stage;
    const { maxCases } = this.stage.reader.budget.limits;
    const record = checker.apply(line, verdict);
    if (checker.caseLines > maxCases) log.fatal('limits', CASES_FILE, line, '', problem('LIMIT_CASES', { max: maxCases }));
    if (log.full) return true;
    if (record === null || onCase === undefined || log.failed) return false;
    const pending = settle(onCase(record, line));
    if (pending) {
      await pending;
      if (this.stage.reader.signal?.aborted) throw abortError();
    }
    return false;
  }

  /** The error cap, reached on a line checked here as it was split: nothing was sent after it. */
  private stopHere(): void {
    this.stopped = true;
    this.splitter.countOnly();
    this.pool?.terminate();
  }

  /** The error cap, reached at `line` of a batch: what was split after it is only counted, its verdicts dropped. */
  private stopAfter(line: number): void {
    this.stopped = true;
    this.sent.length = 0;
    this.open = null;
    this.splitter.countOnlyAfter(line);
    this.pool?.terminate();
  }
}

/** One warning for a run of blank lines, however long. */
export function warnBlank(run: BlankLines, log: ProblemLog): void {
  if (run.first === run.last) log.warn('case', CASES_FILE, run.first, '', problem('CASE_LINE_EMPTY'));
  else log.warn('case', CASES_FILE, run.first, '', problem('CASE_LINES_EMPTY', { after: run.last - run.first, lastLine: run.last }));
}
