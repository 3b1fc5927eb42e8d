/**
 * The keystore feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts).
 * Each answers the keys as the renderer may see them (DeviceKeys): never a private half.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ApiHandlers } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { FeatureContext } from '../feature-context';
import type { Keystore } from './keystore';

export type KeyHandlers = Pick<ApiHandlers, 'getDeviceKeys' | 'createDeviceKey' | 'importDeviceKey' | 'unlockDeviceKeys'>;

/** A PKCS#8 Ed25519 PEM is about 120 bytes; a file far bigger is not one. */
const MAX_PEM_BYTES = 64 * 1024;

export function createKeyHandlers(ctx: FeatureContext, keystore: Keystore): KeyHandlers {
  return {
    getDeviceKeys: () => keystore.status(),
    createDeviceKey: ({ role, passphrase }) => keystore.create(role, passphrase),
    async importDeviceKey({ role, passphrase, path }) {
      const file = path ?? (await ctx.dialogs.openFile('key'));
      if (file === null) return null;
      return keystore.importPem(role, await readPemFile(file), passphrase, file);
    },
    unlockDeviceKeys: ({ passphrase }) => keystore.unlock(passphrase),
  };
}

async function readPemFile(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CouncilError('KEY_INVALID', `${path} is not a file; choose a private key file (PKCS#8 PEM).`);
    if (info.size > MAX_PEM_BYTES) throw new CouncilError('KEY_INVALID', `${path} is ${info.size} bytes, too big for a private key file (at most 64 KB).`);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof CouncilError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CouncilError('KEY_NOT_FOUND', `private key file not found: ${path}`);
    throw new CouncilError('KEY_INVALID', `cannot read private key file ${path}: ${(e as Error).message}`);
  }
}
