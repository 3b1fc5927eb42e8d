/** A fresh council database for each test of a file, handed to `use`, closed and deleted after the test. */
import { beforeEach } from 'vitest';
import { openCouncilDb, type CouncilDb } from '../../../renderer/db/schema';
import { freshDbName } from './render-app';

export function freshDbEachTest(use: (db: CouncilDb) => void): void {
  beforeEach(() => {
    const db = openCouncilDb(freshDbName());
    use(db);
    return async () => {
      db.close();
      await db.delete();
    };
  });
}
