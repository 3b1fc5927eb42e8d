import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseSummaryOf } from '../../renderer/db/case-summary';
import type { CaseRow } from '../../renderer/db/rows';
import type { CouncilDb } from '../../renderer/db/schema';
import { rollBackInterruptedImports } from '../../renderer/bundles/import/bundle-rollback';
import { writeChunk } from '../../renderer/bundles/import/chunk-writer';
import { startLocalImport } from '../../renderer/bundles/import/import-start';
import { failingAt } from './support/bundle-fixture';
import { caseBundle, caseSpec as spec, imported, importFixture, registrationNo } from './support/case-bundle';
import { deleteEarlierDbsAfterEach, openedNow, storedAtVersion, version1Rows } from './support/earlier-versions';
import { freshDbEachTest } from './support/fresh-db';

let db: CouncilDb;
freshDbEachTest((fresh) => (db = fresh));
deleteEarlierDbsAfterEach();

const SHARED_REG = registrationNo('550810003');

const FIRST = () => caseBundle('B-FIRST', [spec('A-1', 1), spec('A-REG', 2, { registrationNo: SHARED_REG }), spec('A-3', 3), spec('A-4', 4)]);
/** Re-issues A-1 with a larger claim; L-REG shares A-REG's registration number. */
const LATER = () => caseBundle('B-LATER', [spec('A-1', 1, { claimedLoss: 640_000 }), spec('L-REG', 11, { registrationNo: SHARED_REG })]);

/**
 * The two tables are equal: every case row's summary is its summary row, and there is no summary
 * row without a case. Returns the number of cases.
 */
async function inStep(of: CouncilDb = db): Promise<number> {
  const [cases, summaries] = await Promise.all([of.cases.toArray(), of.caseSummaries.toArray()]);
  expect(summaries).toEqual(cases.map(caseSummaryOf));
  return cases.length;
}

const summary = (caseId: string) => db.caseSummaries.get(caseId);

describe('the summary rows through every path of the import', () => {
  it('a new bundle, a revision coming back, and the duplicate refresh of an earlier case when a later bundle arrives', async () => {
    await imported(db, FIRST());
    expect(await inStep()).toBe(4);

    await imported(db, LATER());
    expect(await inStep()).toBe(5);
    expect(await summary('A-1')).toMatchObject({ bundleId: 'B-LATER', revision: 2, claimedLoss: 640_000 });
    expect(await summary('A-REG')).toMatchObject({ bundleId: 'B-FIRST', revision: 1 });
    expect((await summary('A-REG'))?.flags).toContain('DUPLICATE_REGISTRATION_NO');
  });

  it('the rollback of an interrupted import: its cases go with their summaries, the case it re-issued comes back with its own', async () => {
    await imported(db, FIRST());
    const before = await db.caseSummaries.toArray();
    const cut = LATER();
    const start = await startLocalImport(db, cut.summary, '2023-03-11T09:00:00+09:00');
    if (!start.go) throw new Error('expected the import to start');
    await writeChunk(db, start.ctx, cut.cases, []);
    expect(await inStep()).toBe(5);
    expect(await summary('A-1')).toMatchObject({ bundleId: 'B-LATER', revision: 2 });

    await expect(rollBackInterruptedImports(db)).resolves.toEqual(['B-LATER']);

    expect(await inStep()).toBe(4);
    expect(await db.caseSummaries.toArray()).toEqual(before);
  });

  it('a cancelled import and one that fails its checks leave them as they were', async () => {
    await imported(db, FIRST());
    const before = await db.caseSummaries.toArray();

    const controller = new AbortController();
    const cancelled = await importFixture(db, LATER(), { signal: controller.signal, onProgress: (p) => p.casesRead === 1 && controller.abort() });
    expect(cancelled).toMatchObject({ kind: 'cancelled' });
    expect(await inStep()).toBe(4);
    expect(await db.caseSummaries.toArray()).toEqual(before);

    const failing = LATER();
    const error = { kind: 'case' as const, file: 'cases.ndjson', line: 2, path: 'claimedLoss', code: 'AMOUNT_NOT_INTEGER', params: {}, message: 'must be a whole number of won (no decimals)' };
    await expect(importFixture(db, failing, { chunks: failingAt(failing, 2, [error]) })).resolves.toMatchObject({ kind: 'invalid' });
    expect(await inStep()).toBe(4);
    expect(await db.caseSummaries.toArray()).toEqual(before);
  });

  it('the schema upgrade of the rows version 1 stored, with no summaries', async () => {
    await imported(db, FIRST());
    await imported(db, LATER());

    const old = await openedNow(await storedAtVersion(1, await version1Rows(db)));

    expect(await inStep(old)).toBe(5);
  });
});

describe('the summary rows through every way Dexie writes a case row', () => {
  it('follow a status change, modify, bulkUpdate and put, in transactions that do not name them or in none', async () => {
    await imported(db, FIRST());

    await db.cases.update('A-1', { status: 'decided' });
    expect(await summary('A-1')).toMatchObject({ status: 'decided' });
    await db.cases.where('bundleId').equals('B-FIRST').modify((row: CaseRow) => {
      if (row.status === 'undecided') row.status = 'voted';
    });
    expect((await db.caseSummaries.toArray()).map((s) => s.status)).toEqual(['decided', 'voted', 'voted', 'voted']);
    await db.cases.bulkUpdate([{ key: 'A-3', changes: { status: 'deferred', businessName: '다시 온 가게' } }]);
    expect(await summary('A-3')).toMatchObject({ status: 'deferred', businessName: '다시 온 가게' });
    await db.transaction('rw', [db.bundles, db.cases], async () => {
      const row = (await db.cases.get('A-4'))!;
      await db.cases.put({ ...row, claimedLoss: 123_000 });
    });
    expect(await summary('A-4')).toMatchObject({ claimedLoss: 123_000 });
    expect(await inStep()).toBe(4);
  });

  it('go with delete, bulkDelete, a deleting query and clear', async () => {
    await imported(db, FIRST());
    await imported(db, LATER());

    await db.cases.delete('A-3');
    expect(await inStep()).toBe(4);
    await db.cases.bulkDelete(['A-4', 'NOT-STORED']);
    expect(await inStep()).toBe(3);
    await db.cases.where('bundleId').equals('B-LATER').delete();
    expect(await inStep()).toBe(1);
    await db.cases.clear();
    expect(await inStep()).toBe(0);
    expect(await db.caseSummaries.count()).toBe(0);
  });

  it('are not written when the transaction fails, and only for the rows a partly failing bulkAdd stored', async () => {
    await imported(db, FIRST());
    const before = await db.caseSummaries.toArray();
    await expect(
      db.transaction('rw', db.cases, async () => {
        await db.cases.update('A-1', { status: 'decided' });
        throw new Error('stop here');
      }),
    ).rejects.toThrow('stop here');
    expect(await db.caseSummaries.toArray()).toEqual(before);

    const a1 = (await db.cases.get('A-1'))!;
    const added = { ...a1, caseId: 'A-NEW', claimedLoss: 5_000 };
    await expect(db.cases.bulkAdd([{ ...a1, claimedLoss: 1 }, added])).rejects.toMatchObject({ name: 'BulkError' });
    expect(await summary('A-1')).toEqual(caseSummaryOf(a1));
    expect(await summary('A-NEW')).toEqual(caseSummaryOf(added));
    expect(await inStep()).toBe(5);
  });
});

describe('the one writer of the summary rows', () => {
  const WRITES = /\.(put|bulkPut|add|bulkAdd|update|bulkUpdate|upsert|delete|bulkDelete|clear|modify)\(/;
  const root = join(__dirname, '../../renderer');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

  it('is db/case-summary-sync.ts: elsewhere in renderer/ the table is only read', () => {
    const named = files(root).filter((f) => readFileSync(f, 'utf8').includes('caseSummaries'));
    const readers = named.map((f) => relative(root, f).replaceAll('\\', '/')).filter((f) => f !== 'db/case-summary-sync.ts' && f !== 'db/schema.ts');
    expect(readers.sort()).toEqual(['cases/cases-store.ts', 'db/case-assessment-upgrade.ts', 'meeting/agenda-view.ts']);
    for (const file of readers) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const at of text.matchAll(/caseSummaries/g)) {
        const statement = text.slice(at.index, text.indexOf(';', at.index));
        expect(statement, `${file}: ${statement}`).not.toMatch(WRITES);
      }
    }
  });
});
