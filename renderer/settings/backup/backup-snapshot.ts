/**
 * The database as one backup holds it, read in one read transaction over every table so the rows
 * agree with each other: every table's rows as dexie-export-import's JSON (each document's blob
 * left out, null), each distinct evidence Blob once (by the SHA-256 its document names), the rows
 * per table, the audit log's last entry and the schema version. Blobs read inside the transaction
 * stay readable after it: their bytes are read (and hashed) later, outside it.
 */
import { dexieExportImport } from './dexie-export-import';
import type { BackupManifest } from '../../../shared/api';
import type { DocumentRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';

/** Rows per chunk of the export: each chunk is one JSON.stringify, kept short so the page stays responsive. */
const ROWS_PER_CHUNK = 500;

/** One evidence file to back up: its bytes, and a document that holds them (to name in an error). */
export interface EvidenceFile {
  sha256: string;
  blob: Blob;
  document: { bundleId: string; file: string };
}

export interface BackupSnapshot {
  createdAt: string;
  dbVersion: number;
  tables: Record<string, number>;
  auditHead: BackupManifest['auditHead'];
  /** rows.json: dexie-export-import's JSON of every table, documents' blobs null. */
  rows: Blob;
  evidence: EvidenceFile[];
}

/** `onRows`: rows read so far of all tables, and how many there are. */
export async function readBackupSnapshot(db: CouncilDb, onRows?: (done: number, total: number) => void): Promise<BackupSnapshot> {
  const createdAt = new Date().toISOString();
  const evidence = new Map<string, EvidenceFile>();
  const transform = (table: string, value: unknown) => {
    if (table !== 'documents') return { value };
    const doc = value as DocumentRow;
    if (doc.blob instanceof Blob && !evidence.has(doc.sha256)) evidence.set(doc.sha256, { sha256: doc.sha256, blob: doc.blob, document: { bundleId: doc.bundleId, file: doc.file } });
    return { value: { ...doc, blob: null } };
  };
  // Loaded before the transaction: awaiting anything but the database inside it would end it.
  const { exportDB } = await dexieExportImport();
  return db.transaction('r', db.tables, async () => {
    const counts = await Promise.all(db.tables.map(async (table) => [table.name, await table.count()] as const));
    const last = await db.audit.orderBy('sequence').last();
    const rows = await exportDB(db, {
      noTransaction: true,
      numRowsPerChunk: ROWS_PER_CHUNK,
      transform,
      progressCallback: (p) => {
        onRows?.(p.completedRows, p.totalRows ?? 0);
        return true;
      },
    });
    return {
      createdAt,
      dbVersion: db.verno,
      tables: Object.fromEntries(counts),
      auditHead: last ? { sequence: last.sequence, hash: last.hash } : null,
      rows,
      evidence: [...evidence.values()],
    };
  });
}
