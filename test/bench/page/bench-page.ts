import './cases-bench';
import './pdf-bench';
import './meeting-bench';
import './single-vote-bench';
/**
 * The browser half of the import benchmark, built with the renderer's own modules: the app's
 * import pipeline (importBundle: IPC bridge, chunks, Dexie writes, rollback bookkeeping) against
 * the baseline of a raw Dexie bulkPut of the very same rows in the same browser.
 */
import { createCouncilApi } from '../../../renderer/common/council-api';
import { caseRowOf } from '../../../renderer/db/case-row';
import { openCouncilDb } from '../../../renderer/db/schema';
import { EvidenceAssembler } from '../../../renderer/bundles/import/evidence-assembler';
import { importBundle } from '../../../renderer/bundles/import/import-bundle';
import type { CaseRow, DocumentRow } from '../../../renderer/db/rows';

const api = createCouncilApi();

async function appImport(path: string, dbName: string): Promise<{ ms: number; outcome: string; cases: number }> {
  const db = openCouncilDb(dbName);
  await db.open();
  const started = performance.now();
  const outcome = await importBundle(db, api, { path });
  const ms = performance.now() - started;
  db.close();
  return { ms, outcome: outcome.kind, cases: outcome.kind === 'imported' ? outcome.cases : -1 };
}

/**
 * Gathers the bundle's rows exactly as the import builds them (not timed): case rows assessed
 * against the manifest, their summary rows, documents; then times one bulkPut per table.
 */
async function baseline(path: string, dbName: string): Promise<{ ms: number; readMs: number; blobMs: number; cases: number; documents: number }> {
  const readStarted = performance.now();
  const begun = await api.importBegin({ path });
  if (!begun.started) throw new Error(`benchmark bundle refused: ${begun.report.errors[0]?.message}`);
  const { manifest } = begun.summary;
  const assembler = new EvidenceAssembler(manifest.bundleId, manifest.files);
  const cases: CaseRow[] = [];
  const documents: DocumentRow[] = [];
  const importedAt = new Date().toISOString();
  let blobMs = 0; // turning the evidence bytes into Blobs, which the app must do too
  for (;;) {
    const chunk = await api.importNext({ importId: begun.importId });
    if (chunk.kind !== 'data') break;
    for (const record of chunk.cases) cases.push(caseRowOf(record, manifest.bundleId, importedAt, manifest));
    const blobsStarted = performance.now();
    assembler.addCases(chunk.cases);
    assembler.addPieces(chunk.evidence);
    documents.push(...assembler.takeReady());
    blobMs += performance.now() - blobsStarted;
  }
  const readMs = performance.now() - readStarted;
  const db = openCouncilDb(dbName);
  await db.open();
  const started = performance.now();
  // the database writes each case's summary row with it (db/case-summary-sync.ts), as in the app
  await db.transaction('rw', [db.cases, db.documents], async () => {
    await db.cases.bulkPut(cases);
    await db.documents.bulkPut(documents);
  });
  const ms = performance.now() - started;
  db.close();
  return { ms, readMs, blobMs, cases: cases.length, documents: documents.length };
}

async function drop(dbName: string): Promise<void> {
  await new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(dbName);
    req.onsuccess = resolve;
    req.onerror = () => reject(req.error);
  });
}

Object.assign(window, { councilBench: { appImport, baseline, drop } });
