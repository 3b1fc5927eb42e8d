/**
 * Imports pulled by the renderer, chunk by chunk: the bundle reader runs ahead by at most about
 * two chunks (backpressure), each importNext hands over what it has validated so far, and the last
 * answer says whether every check passed. A session the renderer abandons is cancelled after a while.
 *
 * The first chunks are handed over smaller (an eighth of the full size, then a quarter, a half):
 * the renderer can start writing as soon as a few hundred cases are read rather than after the
 * first 2,000, and by the time it asks again the reader, much faster than the writing, has the
 * next, larger one ready. From the fourth on, chunks are full.
 */
import { randomUUID } from 'node:crypto';
import type { BundleSummary, EvidencePiece, ImportBeginResult, ImportChunk, ImportProgress } from '../../shared/bundle-import';
import type { BundleReport } from '../../shared/bundle-report';
import { CouncilError } from '../../shared/result';
import type { CaseRecord } from '../../shared/schemas/case-record';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import { readBundle, type BundleLimits, type ReadBundleOptions } from './bundle-reader';

export interface ImportSessionOptions {
  /** A chunk is handed over once it holds this many cases... */
  chunkCases?: number;
  /** ...or this many evidence bytes (or when the reader is done). */
  chunkBytes?: number;
  /** An import nobody asks about for this long is cancelled. */
  idleMs?: number;
  maxSessions?: number;
  limits?: Partial<BundleLimits>;
  read?: (path: string, options: ReadBundleOptions) => Promise<BundleReport>;
}

interface Session {
  controller: AbortController;
  cases: CaseRecord[];
  pieces: EvidencePiece[];
  queuedBytes: number;
  /** Data chunks handed over so far (the first ones are smaller). */
  handed: number;
  progress: ImportProgress;
  report: BundleReport | null;
  crash: unknown;
  wakeConsumer: (() => void) | null;
  wakeReader: (() => void) | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
  lastTouched: number;
}

/** A session not asked for anything this long may give its place to a new import. */
const STALE_MS = 30_000;

export class BundleImportSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly chunkCases: number;
  private readonly chunkBytes: number;
  private readonly idleMs: number;
  private readonly maxSessions: number;
  private readonly read: NonNullable<ImportSessionOptions['read']>;

  constructor(private readonly options: ImportSessionOptions = {}) {
    this.chunkCases = options.chunkCases ?? 2_000;
    this.chunkBytes = options.chunkBytes ?? 8 * 1024 * 1024;
    this.idleMs = options.idleMs ?? 10 * 60_000;
    this.maxSessions = options.maxSessions ?? 2;
    this.read = options.read ?? readBundle;
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  async begin(path: string, trust: TrustedKey[], requireSignature: boolean): Promise<ImportBeginResult> {
    if (this.sessions.size >= this.maxSessions) this.endStaleSessions();
    if (this.sessions.size >= this.maxSessions) {
      throw new CouncilError('IMPORT_BUSY', 'Another import is still running. Wait for it to finish or cancel it.');
    }
    const session: Session = {
      controller: new AbortController(),
      cases: [],
      pieces: [],
      queuedBytes: 0,
      handed: 0,
      progress: { casesRead: 0, evidenceRead: 0, bytesRead: 0, bytesTotal: 0 },
      report: null,
      crash: null,
      wakeConsumer: null,
      wakeReader: null,
      idleTimer: null,
      lastTouched: Date.now(),
    };
    let announce: (summary: BundleSummary) => void = () => undefined;
    const summarySeen = new Promise<BundleSummary>((resolve) => (announce = resolve));
    const reading = this.read(path, {
      trust,
      requireSignature,
      signal: session.controller.signal,
      ...(this.options.limits ? { limits: this.options.limits } : {}),
      onManifest: (summary) => {
        session.progress.bytesTotal = summary.bytesTotal;
        announce(summary);
      },
      onCase: (record) => {
        session.cases.push(record);
        session.progress.casesRead += 1;
        return this.afterQueued(session);
      },
      onEvidencePiece: (piece) => {
        session.pieces.push(piece);
        session.queuedBytes += piece.bytes.byteLength;
        session.progress.bytesRead += piece.bytes.byteLength;
        if (piece.last) session.progress.evidenceRead += 1;
        return this.afterQueued(session);
      },
    }).then(
      (report) => {
        session.report = report;
        this.wake(session);
      },
      (error: unknown) => {
        if (!session.controller.signal.aborted) session.crash = error;
        this.wake(session);
      },
    );

    const first = await Promise.race([summarySeen, reading.then(() => null)]);
    if (first === null) {
      if (session.crash) throw readFailure(path, session.crash);
      return { started: false, report: session.report! };
    }
    const importId = randomUUID();
    this.sessions.set(importId, session);
    this.touch(importId, session);
    return { started: true, importId, summary: first };
  }

  async next(importId: string): Promise<ImportChunk> {
    const session = this.sessions.get(importId);
    if (!session) throw ended();
    this.touch(importId, session);
    for (;;) {
      // cancelled (or given up as idle) while this call waited: it is answered, not left hanging
      if (this.sessions.get(importId) !== session) throw ended();
      if (session.crash) {
        this.end(importId);
        throw readFailure('the bundle', session.crash);
      }
      const { report } = session;
      if (report && !report.valid) {
        this.end(importId);
        return { kind: 'failed', report, progress: { ...session.progress } };
      }
      const share = rampShare(session.handed);
      if (session.cases.length >= Math.ceil(this.chunkCases * share) || session.queuedBytes >= this.chunkBytes * share || (report && this.hasQueued(session))) {
        return this.takeChunk(session);
      }
      if (report) {
        this.end(importId);
        return { kind: 'done', report, progress: { ...session.progress } };
      }
      await new Promise<void>((resolve) => (session.wakeConsumer = resolve));
    }
  }

  async cancel(importId: string): Promise<void> {
    this.end(importId);
  }

  private hasQueued(session: Session): boolean {
    return session.cases.length > 0 || session.pieces.length > 0;
  }

  private takeChunk(session: Session): ImportChunk {
    const chunk: ImportChunk = { kind: 'data', cases: session.cases, evidence: session.pieces, progress: { ...session.progress } };
    session.cases = [];
    session.pieces = [];
    session.queuedBytes = 0;
    session.handed += 1;
    const reader = session.wakeReader;
    session.wakeReader = null;
    reader?.();
    return chunk;
  }

  /** The reader waits while about two chunks are queued and nobody has taken them. */
  private afterQueued(session: Session): Promise<void> | void {
    this.wake(session);
    if (session.cases.length < 2 * this.chunkCases && session.queuedBytes < 2 * this.chunkBytes) return;
    return new Promise<void>((resolve) => (session.wakeReader = resolve));
  }

  private wake(session: Session): void {
    const consumer = session.wakeConsumer;
    session.wakeConsumer = null;
    consumer?.();
  }

  /** A window closed in the middle of an import leaves its session behind: end those first. */
  private endStaleSessions(): void {
    const now = Date.now();
    for (const [importId, session] of this.sessions) {
      if (now - session.lastTouched > STALE_MS && !session.wakeConsumer) this.end(importId);
    }
  }

  private touch(importId: string, session: Session): void {
    session.lastTouched = Date.now();
    if (session.idleTimer) clearTimeout(session.idleTimer);
    session.idleTimer = setTimeout(() => this.end(importId), this.idleMs);
    session.idleTimer.unref?.();
  }

  private end(importId: string): void {
    const session = this.sessions.get(importId);
    if (!session) return;
    this.sessions.delete(importId);
    if (session.idleTimer) clearTimeout(session.idleTimer);
    session.controller.abort();
    session.cases = [];
    session.pieces = [];
    const reader = session.wakeReader;
    session.wakeReader = null;
    reader?.();
    this.wake(session);
  }
}

/** The share of a full chunk the chunk after `handed` others needs: 1/8, 1/4, 1/2, then 1. */
export function rampShare(handed: number): number {
  return 1 / 2 ** Math.max(0, 3 - handed);
}

function ended(): CouncilError {
  return new CouncilError('IMPORT_UNKNOWN', 'This import has ended or was cancelled. Start it again.');
}

function readFailure(what: string, error: unknown): CouncilError {
  const detail = error instanceof Error ? error.message : String(error);
  return new CouncilError('BUNDLE_READ_FAILED', `Council Desk could not read ${what}: ${detail}`);
}
