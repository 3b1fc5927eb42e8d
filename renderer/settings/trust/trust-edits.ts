/**
 * The trust edits (Settings → Trust): the main process makes each one (asking its native
 * confirmation before a key is trusted) and answers the trust file in use afterwards; once it has,
 * the edit is audited here (entity settings, entityId trust) with the keys it concerns, and the
 * store's copy of the security settings is read again (the first edit makes the app's own trust
 * file the one in use). A declined confirmation rejects with CONFIRMATION_DECLINED: nothing to audit.
 */
import type { TrustInfo, TrustKeyRequest } from '../../../shared/api';
import type { CouncilApi } from '../../common/council-api';
import { useCouncilStore } from '../../common/council-store';
import { useUiStore } from '../../common/ui-store';
import { appendAudit } from '../../db/audit';
import type { CouncilDb } from '../../db/schema';

export type TrustApi = Pick<CouncilApi, 'addTrustedKey' | 'removeTrustedKey' | 'trustDeviceKeys' | 'exportTrustFile' | 'getSecuritySettings'>;

export type TrustedKeyInfo = TrustInfo['keys'][number];

/** The audit entry's action for each edit. */
export type TrustAction = 'add-key' | 'remove-key' | 'trust-device-keys' | 'export';

async function audit(db: CouncilDb, action: TrustAction, detail: Record<string, unknown>): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], () => appendAudit(db, { entity: 'settings', entityId: 'trust', action, detail }));
}

/** The keys `after` trusts that `before` did not: what an edit added. */
function addedKeys(before: TrustInfo, after: TrustInfo): TrustedKeyInfo[] {
  const known = new Set(before.keys.map((k) => k.keyid));
  return after.keys.filter((k) => !known.has(k.keyid));
}

const entryOf = ({ keyid, name, roles }: TrustedKeyInfo) => ({ keyid, name, roles });

async function edited(db: CouncilDb, api: TrustApi, action: TrustAction, detail: Record<string, unknown>, after: TrustInfo): Promise<TrustInfo> {
  await audit(db, action, { ...detail, trustFile: after.path });
  await useCouncilStore.getState().loadSecurity(api);
  return after;
}

/** Trusts a key from a PEM (`before`: the trust file as shown, to tell the new key's keyid). */
export async function addTrustedKey(db: CouncilDb, api: TrustApi, before: TrustInfo, request: Omit<TrustKeyRequest, 'language'>): Promise<TrustInfo> {
  const after = await api.addTrustedKey({ ...request, language: useUiStore.getState().language });
  const [key] = addedKeys(before, after);
  return edited(db, api, 'add-key', key ? entryOf(key) : { name: request.name, roles: request.roles }, after);
}

export async function removeTrustedKey(db: CouncilDb, api: TrustApi, key: TrustedKeyInfo): Promise<TrustInfo> {
  const after = await api.removeTrustedKey({ keyid: key.keyid });
  return edited(db, api, 'remove-key', entryOf(key), after);
}

/** Trusts this device's chair key (role chair) and secretary key (role secretary). */
export async function trustDeviceKeys(db: CouncilDb, api: TrustApi, before: TrustInfo, names: { chairName: string; secretaryName: string }): Promise<TrustInfo> {
  const after = await api.trustDeviceKeys({ ...names, language: useUiStore.getState().language });
  return edited(db, api, 'trust-device-keys', { keys: addedKeys(before, after).map(entryOf) }, after);
}

/** Exports the trust file in use where the user says; null (nothing audited) when the save dialog was cancelled. */
export async function exportTrustFile(db: CouncilDb, api: TrustApi, shown: TrustInfo): Promise<string | null> {
  const path = await api.exportTrustFile();
  if (path !== null) await audit(db, 'export', { path, trustFile: shown.path, keyids: shown.keys.map((k) => k.keyid) });
  return path;
}
