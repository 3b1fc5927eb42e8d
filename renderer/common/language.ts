/**
 * The UI language: the screen (i18next), the ui-store and the settings table move together. The
 * ui-store is the one place the current language lives; the settings table keeps it across restarts.
 */
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n';
import type { CouncilDb } from '../db/schema';
import { readSettings, writeSetting } from '../db/settings';
import { applyLanguage } from './i18n';
import { useUiStore } from './ui-store';

async function showLanguage(language: Language): Promise<void> {
  await applyLanguage(language);
  useUiStore.getState().setLanguage(language);
}

export async function chooseLanguage(db: CouncilDb, language: Language): Promise<void> {
  await showLanguage(language);
  await writeSetting(db, 'language', language);
}

/** Applies the stored language at start-up (the default when the settings cannot be read). */
export async function restoreLanguage(db: CouncilDb): Promise<void> {
  const language = await readSettings(db).then(
    (settings) => settings.language,
    () => DEFAULT_LANGUAGE,
  );
  await showLanguage(language);
}
