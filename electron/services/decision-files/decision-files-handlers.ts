/**
 * The decision-files feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts).
 * PLACEHOLDER: being built; every call answers INTERNAL until then.
 */
import type { ApiHandlers } from '../../../shared/api';
import { CouncilError } from '../../../shared/result';
import type { FeatureContext } from '../feature-context';

export type ReceivedDecisionHandlers = Pick<ApiHandlers, 'listInboxDecisions' | 'openDecisionFile'>;

function notBuilt(method: string): never {
  throw new CouncilError('INTERNAL', `${method} is not built yet`);
}

export function createReceivedDecisionHandlers(_ctx: FeatureContext): ReceivedDecisionHandlers {
  return {
    listInboxDecisions: async () => notBuilt('listInboxDecisions'),
    openDecisionFile: async () => notBuilt('openDecisionFile'),
  };
}
