/**
 * The notary feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts).
 * PLACEHOLDER: being built; every call answers INTERNAL until then.
 */
import type { ApiHandlers } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { FeatureContext } from '../feature-context';

export type DecisionHandlers = Pick<ApiHandlers, 'getDecisionLedger' | 'exportDecisions' | 'getOutboxStatus' | 'retryOutbox'>;

function notBuilt(method: string): never {
  throw new CouncilError('INTERNAL', `${method} is not built yet`);
}

export function createDecisionHandlers(_ctx: FeatureContext): DecisionHandlers {
  return {
    getDecisionLedger: async () => notBuilt('getDecisionLedger'),
    exportDecisions: async () => notBuilt('exportDecisions'),
    getOutboxStatus: async () => notBuilt('getOutboxStatus'),
    retryOutbox: async () => notBuilt('retryOutbox'),
  };
}
