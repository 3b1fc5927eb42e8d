/**
 * This device's keys (electron/services/keystore/): private halves never leave main.
 * Part of the contract between renderer/ and electron/, composed in shared/api.ts.
 */
import { z } from 'zod';
import { filePath, passphrase, type ArgSchemasOf } from './arg-schemas';

/** The two keys a device holds (FORMATS.md: the chair signs decision files, the secretary the minutes). */
export const DEVICE_KEY_ROLES = ['chair', 'secretary'] as const;
export type DeviceKeyRole = (typeof DEVICE_KEY_ROLES)[number];

/** One of this device's keys, as the renderer may see it: never the private half. */
export interface DeviceKey {
  role: DeviceKeyRole;
  keyid: string;
  publicKeyPem: string;
  createdAt: string;
  /** True when imported from a PKCS#8 PEM file, false when made on this device. */
  imported: boolean;
}

/** This device's keys and how their private halves are kept at rest. */
export interface DeviceKeys {
  /** 'safe-storage': the system's keychain (Electron safeStorage); 'passphrase': scrypt and AES-256-GCM. */
  protection: 'safe-storage' | 'passphrase';
  /** Whether a passphrase was set (passphrase protection, once the first key exists). */
  passphraseSet: boolean;
  /** Whether the keys can sign now (safe-storage: always; passphrase: once given in this run). */
  unlocked: boolean;
  chair: DeviceKey | null;
  secretary: DeviceKey | null;
}

export interface KeyHandlers {
  getDeviceKeys(arg: undefined): Promise<DeviceKeys>;
  /** Makes the role's key (refused when one exists: KEY_EXISTS). Passphrase protection: the passphrase sets it (first key) or must match. */
  createDeviceKey(arg: { role: DeviceKeyRole; passphrase?: string }): Promise<DeviceKeys>;
  /**
   * Imports the role's key from a PKCS#8 PEM file: the one main's file dialog gives (no path), or in
   * browser mode the one the in-app file picker chose (path). Null when the dialog is cancelled.
   */
  importDeviceKey(arg: { role: DeviceKeyRole; passphrase?: string; path?: string }): Promise<DeviceKeys | null>;
  /** Passphrase protection: unlocks the keys for this run. Wrong: KEY_PASSPHRASE_WRONG; after three, KEY_LOCKED_OUT for a pause. */
  unlockDeviceKeys(arg: { passphrase: string }): Promise<DeviceKeys>;
}

export const keyArgSchemas = {
  getDeviceKeys: z.undefined(),
  createDeviceKey: z.strictObject({ role: z.enum(DEVICE_KEY_ROLES), passphrase: passphrase.optional() }),
  importDeviceKey: z.strictObject({ role: z.enum(DEVICE_KEY_ROLES), passphrase: passphrase.optional(), path: filePath.optional() }),
  unlockDeviceKeys: z.strictObject({ passphrase }),
} as const satisfies ArgSchemasOf<KeyHandlers>;
