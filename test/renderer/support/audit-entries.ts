/** An audit log of `count` entries, written the way the app writes them (appendAudit). */
import { appendAudit } from '../../../renderer/db/audit';
import type { CouncilDb } from '../../../renderer/db/schema';

export async function seedAuditLog(db: CouncilDb, count: number): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    for (let i = 1; i <= count; i += 1) {
      await appendAudit(db, { entity: 'case', entityId: `1015-${String(i).padStart(6, '0')}`, action: 'review', detail: { note: `entry ${i}` }, at: `2023-03-02T14:${String(i % 60).padStart(2, '0')}:00+09:00` });
    }
  });
}
