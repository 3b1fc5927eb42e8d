/**
 * Writes one chunk of an import: its cases and its completed documents, in one read-write
 * transaction (the Blobs are built before it; nothing but Dexie is awaited inside it).
 *
 * A caseId already stored from another bundle is that case coming back: if it was decided the
 * whole chunk is refused (CASE_ALREADY_DECIDED); otherwise the stored row is copied to caseHistory
 * and the new one stored as the next revision. To keep the usual case fast, only the ids known to
 * exist when the import began are read; the rest are added with bulkAdd, which fails (and aborts
 * the transaction) if one of them appeared since, and the chunk is then written again, reading all.
 * Storage running out aborts the transaction too (the quota is checked when it commits): nothing
 * of the chunk is kept, and the import rolls back the chunks before it.
 * Every case row is assessed as it is built; writing it writes its summary row (db/case-summary-sync.ts).
 *
 * The screen must not freeze while a chunk is written: IndexedDB copies each row on the page's main
 * thread as it is handed over (about a quarter of a millisecond for a case row, so 2,000 would be
 * half a second in one go). So rows are built and handed over WRITE_SLICE at a time, and the page
 * gets its turn between slices; the slices of a chunk still go in its one transaction.
 */
import type { BundleManifest } from '../../../shared/schemas/bundle-manifest';
import type { CaseRecord } from '../../../shared/schemas/case-record';
import { isQuotaExceeded } from '../../common/storage';
import { caseRowOf } from '../../db/case-row';
import type { CaseHistoryRow, CaseRow, DocumentRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { CASE_ALREADY_DECIDED, ImportRefusal } from './import-outcome';

export interface ChunkContext {
  bundleId: string;
  importedAt: string;
  /** The bundle's manifest: its incident and policy assess the cases as they are written. */
  manifest: BundleManifest;
  /** Case ids stored (from any bundle) when the import began. */
  existing: ReadonlySet<string>;
  /** Of those, the ones decided then. */
  decided: ReadonlySet<string>;
}

export function decidedRefusal(caseIds: string[]): ImportRefusal {
  return new ImportRefusal(CASE_ALREADY_DECIDED, `These cases are already decided and cannot be re-issued: ${caseIds.join(', ')}.`, caseIds);
}

/** Rows handed to IndexedDB (or built) at a time: a few tens of milliseconds of the main thread. */
export const WRITE_SLICE = 100;

/** `items` in slices of WRITE_SLICE, each given to `write` in turn (awaited: the page runs in between). */
async function inSlices<T>(items: readonly T[], write: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < items.length; at += WRITE_SLICE) await write(items.slice(at, at + WRITE_SLICE));
}

/**
 * A task's turn for the page: the next slice of work waits until what was waiting has run. A
 * message, not a timer: timers set from timers wait at least 4 ms after the fifth.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** The chunk's case rows, assessed as they are built, WRITE_SLICE at a time (the page runs in between). */
export async function caseRowsOf(ctx: ChunkContext, records: readonly CaseRecord[]): Promise<CaseRow[]> {
  const rows: CaseRow[] = [];
  for (let at = 0; at < records.length; at += WRITE_SLICE) {
    if (at > 0) await nextTurn();
    for (const record of records.slice(at, at + WRITE_SLICE)) rows.push(caseRowOf(record, ctx.bundleId, ctx.importedAt, ctx.manifest));
  }
  return rows;
}

/**
 * Stores a chunk; returns the ids of the cases stored as a new revision. `built` are the records'
 * rows when they were built beforehand (caseRowsOf), else they are built here.
 */
export async function writeChunk(db: CouncilDb, ctx: ChunkContext, records: readonly CaseRecord[], documents: DocumentRow[], built?: CaseRow[]): Promise<string[]> {
  const decided = records.filter((r) => ctx.decided.has(r.caseId)).map((r) => r.caseId);
  if (decided.length > 0) throw decidedRefusal(decided);
  const rows = built ?? (await caseRowsOf(ctx, records));
  try {
    return await writeRows(db, ctx, rows, documents, false);
  } catch (err) {
    // a key that appeared since (not storage running out: that is no reason to write it all again)
    if (err instanceof Error && err.name === 'BulkError' && !isQuotaExceeded(err)) return writeRows(db, ctx, rows, documents, true);
    throw err;
  }
}

function writeRows(db: CouncilDb, ctx: ChunkContext, rows: CaseRow[], documents: DocumentRow[], readAll: boolean): Promise<string[]> {
  const known = readAll ? rows : rows.filter((r) => ctx.existing.has(r.caseId));
  const fresh = readAll ? [] : rows.filter((r) => !ctx.existing.has(r.caseId));
  return db.transaction('rw', [db.cases, db.caseHistory, db.documents], async () => {
    let revised: string[] = [];
    if (known.length > 0) {
      const next = await nextRevisions(db, ctx, known);
      revised = next.revised;
      await inSlices(next.rows, (slice) => db.cases.bulkPut(slice));
    }
    await inSlices(fresh, (slice) => db.cases.bulkAdd(slice));
    if (documents.length > 0) await db.documents.bulkPut(documents);
    return revised;
  });
}

/** Inside the transaction: refuses decided cases, moves earlier revisions to caseHistory. */
async function nextRevisions(db: CouncilDb, ctx: ChunkContext, rows: CaseRow[]): Promise<{ rows: CaseRow[]; revised: string[] }> {
  const earlier = await db.cases.bulkGet(rows.map((r) => r.caseId));
  const decided = earlier.filter((e) => e && e.bundleId !== ctx.bundleId && e.status === 'decided').map((e) => e!.caseId);
  if (decided.length > 0) throw decidedRefusal(decided);
  const history: CaseHistoryRow[] = [];
  const revised: string[] = [];
  const next = rows.map((row, i) => {
    const old = earlier[i];
    if (!old || old.bundleId === ctx.bundleId) return row;
    history.push({ ...old, supersededAt: ctx.importedAt, supersededBy: ctx.bundleId });
    revised.push(row.caseId);
    return { ...row, revision: old.revision + 1, previousBundleId: old.bundleId };
  });
  if (history.length > 0) await db.caseHistory.bulkPut(history);
  return { rows: next, revised };
}
