/**
 * The security settings and the sync folder: the main process holds them and decides (asking the
 * user to confirm a change that lowers a protection); each change it accepts is audited here, and
 * the store's copy is replaced by what it answered.
 */
import type { SecuritySettings, SecuritySettingsChange, SecuritySettingsInUse } from '../../shared/api';
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';
import type { CouncilApi } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import { useUiStore } from '../common/ui-store';

export type SecurityApi = Pick<CouncilApi, 'getSecuritySettings' | 'setSecuritySettings'>;

type Key = keyof SecuritySettings;
const KEYS: readonly Key[] = ['requireSignature', 'trustFile', 'syncFolder'];

/** The audit entry's action for each setting's new value. */
const ACTION: { [K in Key]: (value: SecuritySettings[K]) => string } = {
  requireSignature: (required) => (required ? 'enable' : 'disable'),
  trustFile: (trustFile) => (trustFile === null ? 'use-built-in' : 'choose'),
  syncFolder: (folder) => (folder === null ? 'clear' : 'choose'),
};

/**
 * Asks the main process for the change (in the app's language, for its dialog); once it accepts,
 * writes one audit entry per setting that changed. A declined confirmation rejects with
 * CONFIRMATION_DECLINED and changes nothing; after any failure the store reads the settings again.
 */
export async function changeSecurity(db: CouncilDb, api: SecurityApi, change: SecuritySettingsChange): Promise<SecuritySettingsInUse> {
  const store = useCouncilStore.getState();
  let after: SecuritySettingsInUse;
  let before: SecuritySettingsInUse;
  try {
    before = store.security ?? (await api.getSecuritySettings());
    after = await api.setSecuritySettings({ change, language: useUiStore.getState().language });
  } catch (err) {
    await store.loadSecurity(api);
    throw err;
  }
  store.setSecurity(after);
  const changed = KEYS.filter((key) => before[key] !== after[key]);
  if (changed.length > 0) {
    await db.transaction('rw', [db.settings, db.audit], async () => {
      for (const key of changed) {
        const action = (ACTION[key] as (value: SecuritySettings[Key]) => string)(after[key]);
        await appendAudit(db, { entity: 'settings', entityId: key, action, detail: { [key]: after[key] } });
      }
    });
  }
  return after;
}

/** Whether unsigned or untrusted bundles are refused. Turning it off needs the user's confirmation. */
export function chooseRequireSignature(db: CouncilDb, api: SecurityApi, required: boolean): Promise<SecuritySettingsInUse> {
  return changeSecurity(db, api, { requireSignature: required });
}

/** The trust file bundles are verified against (null: the built-in demo trust file); confirmed first. */
export function chooseTrustFile(db: CouncilDb, api: SecurityApi, trustFile: string | null): Promise<SecuritySettingsInUse> {
  return changeSecurity(db, api, { trustFile });
}

/** The sync folder (null: none chosen, so the default one is used); audited, as decisions go out through it. */
export function chooseSyncFolder(db: CouncilDb, api: SecurityApi, syncFolder: string | null): Promise<SecuritySettingsInUse> {
  return changeSecurity(db, api, { syncFolder });
}
