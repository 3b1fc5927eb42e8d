/** Changing a preference: the store, the UI and the settings table move together. */
import { appendAudit } from '../db/audit';
import type { CouncilDb } from '../db/schema';
import { writeSetting, type Language } from '../db/settings';
import { applyLanguage } from '../i18n';
import { useCouncilStore } from './council-store';
import { useUiStore } from './ui-store';

export async function chooseLanguage(db: CouncilDb, language: Language): Promise<void> {
  await applyLanguage(language);
  useUiStore.getState().setLanguage(language);
  useCouncilStore.getState().setSettings({ language });
  await writeSetting(db, 'language', language);
}

/** Whether unsigned bundles may be imported: a security setting, so the change is audited. */
export async function chooseRequireSignedBundles(db: CouncilDb, required: boolean): Promise<void> {
  await db.transaction('rw', [db.settings, db.audit], async () => {
    await writeSetting(db, 'requireSignedBundles', required);
    await appendAudit(db, {
      entity: 'settings',
      entityId: 'requireSignedBundles',
      action: required ? 'enable' : 'disable',
      actor: null,
      detail: { requireSignedBundles: required },
    });
  });
  useCouncilStore.getState().setSettings({ requireSignedBundles: required });
}

/** Applies the stored language at start-up. */
export async function restoreLanguage(language: Language): Promise<void> {
  await applyLanguage(language);
  useUiStore.getState().setLanguage(language);
}
