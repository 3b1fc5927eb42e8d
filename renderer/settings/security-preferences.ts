/** The security settings and the sync folder: each change is written with its audit entry. */
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';
import { writeSetting, type Settings } from '../db/settings';
import { useCouncilStore } from '../common/council-store';

type AuditedKey = 'requireSignature' | 'trustFile' | 'syncFolder';

/** Writes a setting and its audit entry in one transaction, then updates the store. */
async function writeAuditedSetting<K extends AuditedKey>(db: CouncilDb, key: K, value: Settings[K], action: string): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    await writeSetting(db, key, value);
    await appendAudit(db, { entity: 'settings', entityId: key, action, actor: null, detail: { [key]: value } });
  });
  useCouncilStore.getState().setSettings({ [key]: value } as Pick<Settings, K>);
}

/** Whether unsigned or untrusted bundles are refused: a security setting, so the change is audited. */
export function chooseRequireSignature(db: CouncilDb, required: boolean): Promise<void> {
  return writeAuditedSetting(db, 'requireSignature', required, required ? 'enable' : 'disable');
}

/** The trust file bundles are verified against (null: the built-in demo trust file); audited. */
export function chooseTrustFile(db: CouncilDb, trustFile: string | null): Promise<void> {
  return writeAuditedSetting(db, 'trustFile', trustFile, trustFile === null ? 'use-built-in' : 'choose');
}

/** The sync folder (null: none); audited, as decisions go out through it. */
export function chooseSyncFolder(db: CouncilDb, syncFolder: string | null): Promise<void> {
  return writeAuditedSetting(db, 'syncFolder', syncFolder, syncFolder === null ? 'clear' : 'choose');
}
