/**
 * The one writer of the `caseSummaries` table: a Dexie middleware (openCouncilDb installs it) under
 * every write to `cases`. Whatever writes case rows (add, put, their bulk forms, update, modify,
 * delete, clear; in an explicit transaction, an implicit one or a schema upgrade) writes or deletes
 * their summary rows in the same transaction, one bulk request for each request on `cases`. A
 * read-write transaction that takes in `cases` takes in `caseSummaries` too, so callers need not
 * name it, and nothing else writes it. A database older than the summaries is left alone.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import { caseSummaryOf } from './case-summary';
import type { CaseRow } from './rows';

const CASES = 'cases';
const SUMMARIES = 'caseSummaries';

export const caseSummarySync: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'caseSummarySync',
  create(down) {
    const tables = new Set(down.schema.tables.map((t) => t.name));
    if (!tables.has(CASES) || !tables.has(SUMMARIES)) return down;
    const cases = summarising(down.table(CASES), down.table(SUMMARIES));
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && stores.includes(CASES) && !stores.includes(SUMMARIES) ? [...stores, SUMMARIES] : stores, mode, options),
      table: (name) => (name === CASES ? cases : down.table(name)),
    };
  },
};

/** The cases table, each write followed by the same write of the summaries (for what succeeded). */
function summarising(cases: DBCoreTable, summaries: DBCoreTable): DBCoreTable {
  return {
    ...cases,
    mutate: (req) =>
      cases.mutate(req).then((res) => {
        const follow = summaryRequest(req, res);
        if (!follow) return res;
        return summaries.mutate(follow).then((done) => {
          if (done.numFailures > 0) throw Object.values(done.failures)[0];
          return res;
        });
      }),
  };
}

function succeeded<T>(items: readonly T[], res: DBCoreMutateResponse): readonly T[] {
  return res.numFailures === 0 ? items : items.filter((_, i) => !(i in res.failures));
}

function summaryRequest(req: DBCoreMutateRequest, res: DBCoreMutateResponse): DBCoreMutateRequest | null {
  const { trans } = req;
  switch (req.type) {
    case 'add':
    case 'put': {
      const values = succeeded(req.values as readonly CaseRow[], res).map(caseSummaryOf);
      return values.length > 0 ? { type: 'put', trans, values } : null;
    }
    case 'delete': {
      const keys = [...succeeded(req.keys, res)];
      return keys.length > 0 ? { type: 'delete', trans, keys } : null;
    }
    case 'deleteRange':
      // Both tables are keyed by caseId: the same range of keys.
      return res.numFailures === 0 ? { type: 'deleteRange', trans, range: req.range } : null;
  }
}
