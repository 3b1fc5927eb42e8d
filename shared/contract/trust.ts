/**
 * The trust file: whom this device trusts, and the edits that go to the app's own trust file (electron/services/trust-store/).
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import type { ArgSchemasOf } from './arg-schemas';
import { TRUST_ROLES, type TrustRole } from '../schemas/trust-file';
import type { DialogLanguage } from './app';

/** The trust file in use: the one the user chose, or the built-in demo trust file. */
export interface TrustInfo {
  path: string;
  builtIn: boolean;
  keys: { keyid: string; name: string; roles: TrustRole[] }[];
}

/** A key to trust, from a PEM the user gave, with a name and roles. */
export interface TrustKeyRequest {
  name: string;
  roles: TrustRole[];
  publicKeyPem: string;
  language?: DialogLanguage;
}

export interface TrustHandlers {
  /**
   * The trust file in use, as the main process's settings say (the chosen one, or the built-in
   * demo trust file), and whom it trusts. No argument: the renderer cannot name a file to read.
   */
  describeTrust(arg: undefined): Promise<TrustInfo>;
  /** Trusts a key; asks the native confirmation first (CONFIRMATION_DECLINED). */
  addTrustedKey(arg: TrustKeyRequest): Promise<TrustInfo>;
  removeTrustedKey(arg: { keyid: string }): Promise<TrustInfo>;
  /** Trusts this device's chair key (role chair) and secretary key (role secretary) in one step, with the native confirmation. */
  trustDeviceKeys(arg: { chairName: string; secretaryName: string; language?: DialogLanguage }): Promise<TrustInfo>;
  /** Writes the trust file in use where the user says (main's save dialog), for the payment side; null when cancelled. */
  exportTrustFile(arg: undefined): Promise<string | null>;
}

export const trustArgSchemas = {
  // describeTrust and listInbox take no path: they use the main process's own settings.
  describeTrust: z.undefined(),
  addTrustedKey: z.strictObject({
    name: z.string().trim().min(1).max(200),
    roles: z.array(z.enum(TRUST_ROLES)).min(1).max(TRUST_ROLES.length),
    publicKeyPem: z.string().min(1).max(10_000),
    language: z.enum(['ko', 'en']).optional(),
  }),
  removeTrustedKey: z.strictObject({ keyid: z.string().regex(/^[0-9a-f]{64}$/) }),
  trustDeviceKeys: z.strictObject({ chairName: z.string().trim().min(1).max(200), secretaryName: z.string().trim().min(1).max(200), language: z.enum(['ko', 'en']).optional() }),
  exportTrustFile: z.undefined(),
} as const satisfies ArgSchemasOf<TrustHandlers>;
