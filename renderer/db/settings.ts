/** Typed access to the settings table: one row per key. */
import type { Language } from '../../shared/i18n';
import type { CouncilDb } from './schema';

/**
 * The renderer's own settings. The security settings (signed bundles required, the trust file, the
 * sync folder) are not here: the main process keeps them (shared/api.ts getSecuritySettings), and
 * rows of them an earlier version stored here are ignored.
 */
export interface Settings {
  firstRunDone: boolean;
  language: Language;
  councilName: string;
  /**
   * The operator: the memberId of the member at this device's keyboard, whom every audit entry
   * names as its actor (renderer/db/audit.ts). null: none chosen yet (no roster, or not chosen).
   */
  operator: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  firstRunDone: false,
  language: 'ko',
  councilName: '',
  operator: null,
};

const validators: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  firstRunDone: (v): v is boolean => typeof v === 'boolean',
  language: (v): v is Language => v === 'ko' || v === 'en',
  councilName: (v): v is string => typeof v === 'string',
  operator: (v): v is string | null => v === null || (typeof v === 'string' && v !== ''),
};

/** The operator as stored, or null when none (or something unreadable) is stored. */
export function operatorOf(value: unknown): string | null {
  return validators.operator(value) ? value : null;
}

/** Every setting, with defaults for the ones never stored (or stored in a shape we no longer read). */
export async function readSettings(db: CouncilDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const key = row.key as keyof Settings;
    if (Object.hasOwn(validators, key) && validators[key](row.value)) {
      (settings as unknown as Record<string, unknown>)[key] = row.value;
    }
  }
  return settings;
}

export async function writeSetting<K extends keyof Settings>(db: CouncilDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
