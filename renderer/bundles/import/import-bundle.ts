/**
 * Imports a bundle file into IndexedDB, pulling validated chunks from the main process:
 * importBegin (directory, manifest, signature) -> importNext ... until 'done' or 'failed'.
 * How the bundle is checked (signature required, trust file) is the main process's own setting:
 * the renderer names only the file (or the demo bundle, which main alone knows where to find).
 * Before anything is written, a bundle larger than the storage left is put to the user
 * (space-check.ts), who may cancel it there.
 * Each data chunk is one transaction; 'done' marks the bundle ready. Nothing half-done survives:
 * a failed check, a refusal, a cancel or any error (storage running out too: STORAGE_FULL, with
 * what was used and left) closes the main process's session and rolls back everything stored
 * under the bundle (restoring the cases it re-issued).
 */
import type { BundleSummary, ImportProgress } from '../../../shared/bundle-import';
import type { DuplicateCaseSummary } from '../../../shared/duplicate-flags';
import { describeErrorWithStorage } from '../../common/storage';
import type { CouncilDb } from '../../db/schema';
import { duplicateSummaryOf } from '../../db/case-assessment';
import { letBlobsGo } from './blob-memory';
import { rollbackBundle } from './bundle-rollback';
import { decidedRefusal, writeChunk, type ChunkContext } from './chunk-writer';
import { takePrepared } from './chunk-preparer';
import { EvidenceAssembler } from './evidence-assembler';
import { collectDecided } from './decided-scan';
import { markBundleReady } from './import-finish';
import {
  CASE_ALREADY_DECIDED,
  IMPORT_BUSY,
  IMPORT_CASE_COUNT_MISMATCH,
  IMPORT_EVIDENCE_MISSING,
  ImportRefusal,
  fileNameOf,
  type ImportOutcome,
  type ImportProgressEvent,
} from './import-outcome';
import { startLocalImport } from './import-start';
import { progressFraction } from './progress-estimate';
import { RemoteSession, type ImportApi } from './remote-session';
import { goOnDespiteSpace, type ConfirmLowSpace } from './space-check';

/** The bundle to import: a file the user chose, or the demo council's bundle. */
export type ImportRequest = { path: string } | { demo: true };

/** The demo bundle's name until the main process has read it. */
const DEMO_FILE_NAME = 'demo.cdbundle';

export interface ImportOptions {
  onProgress?: (progress: ImportProgressEvent) => void;
  signal?: AbortSignal;
  /** Milliseconds, for the elapsed time (tests give their own clock). */
  now?: () => number;
  /** The import's time stamp, ISO 8601. */
  timestamp?: () => string;
  /** Asked before anything is written when the bundle will not fit in the storage left; without it the import goes on. */
  confirmLowSpace?: ConfirmLowSpace;
}

/** Bundles being imported in this window right now: start-up recovery leaves them alone. */
const active = new Set<string>();
let busy = false;

export function activeImports(): ReadonlySet<string> {
  return active;
}

export async function importBundle(db: CouncilDb, api: ImportApi, request: ImportRequest, options: ImportOptions = {}): Promise<ImportOutcome> {
  const fileName = 'path' in request ? fileNameOf(request.path) : DEMO_FILE_NAME;
  if (busy) {
    const message = 'Another import is running. Wait for it to finish or cancel it.';
    return { kind: 'refused', fileName, bundleId: null, code: IMPORT_BUSY, message, caseIds: [] };
  }
  busy = true;
  try {
    return await runImport(db, api, request, options, fileName);
  } finally {
    busy = false;
  }
}

async function runImport(db: CouncilDb, api: ImportApi, request: ImportRequest, options: ImportOptions, fileName: string): Promise<ImportOutcome> {
  const { signal } = options;
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  if (signal?.aborted) return { kind: 'cancelled', fileName, bundleId: null };
  let begun;
  try {
    begun = 'path' in request ? await api.importBegin({ path: request.path }) : await api.importDemoBegin();
  } catch (err) {
    return { kind: 'refused', fileName, bundleId: null, ...(await describeErrorWithStorage(err)), caseIds: [] };
  }
  if (!begun.started) return { kind: 'invalid', fileName: begun.report.fileName || fileName, report: begun.report };

  const { summary } = begun;
  const bundleId = summary.manifest.bundleId;
  const session = new RemoteSession(api, begun.importId, signal);
  let rateFrom: ImportProgressEvent['rateFrom'];
  const report = (progress: ImportProgress) => {
    const event: ImportProgressEvent = { ...progress, fileName, bundleId, casesTotal: summary.caseCount, evidenceTotal: summary.evidenceCount, elapsedMs: now() - startedAt };
    // the first report is the moment writing begins: opening and checking the bundle's start do not count
    rateFrom ??= { elapsedMs: event.elapsedMs, fraction: progressFraction(event) };
    options.onProgress?.({ ...event, rateFrom });
  };
  let stored = false;
  active.add(bundleId);
  try {
    const goOn = !signal?.aborted && (await goOnDespiteSpace(db, summary, fileName, options.confirmLowSpace));
    if (!goOn || signal?.aborted) {
      await session.cancel();
      return { kind: 'cancelled', fileName, bundleId };
    }
    const start = await startLocalImport(db, summary, (options.timestamp ?? (() => new Date().toISOString()))());
    if (!start.go) {
      await session.cancel();
      return { kind: 'already-imported', fileName, bundleId };
    }
    stored = true;
    report({ casesRead: 0, evidenceRead: 0, bytesRead: 0, bytesTotal: summary.bytesTotal });
    const outcome = await pullChunks({ db, session, ctx: start.ctx, summary, fileName, signal, report });
    if (outcome.kind !== 'imported') {
      await session.cancel();
      await rollBackQuietly(db, bundleId);
    }
    return outcome;
  } catch (err) {
    // The storage figures (with STORAGE_FULL) as they were when it ran out, before the rollback frees it.
    const error = err instanceof ImportRefusal ? { code: err.code, message: err.message } : await describeErrorWithStorage(err);
    await session.cancel();
    if (stored) await rollBackQuietly(db, bundleId);
    return { kind: 'refused', fileName, bundleId, ...error, caseIds: err instanceof ImportRefusal ? err.caseIds : [] };
  } finally {
    active.delete(bundleId);
  }
}

/**
 * Rolls back; if even that fails (the database is gone), the bundle stays 'importing' and is
 * rolled back at the next start-up, so the outcome still says what went wrong first.
 */
async function rollBackQuietly(db: CouncilDb, bundleId: string): Promise<void> {
  await rollbackBundle(db, bundleId).catch(() => undefined);
}

interface Pull {
  db: CouncilDb;
  session: RemoteSession;
  ctx: ChunkContext;
  summary: BundleSummary;
  fileName: string;
  signal: AbortSignal | undefined;
  report: (progress: ImportProgress) => void;
}

/**
 * Takes chunks until 'done' or 'failed' (or a cancel), writing each data chunk as it comes; the
 * next one is taken and prepared while it is written (chunk-preparer.ts).
 */
async function pullChunks({ db, session, ctx, summary, fileName, signal, report }: Pull): Promise<ImportOutcome> {
  const assembler = new EvidenceAssembler(ctx.bundleId, summary.manifest.files);
  const counts = { cases: 0, documents: 0, evidenceBytes: 0, revised: 0 };
  const revised: string[] = [];
  const stored: DuplicateCaseSummary[] = [];
  const hashOf = (file: string) => summary.manifest.files[file];
  const takeNext = () => {
    const taken = takePrepared(session, assembler, ctx, signal);
    // awaited once the chunk before is written: a failure meanwhile is not unhandled
    taken.catch(() => undefined);
    return taken;
  };
  let next = takeNext();
  for (;;) {
    if (signal?.aborted) return { kind: 'cancelled', fileName, bundleId: ctx.bundleId };
    const taken = await next;
    if (taken === null) return { kind: 'cancelled', fileName, bundleId: ctx.bundleId };
    if (taken.kind !== 'data') session.ended();
    if (taken.kind === 'failed') return { kind: 'invalid', fileName, report: taken.report };
    if (taken.kind === 'done') {
      checkComplete(assembler, counts.cases, summary.caseCount);
      await markBundleReady(db, ctx, summary, { counts: { ...counts, revised: revised.length }, revised, cases: stored });
      report(taken.progress);
      return { kind: 'imported', fileName, bundleId: ctx.bundleId, cases: counts.cases, documents: counts.documents, revised, signature: summary.signature, warnings: taken.report.warnings };
    }
    const { chunk, rows, documents } = taken;
    next = takeNext(); // made ready while this one is written
    let newRevisions: string[];
    try {
      newRevisions = await writeChunk(db, ctx, chunk.cases, documents, rows);
    } catch (err) {
      // the chunk taken meanwhile is not written; a failure taking it counts for nothing beside this one
      const following = await next.catch(() => null);
      if (!(err instanceof ImportRefusal && err.code === CASE_ALREADY_DECIDED)) throw err;
      if (following !== null && following.kind !== 'data') session.ended();
      await rollbackBundle(db, ctx.bundleId); // before reading on: nothing half-done meanwhile
      const caseIds = await collectDecided(session, ctx, err.caseIds, report, following?.kind === 'data' ? following.chunk : null);
      return { kind: 'refused', fileName, bundleId: ctx.bundleId, code: err.code, message: decidedRefusal(caseIds).message, caseIds };
    }
    for (const id of newRevisions) revised.push(id);
    for (const record of chunk.cases) stored.push(duplicateSummaryOf(record, ctx.bundleId, hashOf));
    counts.cases += chunk.cases.length;
    counts.documents += documents.length;
    for (const d of documents) counts.evidenceBytes += d.size;
    letBlobsGo(chunk.evidence);
    report(chunk.progress);
  }
}

function checkComplete(assembler: EvidenceAssembler, casesStored: number, casesAnnounced: number): void {
  const missing = assembler.missingFiles();
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(', ');
    throw new ImportRefusal(IMPORT_EVIDENCE_MISSING, `Evidence files the cases point to did not arrive: ${shown}${missing.length > 5 ? ', …' : ''}.`);
  }
  if (casesStored !== casesAnnounced) {
    throw new ImportRefusal(IMPORT_CASE_COUNT_MISMATCH, `The bundle announced ${casesAnnounced} cases but ${casesStored} arrived.`);
  }
}
