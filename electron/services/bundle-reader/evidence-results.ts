/**
 * What the fast path found for each evidence file, logged in file order once its SHA-256 is known:
 * with the hashing worker (evidence-hasher.ts) the digest of a file comes back while this thread
 * reads the files after it, so their problems (and the warning for an unreferenced file) wait
 * here behind it, and the log sees them in the order the ordinary way logs them. The error cap is
 * judged as the ordinary way judges it, at the start of each file: when a result fills the log,
 * the results after it are dropped and `stoppedAt` says from which file nothing was checked.
 */
import type { Digest } from './evidence-scan';
import type { ProblemLog } from './problem-log';

/** Results waiting at most; then the reading waits for the oldest. */
const MAX_WAITING = 4096;

interface Waiting {
  at: number;
  hex: string | null;
  error: Error | null;
  /** Settles once hex or error is set (null when hex was given). */
  settled: Promise<void> | null;
  apply: (sha256: string) => void;
}

export class EvidenceResults {
  private readonly waiting: Waiting[] = [];
  /** The file from which nothing was checked, the log having become full at the one before; else null. */
  stoppedAt: number | null = null;

  /** `flush`: makes the digests waited for come (sends the hashing worker what it was told). */
  constructor(
    private readonly log: ProblemLog,
    private readonly flush: () => void,
  ) {}

  get empty(): boolean {
    return this.waiting.length === 0;
  }

  /** The result of file `at`: `apply` logs what it found, given its SHA-256. */
  add(at: number, digest: Digest, apply: (sha256: string) => void): void {
    const waiting: Waiting = { at, hex: typeof digest === 'string' ? digest : null, error: null, settled: null, apply };
    if (typeof digest !== 'string') {
      waiting.settled = digest.later.then(
        (hex) => void (waiting.hex = hex),
        (e: Error) => void (waiting.error = e),
      );
    }
    this.waiting.push(waiting);
    this.applyReady();
  }

  /** Logs the results whose digests are in, in order. Throws what the hashing worker failed with. */
  applyReady(): void {
    while (this.stoppedAt === null && this.waiting.length > 0) {
      const first = this.waiting[0]!;
      if (first.error) throw first.error;
      if (first.hex === null) return;
      this.waiting.shift();
      if (this.log.full) {
        this.stoppedAt = first.at;
        this.waiting.length = 0;
        return;
      }
      first.apply(first.hex);
    }
  }

  /** Logs every result, waiting for their digests. */
  async drain(): Promise<void> {
    await this.settle(0);
  }

  /** Waits, when too many results wait, for the oldest. */
  async room(): Promise<void> {
    if (this.waiting.length > MAX_WAITING) await this.settle(MAX_WAITING / 2);
  }

  private async settle(atMost: number): Promise<void> {
    this.applyReady();
    if (this.waiting.length > atMost) this.flush();
    while (this.stoppedAt === null && this.waiting.length > atMost) {
      await this.waiting[0]!.settled;
      this.applyReady();
    }
  }
}
