/**
 * The operator: the member at this device's keyboard (usually the secretary), whom every audit
 * entry names as its actor. Chosen on the welcome screen, changeable in the header; each change is
 * stored with its audit entry in one transaction.
 */
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';
import { operatorOf, writeSetting } from '../db/settings';
import { useCouncilStore } from '../common/council-store';

export async function chooseOperator(db: CouncilDb, memberId: string): Promise<void> {
  await db.transaction('rw', [db.members, db.settings, db.audit], async () => {
    const member = await db.members.get(memberId);
    if (!member) throw new Error(`There is no member ${memberId} in the roster.`);
    // One who left the council does not keep its record.
    if (!member.active) throw new Error(`${member.name} (${memberId}) is no longer an active member and cannot be the operator.`);
    const previous = operatorOf((await db.settings.get('operator'))?.value);
    if (previous === memberId) return;
    await writeSetting(db, 'operator', memberId);
    // Written after the operator, so the entry's actor is the member now at the keyboard.
    await appendAudit(db, { entity: 'settings', entityId: 'operator', action: 'choose', detail: { operator: memberId, previous } });
  });
  useCouncilStore.getState().setSettings({ operator: memberId });
}
