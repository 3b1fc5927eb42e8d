import './cases-bench';
import './pdf-bench';
import './meeting-bench';
import './single-vote-bench';
import './evidence-bench';
import './soak-bench';
/**
 * The browser half of the import benchmark, built with the renderer's own modules: the app's
 * import pipeline (importBundle: IPC bridge, chunks, Dexie writes, rollback bookkeeping) against
 * baselines of raw Dexie bulkPuts of the very same rows in the same browser.
 *
 * The rows are first gathered (not timed) through the same main-process session the app pulls
 * from, so they come in the app's chunks: case rows assessed against the manifest, and each
 * document's metadata with its bytes as they crossed over (Uint8Arrays, one per piece). Then:
 * - the fair baseline (issue 15): chunk by chunk, each document's bytes made into a Blob and the
 *   chunk's rows written with one bulkPut per table in one transaction, as the app must;
 * - the old baseline: every Blob made first (timed apart), then one bulkPut per table of all rows;
 * - the floor on this machine: the fair baseline while the bundle is read and handed over again at
 *   the same time (fairWhileReading), the two halves any importer must do, sharing the cores.
 */
import { createCouncilApi } from '../../../renderer/common/council-api';
import { caseRowOf } from '../../../renderer/db/case-row';
import { openCouncilDb } from '../../../renderer/db/schema';
import { importBundle } from '../../../renderer/bundles/import/import-bundle';
import type { CaseRow, DocumentRow } from '../../../renderer/db/rows';
import type { BundleSummary, EvidenceBytes, ImportChunk } from '../../../shared/bundle-import';
import { drop } from './meeting-bench';

const api = createCouncilApi();

async function appImport(path: string, dbName: string): Promise<{ ms: number; outcome: string; cases: number }> {
  const db = openCouncilDb(dbName);
  await db.open();
  const started = performance.now();
  const outcome = await importBundle(db, api, { path });
  const ms = performance.now() - started;
  db.close();
  return { ms, outcome: outcome.kind === 'refused' ? `refused: ${outcome.code} ${outcome.message}` : outcome.kind, cases: outcome.kind === 'imported' ? outcome.cases : -1 };
}

type DocumentMeta = Omit<DocumentRow, 'blob'>;

/** One chunk as the app writes it: its case rows and the documents completed in it. */
interface GatheredChunk {
  cases: CaseRow[];
  documents: { meta: DocumentMeta; parts: Uint8Array<ArrayBuffer>[] }[];
}

let gathered: GatheredChunk[] = [];

/** The bytes in the page's memory: browser mode's bridge hands large ones on as ranges of a Blob, read here. */
async function inPage(bytes: EvidenceBytes): Promise<Uint8Array<ArrayBuffer>> {
  return (ArrayBuffer.isView(bytes) ? bytes : new Uint8Array(await (bytes.slice() as Blob).arrayBuffer())) as Uint8Array<ArrayBuffer>;
}

/**
 * Pulls the bundle through the main process's import session as the app does (timed: reading,
 * checking and handing over alone), then keeps its rows chunk by chunk, the evidence bytes read
 * into the page (a document goes in the chunk its last piece and its case have both arrived by).
 */
async function gather(path: string): Promise<{ ms: number; chunks: number; cases: number; documents: number; bytes: number }> {
  const started = performance.now();
  const pulled: Extract<ImportChunk, { kind: 'data' }>[] = [];
  const summary = await pull(path, (chunk) => pulled.push(chunk));
  const ms = performance.now() - started;
  const { manifest } = summary;
  const bundleId = manifest.bundleId;
  const importedAt = new Date().toISOString();
  const wanted = new Map<string, DocumentMeta>();
  const partial = new Map<string, Uint8Array<ArrayBuffer>[]>();
  const complete = new Map<string, Uint8Array<ArrayBuffer>[]>();
  const chunks: GatheredChunk[] = [];
  const totals = { cases: 0, documents: 0, bytes: 0 };
  for (const chunk of pulled) {
    const out: GatheredChunk = { cases: [], documents: [] };
    for (const record of chunk.cases) {
      out.cases.push(caseRowOf(record, bundleId, importedAt, manifest));
      for (const d of record.documents) {
        wanted.set(d.file, { bundleId, file: d.file, caseId: record.caseId, sha256: manifest.files[d.file] ?? '', mediaType: d.mediaType, kind: d.kind, title: d.title, size: 0 });
      }
    }
    for (const piece of chunk.evidence) {
      const parts = partial.get(piece.file) ?? [];
      const bytes = await inPage(piece.bytes);
      parts.push(bytes);
      totals.bytes += bytes.byteLength;
      if (piece.last) {
        partial.delete(piece.file);
        complete.set(piece.file, parts);
      } else partial.set(piece.file, parts);
    }
    for (const [file, parts] of complete) {
      const meta = wanted.get(file);
      if (!meta) continue;
      complete.delete(file);
      wanted.delete(file);
      out.documents.push({ meta: { ...meta, size: parts.reduce((sum, p) => sum + p.byteLength, 0) }, parts });
    }
    totals.cases += out.cases.length;
    totals.documents += out.documents.length;
    chunks.push(out);
  }
  gathered = chunks;
  return { ms, chunks: chunks.length, ...totals };
}

/** The bundle through the main process's import session as the app pulls it, each data chunk given to `take`. */
async function pull(path: string, take: (chunk: Extract<ImportChunk, { kind: 'data' }>) => void): Promise<BundleSummary> {
  const begun = await api.importBegin({ path });
  if (!begun.started) throw new Error(`benchmark bundle refused: ${begun.report.errors[0]?.message}`);
  for (;;) {
    const chunk = await api.importNext({ importId: begun.importId });
    if (chunk.kind === 'failed') throw new Error(`benchmark bundle failed: ${chunk.report.errors[0]?.message}`);
    if (chunk.kind !== 'data') return begun.summary;
    take(chunk);
  }
}

/**
 * The floor of any importer on this machine: the fair baseline's writes while, at the same time,
 * the same bundle is read, checked and handed over into the page (and dropped). Both halves are
 * work every import must do; on two cores they share the machine, as they do in the app.
 */
async function fairWhileReading(path: string, dbName: string): Promise<{ ms: number }> {
  const started = performance.now();
  await Promise.all([pull(path, () => undefined), fairBaseline(dbName)]);
  return { ms: performance.now() - started };
}

/** The fair baseline: per chunk, its Blobs made from the bytes, then one transaction of bulkPuts. */
async function fairBaseline(dbName: string): Promise<{ ms: number; blobMs: number }> {
  const db = openCouncilDb(dbName);
  await db.open();
  let blobMs = 0;
  const started = performance.now();
  for (const chunk of gathered) {
    const blobsStarted = performance.now();
    const documents: DocumentRow[] = chunk.documents.map((d) => ({ ...d.meta, blob: new Blob(d.parts, { type: d.meta.mediaType }) }));
    blobMs += performance.now() - blobsStarted;
    // the database writes each case's summary row with it (db/case-summary-sync.ts), as in the app
    await db.transaction('rw', [db.cases, db.documents], async () => {
      if (chunk.cases.length > 0) await db.cases.bulkPut(chunk.cases);
      if (documents.length > 0) await db.documents.bulkPut(documents);
    });
  }
  const ms = performance.now() - started;
  db.close();
  return { ms, blobMs };
}

/** The old baseline: every Blob made beforehand (timed apart), then all rows in one transaction. */
async function oldBaseline(dbName: string): Promise<{ ms: number; blobMs: number }> {
  const blobsStarted = performance.now();
  const documents: DocumentRow[] = gathered.flatMap((c) => c.documents.map((d) => ({ ...d.meta, blob: new Blob(d.parts, { type: d.meta.mediaType }) })));
  const blobMs = performance.now() - blobsStarted;
  const cases = gathered.flatMap((c) => c.cases);
  const db = openCouncilDb(dbName);
  await db.open();
  const started = performance.now();
  await db.transaction('rw', [db.cases, db.documents], async () => {
    await db.cases.bulkPut(cases);
    await db.documents.bulkPut(documents);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, blobMs };
}

/** Lets the gathered bytes go. */
function forget(): void {
  gathered = [];
}

Object.assign(window, { councilBench: { appImport, gather, fairBaseline, fairWhileReading, oldBaseline, forget, drop } });
