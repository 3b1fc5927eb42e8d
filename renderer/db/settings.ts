/** Typed access to the settings table: one row per key. */
import type { Language } from '../../shared/i18n';
import type { CouncilDb } from './schema';

export interface Settings {
  firstRunDone: boolean;
  language: Language;
  /** Refuse bundles that are unsigned or signed by a key the trust file does not trust. */
  requireSignature: boolean;
  /** The trust file bundles are verified against; null: the built-in demo trust file. */
  trustFile: string | null;
  /** The folder shared with the secretariat (bundles arrive in its inbox/); null: none chosen. */
  syncFolder: string | null;
  councilName: string;
}

export const DEFAULT_SETTINGS: Settings = {
  firstRunDone: false,
  language: 'ko',
  requireSignature: true,
  trustFile: null,
  syncFolder: null,
  councilName: '',
};

const isPathOrNull = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v !== '');

const validators: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  firstRunDone: (v): v is boolean => typeof v === 'boolean',
  language: (v): v is Language => v === 'ko' || v === 'en',
  requireSignature: (v): v is boolean => typeof v === 'boolean',
  trustFile: isPathOrNull,
  syncFolder: isPathOrNull,
  councilName: (v): v is string => typeof v === 'string',
};

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
