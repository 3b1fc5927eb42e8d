/**
 * Signed decision files on their way to `<sync>/outbox/`. Each is kept first in
 * `<userData>/notary/pending/` (atomically), then recorded in the ledger, then written to the
 * outbox; when the sync folder is gone or the write fails it stays there, 'queued', and is tried
 * again every few seconds and on retryOutbox, until it is written, read back and verified. Nothing
 * is lost (the ledger never names a file that is not kept) and nothing half-written is left.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxStatus } from '../../../shared/api';
import { parseDecisionFileName } from '../../../shared/decisions/decision-file-name';
import { CouncilError } from '../../../shared/result';
import { dsseEnvelopeSchema } from '../../../shared/schemas/dsse-envelope';
import { writeFileAtomic } from '../atomic-write';
import { decodeBase64 } from '../dsse-signing';
import { notaryDir, type NotaryLedger, type QueuedFile } from './ledger';
import type { OneAtATime } from './one-at-a-time';
import { cleanStaleTemps, signedFileOf, type Outbox, type SignedFile } from './outbox';

export const RETRY_INTERVAL_MS = 5_000;

export interface OutboxQueueOptions {
  userDataDir: string;
  ledger: () => Promise<NotaryLedger>;
  outbox: Outbox;
  syncFolder: () => Promise<string>;
  /** Whether a missing sync folder may be made: the default one, in the home folder; a chosen one that is gone waits. */
  mayCreate: (syncFolder: string) => boolean;
  /** The same as the notary's: a retry never runs during an export. */
  serial: OneAtATime;
  intervalMs?: number;
}

/** Where one delivery ended. */
export interface Delivery {
  state: 'written' | 'queued';
  path: string | null;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class OutboxQueue {
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The bookkeeping an answer did not wait for: the ledger's 'written' on disk, then the kept copy removed. */
  private behind: Promise<void> = Promise.resolve();
  readonly pendingDir: string;

  constructor(private readonly o: OutboxQueueOptions) {
    this.pendingDir = join(notaryDir(o.userDataDir), 'pending');
  }

  /** Keeps a signed file durably before the ledger records it (readable as any decision file: it may become the outbox's by a link). */
  async keep(file: SignedFile): Promise<void> {
    try {
      await writeFileAtomic(join(this.pendingDir, file.fileName), file.bytes);
    } catch (e) {
      throw new CouncilError('DECISION_WRITE_FAILED', `The signed file ${file.fileName} could not be kept in ${this.pendingDir} (${messageOf(e)}); nothing was released.`);
    }
  }

  async discard(fileName: string): Promise<void> {
    await rm(join(this.pendingDir, fileName), { force: true });
  }

  /**
   * Writes a recorded file into the outbox (the caller holds `serial`). Written: the ledger says
   * so and the kept copy goes. The folder gone or the disk failing: 'queued', retried. A name
   * holding another file, or a file not reading back as written: thrown, and still queued.
   */
  async deliver(meetingId: string, sequence: number, file: SignedFile): Promise<Delivery> {
    const sync = await this.o.syncFolder();
    let path: string;
    try {
      path = await this.o.outbox.write(sync, file, { createFolder: this.o.mayCreate(sync), kept: join(this.pendingDir, file.fileName) });
    } catch (e) {
      const known = e instanceof CouncilError;
      this.lastError = known ? `${file.fileName}: ${e.message}` : `${file.fileName}: writing it into ${join(sync, 'outbox')} failed (${messageOf(e)}); it is kept and written when the sync folder is back.`;
      this.schedule();
      if (known && (e.code === 'DECISION_WRITE_FAILED' || e.code === 'DECISION_READBACK_FAILED')) throw e;
      return { state: 'queued', path: null };
    }
    // The answer does not wait for the ledger's 'written' to reach the disk (until it does, the disk
    // says queued, and a restart finds this very file in the outbox); the kept copy goes once it has.
    const ledger = await this.o.ledger();
    const recorded = ledger
      .markWritten(meetingId, sequence)
      .then(() => this.discard(file.fileName))
      .catch((e: unknown) => {
        this.lastError = `${file.fileName}: ${messageOf(e)}`;
      });
    this.behind = Promise.all([this.behind, recorded]).then(() => undefined);
    if (ledger.queued().length === 0) this.lastError = null;
    return { state: 'written', path };
  }

  /** Where a file is in the outbox of the sync folder in use. */
  async outboxPathOf(fileName: string): Promise<string> {
    return join(await this.o.syncFolder(), 'outbox', fileName);
  }

  /** The kept copy of a queued file, checked against the ledger (it must be the payload the ledger names). */
  async load(q: QueuedFile, ledger: NotaryLedger): Promise<SignedFile> {
    const path = join(this.pendingDir, q.fileName);
    const bytes = await readFile(path).catch((e: unknown) => {
      throw new CouncilError('DECISION_WRITE_FAILED', `The signed file ${q.fileName} waiting for the sync folder is missing from ${this.pendingDir} (${messageOf(e)}); export the same decisions again to sign it anew.`);
    });
    const parsed = dsseEnvelopeSchema.safeParse(parseJson(new TextDecoder().decode(bytes)));
    const body = parsed.success ? decodeBase64(parsed.data.payload) : null;
    const publicKeyPem = ledger.publicKeyPem(q.keyid);
    if (!parsed.success || body === null || publicKeyPem === undefined || createHash('sha256').update(body).digest('hex') !== q.payloadSha256) {
      throw new CouncilError('DECISION_WRITE_FAILED', `The signed file ${path} is not the payload the ledger recorded for ${q.fileName}; it is not released.`);
    }
    const file = signedFileOf(q.fileName, parsed.data, body, publicKeyPem);
    return { ...file, bytes: new Uint8Array(bytes) };
  }

  /** Tries every queued file once (the caller holds `serial`). */
  async retryNow(): Promise<void> {
    const ledger = await this.o.ledger();
    let failed = false;
    for (const q of ledger.queued()) {
      let file: SignedFile;
      try {
        file = await this.load(q, ledger);
      } catch (e) {
        failed = true;
        this.lastError = messageOf(e);
        continue;
      }
      try {
        failed ||= (await this.deliver(q.meetingId, q.sequence, file)).state === 'queued';
      } catch {
        failed = true; // deliver said why in lastError
      }
    }
    await this.behind; // a retry is not in a hurry: it answers once the ledger on disk says so too
    if (!failed) this.lastError = null;
    if (ledger.queued().length === 0) this.clearTimer();
    else this.schedule();
  }

  async status(): Promise<OutboxStatus> {
    const [ledger, sync] = await Promise.all([this.o.ledger(), this.o.syncFolder()]);
    const available = await stat(sync).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return {
      syncFolder: sync,
      available,
      queued: ledger.queued().map((q) => ({ fileName: q.fileName, meetingId: q.meetingId, sequence: q.sequence })),
      lastError: this.lastError,
    };
  }

  /**
   * At start: removes what a crash left (kept copies the ledger never recorded, so never released,
   * and temporary files), then tries the queued files at once and every few seconds after.
   */
  async resume(): Promise<void> {
    try {
      await this.cleanAndRetry();
    } catch (e) {
      this.lastError = messageOf(e);
    }
  }

  private async cleanAndRetry(): Promise<void> {
    const ledger = await this.o.ledger();
    const queued = new Set(ledger.queued().map((q) => q.fileName));
    for (const name of await readdir(this.pendingDir).catch(() => [] as string[])) {
      if (parseDecisionFileName(name) !== null && !queued.has(name)) await this.discard(name);
    }
    const ours = (name: string) => parseDecisionFileName(name) !== null || name === 'ledger.json';
    await cleanStaleTemps(this.pendingDir, ours);
    await cleanStaleTemps(notaryDir(this.o.userDataDir), ours);
    if (queued.size > 0) await this.retryNow();
  }

  private schedule(): void {
    if (this.stopped || this.timer !== null) return;
    this.timer = setInterval(() => {
      this.o.serial(() => this.retryNow()).catch((e: unknown) => {
        this.lastError = messageOf(e);
      });
    }, this.o.intervalMs ?? RETRY_INTERVAL_MS);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Settles once the bookkeeping of every file written so far is done. */
  settled(): Promise<void> {
    return this.behind;
  }

  /** No more retries (tests; the app's end). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  /** Whether a retry is scheduled. */
  get retrying(): boolean {
    return this.timer !== null;
  }
}
