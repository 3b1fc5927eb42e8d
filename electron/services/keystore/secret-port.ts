/**
 * The system's secret store as the keystore uses it: encrypt and decrypt bytes with a key the
 * operating system keeps (Keychain, DPAPI, libsecret or KWallet). main.ts hands Electron's
 * safeStorage to safeStorageSecrets(); tests use an in-memory one (test/support/memory-secret-port.ts).
 * Electron stays out of this file: it takes safeStorage by its shape.
 */

export interface SecretPort {
  /** Whether the system can protect secrets now (false: the keystore falls back to a passphrase). */
  isAvailable(): boolean;
  encrypt(bytes: Uint8Array): Uint8Array;
  /** Throws when the bytes were not made by encrypt() with this system's key. */
  decrypt(bytes: Uint8Array): Uint8Array;
}

/** What the keystore needs of Electron's safeStorage. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means a hard-coded key, which protects nothing. */
  getSelectedStorageBackend?(): string;
}

/**
 * safeStorage as a SecretPort. It encrypts strings, so the bytes travel as base64 (ASCII) and
 * any bytes come back unchanged. On Linux, the 'basic_text' backend (no keyring found) counts as
 * not available: its key is the same on every computer.
 */
export function safeStorageSecrets(safeStorage: SafeStorageLike, platform: string = process.platform): SecretPort {
  return {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend) {
        const backend = safeStorage.getSelectedStorageBackend();
        return backend !== 'basic_text' && backend !== 'unknown';
      }
      return true;
    },
    encrypt: (bytes) => new Uint8Array(safeStorage.encryptString(Buffer.from(bytes).toString('base64'))),
    decrypt: (bytes) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(bytes)), 'base64')),
  };
}
