/**
 * Stores the demo council (members, its bundle with cases and evidence) in one read-write
 * transaction: all of it or nothing. Running it again stores nothing new.
 */
import type { DemoCouncil } from '../../shared/api';
import type { EvidenceFile, VerifiedBundle } from '../../shared/bundle-types';
import { appendAudit } from './audit';
import { caseRowOf } from './case-row';
import type { BundleRow, CaseRow, DocumentRow } from './rows';
import type { CouncilDb } from './schema';

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface StoreDemoResult {
  bundleId: string;
  cases: number;
  documents: number;
  /** True when this very bundle was stored before: nothing was added. */
  alreadyStored: boolean;
}

/** A fresh ArrayBuffer copy, so the Blob never aliases a larger buffer the bytes may view into. */
function toBlob(file: EvidenceFile): Blob {
  return new Blob([file.bytes.slice()], { type: file.mediaType });
}

export function caseRowsOf(bundle: VerifiedBundle, importedAt: string): CaseRow[] {
  const bundleId = bundle.manifest.bundleId;
  return bundle.cases.map((record) => caseRowOf(record, bundleId, importedAt));
}

/** One document row per document a case points to, with the bytes of the evidence file it names. */
export function documentRowsOf(bundle: VerifiedBundle): DocumentRow[] {
  const byFile = new Map(bundle.evidence.map((e) => [e.file, e]));
  return bundle.cases.flatMap((record) =>
    record.documents.map((doc) => {
      const evidence = byFile.get(doc.file);
      if (!evidence) {
        throw new StoreError('EVIDENCE_MISSING', `Case ${record.caseId} points to ${doc.file}, which is not in bundle ${bundle.manifest.bundleId}.`);
      }
      return {
        bundleId: bundle.manifest.bundleId,
        file: doc.file,
        caseId: record.caseId,
        sha256: evidence.sha256,
        blob: toBlob(evidence),
        mediaType: doc.mediaType,
        kind: doc.kind,
        title: doc.title,
        size: evidence.bytes.byteLength,
      };
    }),
  );
}

export async function storeDemoCouncil(db: CouncilDb, demo: DemoCouncil, now: () => string = () => new Date().toISOString()): Promise<StoreDemoResult> {
  const { bundle } = demo;
  const bundleId = bundle.manifest.bundleId;
  const importedAt = now();
  // Blobs are built before the transaction: nothing but Dexie may be awaited inside it.
  const caseRows = caseRowsOf(bundle, importedAt);
  const documentRows = documentRowsOf(bundle);
  const evidenceBytes = documentRows.reduce((sum, d) => sum + d.size, 0);

  return db.transaction('rw', [db.members, db.bundles, db.cases, db.documents, db.settings, db.audit], async () => {
    await db.members.bulkPut(demo.members.map((m) => ({ ...m })));
    await db.settings.bulkPut([
      { key: 'councilName', value: demo.councilName },
      { key: 'firstRunDone', value: true },
    ]);

    const existing = await db.bundles.get(bundleId);
    if (existing && existing.manifestSha256 === bundle.manifestSha256 && existing.status === 'ready') {
      return { bundleId, cases: existing.counts.cases, documents: existing.counts.documents, alreadyStored: true };
    }
    if (existing && existing.manifestSha256 !== bundle.manifestSha256) {
      throw new StoreError('BUNDLE_ID_CONFLICT', `A different bundle with the id ${bundleId} is already stored.`);
    }
    const clashes = (await db.cases.bulkGet(caseRows.map((c) => c.caseId))).filter((c) => c && c.bundleId !== bundleId);
    if (clashes[0]) {
      throw new StoreError('CASE_ID_CONFLICT', `Case ${clashes[0].caseId} is already stored from bundle ${clashes[0].bundleId}.`);
    }

    const bundleRow: BundleRow = {
      bundleId,
      status: 'ready',
      importedAt,
      fileName: null,
      manifest: bundle.manifest,
      manifestSha256: bundle.manifestSha256,
      signature: bundle.signature,
      planned: { cases: bundle.cases.length, evidence: bundle.evidence.length, bytes: evidenceBytes },
      counts: { cases: caseRows.length, documents: documentRows.length, evidenceBytes, revised: 0 },
    };
    await db.bundles.put(bundleRow);
    await db.cases.bulkPut(caseRows);
    await db.documents.bulkPut(documentRows);
    await appendAudit(db, {
      at: importedAt,
      entity: 'bundle',
      entityId: bundleId,
      action: 'import-demo',
      actor: null,
      detail: {
        councilName: demo.councilName,
        manifestSha256: bundle.manifestSha256,
        signature: bundle.signature.state,
        cases: caseRows.length,
        documents: documentRows.length,
        members: demo.members.map((m) => m.memberId),
      },
    });
    return { bundleId, cases: caseRows.length, documents: documentRows.length, alreadyStored: false };
  });
}
