/**
 * The security settings, kept by the main process in a file of the user-data folder
 * (electron/services/security-settings.ts): whether bundles must be signed by a trusted key, the
 * trust file they are checked against, and the sync folder. The renderer reads them and asks to
 * change them (shared/api.ts getSecuritySettings, setSecuritySettings).
 */
import { z } from 'zod';

const filePath = z.string().min(1).max(4096);

export interface SecuritySettings {
  /** Refuse bundles that are unsigned or signed by a key the trust file does not trust. */
  requireSignature: boolean;
  /** The trust file bundles are verified against; null: the built-in demo trust file. */
  trustFile: string | null;
  /** The folder shared with the secretariat (bundles arrive in its inbox/); null: none chosen, so the default one is used. */
  syncFolder: string | null;
}

/** The settings as main answers them (getSecuritySettings, setSecuritySettings): those kept, and the sync folder they give. */
export interface SecuritySettingsInUse extends SecuritySettings {
  /**
   * The sync folder every call uses: `syncFolder` when one is chosen, else the default
   * `<home>/Council Desk/sync` (made when something is written into it; it may not exist yet).
   */
  syncFolderInUse: string;
}

/** The safe defaults: what a missing or broken settings file gives. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { requireSignature: true, trustFile: null, syncFolder: null };

export const SECURITY_SETTINGS_VERSION = 1;

/**
 * The settings file as written: the settings and a version. Keys it does not know (from a later
 * version) are dropped; anything else wrong makes the whole file unusable, so the defaults apply.
 */
export const securitySettingsFileSchema = z.object({
  version: z.literal(SECURITY_SETTINGS_VERSION),
  requireSignature: z.boolean(),
  trustFile: filePath.nullable(),
  syncFolder: filePath.nullable(),
});

/** A change the renderer asks for: some of the settings, at least one. */
export const securitySettingsChangeSchema = z
  .strictObject({
    requireSignature: z.boolean().optional(),
    trustFile: filePath.nullable().optional(),
    syncFolder: filePath.nullable().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { error: 'names no setting to change' });

export type SecuritySettingsChange = Partial<SecuritySettings>;
