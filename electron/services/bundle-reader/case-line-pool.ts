/**
 * The worker threads that check case lines (case-line-worker.ts): started together, ready once
 * each has loaded its modules and said so; a batch goes to the worker with the fewest batches
 * waiting, and its verdicts come back as a promise. A worker that cannot start makes the pool
 * not ready (`ready` resolves false, the reason in `failure`): the lines are then checked on
 * the reading thread. A worker that fails once started (an uncaught error, an exit, a batch it
 * could not check) rejects every batch outstanding with an Error saying so; nothing waits for
 * an answer that cannot come. terminate() ends them all, whatever they are doing.
 */
import { Worker } from 'node:worker_threads';
import { WORKER_READY, type LineBatch, type VerdictsMessage } from './case-line-batch';
import type { LineVerdict } from './case-line-verdict';

interface Outstanding {
  resolve: (verdicts: LineVerdict[]) => void;
  reject: (error: Error) => void;
  worker: Slot;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  waiting: number;
}

let live = 0;
let started = 0;

/** Case-line worker threads started and not yet exited, in this process: for tests that they all end. */
export function liveCaseLineWorkers(): number {
  return live;
}

/** Case-line worker threads ever started in this process: for tests that a warm pool is reused. */
export function startedCaseLineWorkers(): number {
  return started;
}

export class CaseLinePool {
  /** true once every worker is ready; false when one could not start (then all are ended). */
  readonly ready: Promise<boolean>;
  isReady = false;
  /** Why the pool did not start, or stopped: for the caller's note on how lines were checked. */
  failure: string | null = null;
  private readonly slots: Slot[] = [];
  private readonly outstanding = new Map<number, Outstanding>();
  private nextId = 1;
  private ended = false;
  private settleReady: (ready: boolean) => void = () => undefined;

  constructor(script: string, count: number) {
    this.ready = new Promise<boolean>((resolve) => (this.settleReady = resolve));
    try {
      for (let i = 0; i < count; i += 1) this.slots.push(this.startWorker(script));
    } catch (e) {
      this.fail(`a worker thread could not be started: ${messageOf(e)}`);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Batches sent whose verdicts have not come back yet. */
  get outstandingBatches(): number {
    return this.outstanding.size;
  }

  /** Sends the batch (its bytes are transferred) to the least busy worker; its verdicts, in order. */
  check(batch: LineBatch, keepRecords: boolean): Promise<LineVerdict[]> {
    if (this.ended || !this.isReady) return Promise.reject(new Error(this.failure ?? 'the case-line worker threads have ended'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.waiting < slot.waiting) slot = s;
    const id = this.nextId++;
    const { message, transfer } = batch.message(id, keepRecords);
    return new Promise<LineVerdict[]>((resolve, reject) => {
      this.outstanding.set(id, { resolve, reject, worker: slot });
      slot.waiting += 1;
      slot.worker.postMessage(message, transfer);
    });
  }

  /** Ready, not ended, and no batch outstanding: fit to be kept for the next read (case-line-warm-pool.ts). */
  get idle(): boolean {
    return this.isReady && !this.ended && this.outstanding.size === 0;
  }

  /** Whether the workers keep this process alive: yes while a read uses them, no while they wait warm for the next. */
  holdProcess(hold: boolean): void {
    for (const { worker } of this.slots) {
      if (hold) worker.ref();
      else worker.unref();
    }
  }

  /** `ready`, or false after `ms` (a worker that never says it is ready is not waited for longer). */
  readyWithin(ms: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    return Promise.race([this.ready, late]).finally(() => clearTimeout(timer));
  }

  /** Ends every worker; batches still outstanding are rejected with `reason`. */
  terminate(reason: Error = new Error('the case-line worker threads were ended')): void {
    if (this.ended) return;
    this.ended = true;
    this.isReady = false;
    this.settleReady(false);
    for (const { reject } of this.outstanding.values()) reject(reason);
    this.outstanding.clear();
    for (const { worker } of this.slots) void worker.terminate();
  }

  private startWorker(script: string): Slot {
    const worker = new Worker(script);
    live += 1;
    started += 1;
    const slot: Slot = { worker, ready: false, waiting: 0 };
    worker.on('message', (message: VerdictsMessage | typeof WORKER_READY) => {
      if (message === WORKER_READY) {
        slot.ready = true;
        if (this.slots.length > 0 && this.slots.every((s) => s.ready) && !this.ended) {
          this.isReady = true;
          this.settleReady(true);
        }
        return;
      }
      const waiting = this.outstanding.get(message.id);
      if (waiting === undefined) return;
      this.outstanding.delete(message.id);
      slot.waiting -= 1;
      if ('error' in message) {
        this.fail(`a case-line worker thread could not check a batch of lines: ${message.error}`);
        waiting.reject(new Error(this.failure!));
      } else {
        waiting.resolve(message.verdicts);
      }
    });
    worker.on('error', (e) => this.fail(`a case-line worker thread failed: ${messageOf(e)}`));
    worker.on('messageerror', (e) => this.fail(`a case-line worker thread's answer could not be read: ${messageOf(e)}`));
    worker.on('exit', (code) => {
      live -= 1;
      if (!this.ended) this.fail(`a case-line worker thread stopped unexpectedly (exit code ${code})`);
    });
    return slot;
  }

  /** Stops the pool for good: a worker that cannot start or stopped working. Outstanding batches are rejected. */
  private fail(reason: string): void {
    if (this.ended) return;
    this.failure = reason;
    this.terminate(new Error(reason));
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
