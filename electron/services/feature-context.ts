/**
 * What each feature's handlers (keystore/, notary/, decision-files/, trust-store/) are made with:
 * the app's paths and dialogs, the security settings, this device's keys and the trust in use.
 * api-handlers.ts makes one and composes every feature's handler map from it.
 */
import { join } from 'node:path';
import type { AppMode, DeviceKey, DeviceKeyRole } from '../../shared/api';
import type { TrustedKey } from '../../shared/schemas/trust-file';
import type { AppPaths } from './app-paths';
import type { DialogPort } from './dialog-port';
import type { PrintPort } from './minutes/print-port';
import type { SecretPort } from './keystore/secret-port';
import type { SecuritySettingsStore } from './security-settings';

/** One of this device's keys, able to sign; its private half stays inside. */
export interface DeviceSigner {
  keyid: string;
  publicKeyPem: string;
  /** The Ed25519 signature of `message`. */
  sign(message: Uint8Array): Uint8Array;
}

/** This device's keys as other features use them (the keystore implements it). */
export interface DeviceKeyAccess {
  /** The role's public key; null when there is none yet. */
  publicKey(role: DeviceKeyRole): Promise<DeviceKey | null>;
  /** The role's signer. Throws CouncilError KEY_MISSING (none made) or KEYSTORE_LOCKED (passphrase not given). */
  signer(role: DeviceKeyRole): Promise<DeviceSigner>;
}

export interface FeatureContext {
  paths: AppPaths;
  dialogs: DialogPort;
  mode: AppMode;
  /** The user's home folder (tests give a temporary one). */
  home: string;
  security: Promise<SecuritySettingsStore>;
  keys: DeviceKeyAccess;
  /** The keys of the trust file in use (the settings' one, or the built-in demo trust file). */
  trustedKeys(): Promise<TrustedKey[]>;
  /** The sync folder: the settings' one, else the default `<home>/Council Desk/sync` (it may not exist). */
  syncFolder(): Promise<string>;
  /** How the minutes' HTML becomes a PDF; none in browser mode when no Chromium or Chrome was found. */
  print?: PrintPort;
  /** The system's secret store (Electron's safeStorage); none: nothing secret is kept across runs but by a passphrase. */
  secrets?: SecretPort;
}

/** Where the sync folder is when none was chosen in Settings (issue 12). */
export function defaultSyncFolder(home: string): string {
  return join(home, 'Council Desk', 'sync');
}

/** The sync folder in use: the one chosen in Settings, else the default. */
export function syncFolderInUse(chosen: string | null, home: string): string {
  return chosen ?? defaultSyncFolder(home);
}

/**
 * Whether `folder` is the default sync folder: the one folder made when it is missing (its inbox
 * then simply empty). A chosen folder that is missing (a USB stick pulled, a share down) is never
 * made again: it stays SYNC_FOLDER_MISSING until it is back.
 */
export function isDefaultSyncFolder(folder: string, home: string): boolean {
  return folder === defaultSyncFolder(home);
}
