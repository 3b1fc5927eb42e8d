/**
 * The trust-store feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts).
 * PLACEHOLDER: being built; every call answers INTERNAL until then.
 */
import type { ApiHandlers } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { FeatureContext } from '../feature-context';

export type TrustHandlers = Pick<ApiHandlers, 'addTrustedKey' | 'removeTrustedKey' | 'trustDeviceKeys' | 'exportTrustFile'>;

function notBuilt(method: string): never {
  throw new CouncilError('INTERNAL', `${method} is not built yet`);
}

export function createTrustHandlers(_ctx: FeatureContext): TrustHandlers {
  return {
    addTrustedKey: async () => notBuilt('addTrustedKey'),
    removeTrustedKey: async () => notBuilt('removeTrustedKey'),
    trustDeviceKeys: async () => notBuilt('trustDeviceKeys'),
    exportTrustFile: async () => notBuilt('exportTrustFile'),
  };
}
