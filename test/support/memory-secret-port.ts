/**
 * A system secret store in memory, for tests (main and e2e): like Electron's safeStorage, it
 * encrypts with a key the "system" keeps (here a random AES-256-GCM key of this port), so the
 * bytes on disk are not the secret, another port (another computer) cannot decrypt them, and
 * changed bytes fail. `available` can be turned off to play a keyring that is gone.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretPort } from '../../electron/services/keystore/secret-port';

export interface MemorySecretPort extends SecretPort {
  available: boolean;
  /** How many times encrypt() was called. */
  encrypted: number;
}

export function memorySecretPort({ available = true }: { available?: boolean } = {}): MemorySecretPort {
  const key = randomBytes(32);
  const port: MemorySecretPort = {
    available,
    encrypted: 0,
    isAvailable: () => port.available,
    encrypt(bytes) {
      if (!port.available) throw new Error('the secret store is not available');
      port.encrypted += 1;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
      return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decrypt(bytes) {
      if (!port.available) throw new Error('the secret store is not available');
      const all = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, all.subarray(0, 12));
      decipher.setAuthTag(all.subarray(12, 28));
      return new Uint8Array(Buffer.concat([decipher.update(all.subarray(28)), decipher.final()]));
    },
  };
  return port;
}
