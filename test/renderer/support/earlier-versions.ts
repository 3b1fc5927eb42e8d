/** Databases as earlier versions of the app left them, to open at the current schema version. */
import Dexie from 'dexie';
import { afterEach } from 'vitest';
import type { BundleRow, CaseRow, DocumentRow } from '../../../renderer/db/rows';
import { openCouncilDb, schemaVersions, type CouncilDb } from '../../../renderer/db/schema';
import { freshDbName } from './render-app';

/** A case row (or earlier revision) as schema version 1 stored it: nothing computed, no duplicates. */
export function asVersion1(row: CaseRow): object {
  const { duplicates: _duplicates, ...rest } = row;
  return { ...rest, assessedLoss: null, suggestedTier: null, suggestion: null, flags: [] };
}

export interface StoredRows {
  bundles: BundleRow[];
  documents: DocumentRow[];
  /** Case rows in whatever shape the version stored them. */
  cases: object[];
  caseHistory?: object[];
}

const names: string[] = [];
const opened: CouncilDb[] = [];

/** Closes and deletes the databases made by storedAtVersion after each test of the file. */
export function deleteEarlierDbsAfterEach(): void {
  afterEach(async () => {
    for (const db of opened.splice(0)) db.close();
    for (const name of names.splice(0)) await Dexie.delete(name);
  });
}

/**
 * A database made by the schema steps up to `version`, holding these rows as that version's code
 * wrote them (from version 2 on, case rows bring their summary rows), then closed. Returns its name.
 */
export async function storedAtVersion(version: number, rows: StoredRows): Promise<string> {
  const name = freshDbName();
  names.push(name);
  const early = openCouncilDb(name, schemaVersions.filter((s) => s.version <= version));
  await early.transaction('rw', [early.bundles, early.documents, early.cases, early.caseHistory], async () => {
    await early.bundles.bulkPut(rows.bundles);
    await early.documents.bulkPut(rows.documents);
    await early.table('cases').bulkPut(rows.cases);
    if (rows.caseHistory) await early.table('caseHistory').bulkPut(rows.caseHistory);
  });
  early.close();
  return name;
}

/** The database of that name opened at the current version (and so upgraded). */
export async function openedNow(name: string): Promise<CouncilDb> {
  const db = openCouncilDb(name);
  opened.push(db);
  await db.open();
  return db;
}

/** The rows of `source` as schema version 1 stored them (no summaries, nothing computed). */
export async function version1Rows(source: CouncilDb): Promise<StoredRows> {
  const [bundles, documents, cases, caseHistory] = await Promise.all([source.bundles.toArray(), source.documents.toArray(), source.cases.toArray(), source.caseHistory.toArray()]);
  return { bundles, documents, cases: cases.map(asVersion1), caseHistory: caseHistory.map(asVersion1) };
}
