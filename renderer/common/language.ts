/** The UI language: the screen, the store and the settings table move together. */
import type { CouncilDb } from '../db/schema';
import { writeSetting, type Language } from '../db/settings';
import { applyLanguage } from './i18n';
import { useCouncilStore } from './council-store';
import { useUiStore } from './ui-store';

export async function chooseLanguage(db: CouncilDb, language: Language): Promise<void> {
  await applyLanguage(language);
  useUiStore.getState().setLanguage(language);
  useCouncilStore.getState().setSettings({ language });
  await writeSetting(db, 'language', language);
}

/** Applies the stored language at start-up. */
export async function restoreLanguage(language: Language): Promise<void> {
  await applyLanguage(language);
  useUiStore.getState().setLanguage(language);
}
