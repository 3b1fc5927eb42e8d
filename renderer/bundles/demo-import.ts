/**
 * The demo council's own part: its members, its name and "first run done", stored in one
 * read-write transaction with an audit entry. Its bundle is not stored here: the welcome imports
 * the demo bundle file through the streaming import, like any other bundle. Storing the same
 * council again changes nothing and adds no audit entry.
 */
import type { DemoCouncil } from '../../shared/api';
import { canonicalJson } from '../../shared/canonical-json';
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';

export async function storeDemoMembers(
  db: CouncilDb,
  demo: Pick<DemoCouncil, 'councilName' | 'members'>,
  now: () => string = () => new Date().toISOString(),
): Promise<{ stored: boolean }> {
  const at = now();
  return db.transaction('rw', [db.members, db.settings, db.audit], async () => {
    const existing = await db.members.bulkGet(demo.members.map((m) => m.memberId));
    const settings = await db.settings.bulkGet(['councilName', 'firstRunDone']);
    const same =
      existing.every((row, i) => row !== undefined && canonicalJson(row) === canonicalJson(demo.members[i])) &&
      settings[0]?.value === demo.councilName &&
      settings[1]?.value === true;
    if (same) return { stored: false };
    await db.members.bulkPut(demo.members.map((m) => ({ ...m })));
    await db.settings.bulkPut([
      { key: 'councilName', value: demo.councilName },
      { key: 'firstRunDone', value: true },
    ]);
    await appendAudit(db, {
      at,
      entity: 'member',
      entityId: 'demo-council',
      action: 'store-demo-members',
      actor: null,
      detail: { councilName: demo.councilName, members: demo.members.map((m) => m.memberId) },
    });
    return { stored: true };
  });
}
