/**
 * What the fast path found for each evidence file, taken in file order once its sums are known:
 * with the hashing worker (evidence-hasher.ts) the SHA-256 and CRC-32 of a file come back while
 * this thread reads the files after it, so their problems (and the warning for an unreferenced
 * file) wait here behind it, and the log sees them in the order the ordinary way logs them. A
 * result is taken only if its file has no problem of its own (`take`: the CRC-32 the directory
 * records, within the limits); else the file is read again the ordinary way there (`redo`), which
 * reports what is wrong, before anything after it. The error cap is judged as the ordinary way
 * judges it, at the start of each file: once the log is full, the results after it are dropped
 * and `stoppedAt` says from which file nothing was checked.
 */
import type { FileSums } from './evidence-hasher';
import type { Sums } from './evidence-scan';
import type { ProblemLog } from './problem-log';

/** Results waiting at most; then the reading waits for the oldest. */
const MAX_WAITING = 4096;

export interface ResultHandling {
  /** Logs what the file's sums and checks found, if it has no problem of its own; false if it has. */
  take: (sums: FileSums) => boolean;
  /** Reads the file the ordinary way (which reports its problems). */
  redo: () => Promise<void>;
}

interface Waiting extends ResultHandling {
  at: number;
  sums: FileSums | null;
  error: Error | null;
  /** Settles once sums or error is set (null when the sums were given). */
  settled: Promise<void> | null;
}

export class EvidenceResults {
  private readonly waiting: Waiting[] = [];
  /** The file from which nothing was checked, the log having become full at the one before; else null. */
  stoppedAt: number | null = null;

  /** `flush`: makes the sums waited for come (sends the hashing worker what it was told). */
  constructor(
    private readonly log: ProblemLog,
    private readonly flush: () => void,
  ) {}

  get empty(): boolean {
    return this.waiting.length === 0;
  }

  /** The result of file `at`, taken (or the file read again) in its turn. */
  add(at: number, sums: Sums, handling: ResultHandling): void {
    const given = 'later' in sums ? null : sums;
    const waiting: Waiting = { at, sums: given, error: null, settled: null, ...handling };
    if (given === null) {
      waiting.settled = (sums as { later: Promise<FileSums> }).later.then(
        (s) => void (waiting.sums = s),
        (e: Error) => void (waiting.error = e),
      );
    }
    this.waiting.push(waiting);
  }

  /** Takes the results whose sums are in, in order. Throws what the hashing worker failed with, and what a file read again throws. */
  async applyReady(): Promise<void> {
    while (this.stoppedAt === null && this.waiting.length > 0) {
      const first = this.waiting[0]!;
      if (first.error) throw first.error;
      if (first.sums === null) return;
      this.waiting.shift();
      if (this.log.full) {
        this.stoppedAt = first.at;
        this.waiting.length = 0;
        return;
      }
      if (!first.take(first.sums)) await first.redo();
    }
  }

  /** Takes every result, waiting for their sums. */
  async drain(): Promise<void> {
    await this.settle(0);
  }

  /** Waits, when too many results wait, for the oldest. */
  async room(): Promise<void> {
    if (this.waiting.length > MAX_WAITING) await this.settle(MAX_WAITING / 2);
  }

  private async settle(atMost: number): Promise<void> {
    await this.applyReady();
    if (this.waiting.length > atMost) this.flush();
    while (this.stoppedAt === null && this.waiting.length > atMost) {
      await this.waiting[0]!.settled;
      await this.applyReady();
    }
  }
}
