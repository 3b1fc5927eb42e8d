/**
 * Duplicate flags brought up to date when a bundle becomes ready (FORMATS.md: duplicates are found
 * across every bundle imported). Runs inside the finishing transaction, with cases, caseHistory and
 * documents in its scope (the summaries of the cases it writes follow, db/case-summary-sync.ts).
 *
 * The affected cases are the bundle's own and every current case that shares a registration
 * number, a bank-account fingerprint or an evidence SHA-256 with them, or with the revisions the
 * bundle superseded (a case that named such a revision may lose its flag), and the cases those
 * name as their duplicates. Their flags are worked out over them and every case sharing their keys
 * in turn. A document counts for a case only when it belongs to the case's current revision (its
 * bundleId is the case row's). The index queries are batched (anyOf, bulkGet): their number does
 * not grow with the bundle. When the other cases are no more than the bundle's, they are all read
 * instead (see refreshBundleDuplicates).
 */
import { findDuplicates, type DuplicateCaseSummary } from '../../../shared/duplicate-flags';
import type { CaseRow } from '../../db/rows';
import type { CouncilDb } from '../../db/schema';
import { duplicateSummaryOf, withDuplicates } from '../../db/case-assessment';

interface Keys {
  registrationNo: Set<string>;
  bankAccountFingerprint: Set<string>;
  sha256: Set<string>;
}

interface Found {
  row: CaseRow;
  summary: DuplicateCaseSummary;
}

/**
 * Updates flags and duplicates of the affected cases whose duplicates changed.
 * `bundleCases` are the bundle's cases as written (their rows carry no duplicates yet).
 * Returns the ids of the cases updated.
 */
export async function refreshBundleDuplicates(db: CouncilDb, bundleId: string, bundleCases: readonly DuplicateCaseSummary[]): Promise<string[]> {
  const own = new Set(bundleCases.map((c) => c.caseId));
  // The index lookups step over the bundle's own entries too; when the other cases are no more
  // than the bundle's (a first import, say), reading them all is cheaper, and as exact.
  const others = (await db.cases.count()) - own.size;
  const { affected, context } = others <= own.size ? { affected: await otherCases(db, own), context: new Map<string, Found>() } : await sharingCases(db, bundleId, bundleCases, own);

  const duplicates = findDuplicates([...bundleCases, ...[...affected.values(), ...context.values()].map((f) => f.summary)]);
  const flaggedOwn = [...own].filter((id) => duplicates.has(id));
  const ownRows = (await db.cases.bulkGet(flaggedOwn)).filter((r): r is CaseRow => r !== undefined && r.bundleId === bundleId);
  const changed: CaseRow[] = [];
  for (const row of [...ownRows, ...[...affected.values()].map((f) => f.row)]) {
    const next = withDuplicates(row, duplicates.get(row.caseId) ?? []);
    if (next) changed.push(next);
  }
  if (changed.length > 0) await db.cases.bulkPut(changed);
  return changed.map((r) => r.caseId);
}

/** Every current case not in the bundle. */
async function otherCases(db: CouncilDb, own: ReadonlySet<string>): Promise<Map<string, Found>> {
  const ids = (await db.cases.toCollection().primaryKeys()).filter((id) => !own.has(id));
  const rows = (await db.cases.bulkGet(ids)).filter((r): r is CaseRow => r !== undefined);
  return new Map((await withHashes(db, rows)).map((f) => [f.row.caseId, f]));
}

/**
 * Through the indexes: the cases sharing a key with the bundle's cases or the revisions it
 * superseded (affected), and the cases sharing a key with those (context, for their flags).
 */
async function sharingCases(db: CouncilDb, bundleId: string, bundleCases: readonly DuplicateCaseSummary[], own: ReadonlySet<string>) {
  const superseded = await db.caseHistory.where('supersededBy').equals(bundleId).toArray();
  const stale = await withHashes(db, superseded);
  const firstKeys = keysOf([...bundleCases, ...stale.map((s) => s.summary)]);
  const affected = await casesSharing(db, firstKeys, own, bundleId);
  // The cases they named are affected too: an evidence file two cases of one bundle point to is
  // stored once, under the first, so the index finds only that one.
  const named = [...affected.values()].flatMap((f) => f.row.duplicates.flatMap((d) => d.caseIds)).filter((id) => !own.has(id) && !affected.has(id));
  const namedRows = (await db.cases.bulkGet([...new Set(named)])).filter((r): r is CaseRow => r !== undefined);
  for (const f of await withHashes(db, namedRows)) affected.set(f.row.caseId, f);
  const seen = new Set([...own, ...affected.keys()]);
  const context = await casesSharing(db, minus(keysOf([...affected.values()].map((f) => f.summary)), firstKeys), seen, bundleId);
  return { affected, context };
}

function keysOf(summaries: readonly DuplicateCaseSummary[]): Keys {
  const keys: Keys = { registrationNo: new Set(), bankAccountFingerprint: new Set(), sha256: new Set() };
  for (const s of summaries) {
    if (s.registrationNo !== '') keys.registrationNo.add(s.registrationNo);
    if (s.bankAccountFingerprint !== '') keys.bankAccountFingerprint.add(s.bankAccountFingerprint);
    for (const h of s.documentHashes) keys.sha256.add(h);
  }
  return keys;
}

function minus(keys: Keys, done: Keys): Keys {
  const rest = (a: Set<string>, b: Set<string>) => new Set([...a].filter((k) => !b.has(k)));
  return {
    registrationNo: rest(keys.registrationNo, done.registrationNo),
    bankAccountFingerprint: rest(keys.bankAccountFingerprint, done.bankAccountFingerprint),
    sha256: rest(keys.sha256, done.sha256),
  };
}

/**
 * The current cases, other than `exclude`, sharing one of the keys. Documents of `ownBundle` are
 * skipped: they belong to the bundle's own cases, which the caller knows.
 */
async function casesSharing(db: CouncilDb, keys: Keys, exclude: ReadonlySet<string>, ownBundle: string): Promise<Map<string, Found>> {
  const byCaseKey = new Set<string>();
  const docKeys: [string, string][] = [];
  const collect = (key: unknown, cursor: { primaryKey: string }) => {
    if (!exclude.has(cursor.primaryKey)) byCaseKey.add(cursor.primaryKey);
  };
  await Promise.all([
    keys.registrationNo.size > 0 ? db.cases.where('registrationNo').anyOf([...keys.registrationNo]).eachKey(collect) : null,
    keys.bankAccountFingerprint.size > 0 ? db.cases.where('bankAccountFingerprint').anyOf([...keys.bankAccountFingerprint]).eachKey(collect) : null,
    keys.sha256.size > 0
      ? db.documents
          .where('sha256')
          .anyOf([...keys.sha256])
          .eachKey((_key, cursor) => {
            if (cursor.primaryKey[0] !== ownBundle) docKeys.push(cursor.primaryKey);
          })
      : null,
  ]);
  // A document names its case; it counts only for the case's current revision.
  const byDocument = new Map<string, Set<string>>();
  for (const doc of docKeys.length > 0 ? await db.documents.bulkGet(docKeys) : []) {
    if (!doc || exclude.has(doc.caseId)) continue;
    let bundles = byDocument.get(doc.caseId);
    if (bundles === undefined) byDocument.set(doc.caseId, (bundles = new Set()));
    bundles.add(doc.bundleId);
  }
  const ids = [...new Set([...byCaseKey, ...byDocument.keys()])];
  const rows = (await db.cases.bulkGet(ids)).filter(
    (row): row is CaseRow => row !== undefined && (byCaseKey.has(row.caseId) || byDocument.get(row.caseId)!.has(row.bundleId)),
  );
  return new Map((await withHashes(db, rows)).map((f) => [f.row.caseId, f]));
}

/** Each row with its duplicate summary, the hashes read from its revision's document rows. */
async function withHashes<R extends CaseRow>(db: CouncilDb, rows: readonly R[]): Promise<{ row: R; summary: DuplicateCaseSummary }[]> {
  const refs = rows.flatMap((row) => row.record.documents.map((d) => [row.bundleId, d.file] as [string, string]));
  const docs = refs.length > 0 ? await db.documents.bulkGet(refs) : [];
  const hashes = new Map<string, string>();
  docs.forEach((doc, i) => {
    if (doc) hashes.set(`${refs[i]![0]}\n${refs[i]![1]}`, doc.sha256);
  });
  return rows.map((row) => ({ row, summary: duplicateSummaryOf(row.record, row.bundleId, (file) => hashes.get(`${row.bundleId}\n${file}`)) }));
}
