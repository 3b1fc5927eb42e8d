/**
 * The keystore feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts).
 * PLACEHOLDER: being built; every call answers INTERNAL until then.
 */
import type { ApiHandlers } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { FeatureContext } from '../feature-context';

export type KeyHandlers = Pick<ApiHandlers, 'getDeviceKeys' | 'createDeviceKey' | 'importDeviceKey' | 'unlockDeviceKeys'>;

function notBuilt(method: string): never {
  throw new CouncilError('INTERNAL', `${method} is not built yet`);
}

export function createKeyHandlers(_ctx: FeatureContext): KeyHandlers {
  return {
    getDeviceKeys: async () => notBuilt('getDeviceKeys'),
    createDeviceKey: async () => notBuilt('createDeviceKey'),
    importDeviceKey: async () => notBuilt('importDeviceKey'),
    unlockDeviceKeys: async () => notBuilt('unlockDeviceKeys'),
  };
}
