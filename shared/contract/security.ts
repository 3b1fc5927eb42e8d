/**
 * The security settings main holds (and imports use), and the sync folder they give.
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import { securitySettingsChangeSchema, type SecuritySettingsChange, type SecuritySettingsInUse } from '../schemas/security-settings';
import type { DialogLanguage } from './app';

/**
 * A change of the security settings. `language`: the app's, for the confirmation dialog that a
 * change lowering a protection needs.
 */
export interface SecuritySettingsRequest {
  change: SecuritySettingsChange;
  language?: DialogLanguage;
}

export interface SecurityHandlers {
  /** The security settings the main process holds (and imports use), with the sync folder they give. */
  getSecuritySettings(arg: undefined): Promise<SecuritySettingsInUse>;
  /**
   * Changes some of them and answers all of them. A change that lowers a protection (signature
   * checks off, another trust file) is made only once the user confirms a native dialog; refused:
   * CONFIRMATION_DECLINED, nothing changed.
   */
  setSecuritySettings(arg: SecuritySettingsRequest): Promise<SecuritySettingsInUse>;
}

export const securityArgSchemas = {
  getSecuritySettings: z.undefined(),
  setSecuritySettings: z.strictObject({ change: securitySettingsChangeSchema, language: z.enum(['ko', 'en']).optional() }),
} as const satisfies ArgSchemasOf<SecurityHandlers>;
