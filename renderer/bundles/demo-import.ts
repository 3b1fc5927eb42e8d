/**
 * The demo council's own part: its members, its name, "first run done" and the operator (the
 * demo council's secretary, unless the operator already stored is one of its members), stored in
 * one read-write transaction with an audit entry. Its bundle is not stored here: the welcome
 * imports the demo bundle through the streaming import, like any other bundle. Storing the same
 * council again changes nothing and adds no audit entry.
 */
import type { DemoCouncil } from '../../shared/api';
import { canonicalJson } from '../../shared/canonical-json';
import type { Member } from '../../shared/council';
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';
import { operatorOf } from '../db/settings';

/** Who is at the keyboard by default: the council's secretary (null when it has none). */
export function defaultOperator(members: readonly Pick<Member, 'memberId' | 'role'>[]): string | null {
  return members.find((m) => m.role === 'secretary')?.memberId ?? null;
}

export async function storeDemoMembers(
  db: CouncilDb,
  demo: Pick<DemoCouncil, 'councilName' | 'members'>,
  now: () => string = () => new Date().toISOString(),
): Promise<{ stored: boolean }> {
  const at = now();
  return db.transaction('rw', [db.members, db.settings, db.audit], async () => {
    const existing = await db.members.bulkGet(demo.members.map((m) => m.memberId));
    const settings = await db.settings.bulkGet(['councilName', 'firstRunDone', 'operator']);
    const stored = operatorOf(settings[2]?.value);
    const operatorKnown = demo.members.some((m) => m.memberId === stored);
    const same =
      existing.every((row, i) => row !== undefined && canonicalJson(row) === canonicalJson(demo.members[i])) &&
      settings[0]?.value === demo.councilName &&
      settings[1]?.value === true &&
      operatorKnown;
    if (same) return { stored: false };
    const operator = operatorKnown ? stored : defaultOperator(demo.members);
    await db.members.bulkPut(demo.members.map((m) => ({ ...m })));
    await db.settings.bulkPut([
      { key: 'councilName', value: demo.councilName },
      { key: 'firstRunDone', value: true },
      { key: 'operator', value: operator },
    ]);
    // Written after the operator, so the entry names the operator it chose.
    await appendAudit(db, {
      at,
      entity: 'member',
      entityId: 'demo-council',
      action: 'store-demo-members',
      detail: { councilName: demo.councilName, members: demo.members.map((m) => m.memberId), operator },
    });
    return { stored: true };
  });
}
