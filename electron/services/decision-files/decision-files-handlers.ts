/**
 * The decision-files feature's calls of shared/api.ts (composed into the handler map by
 * api-handlers.ts): other devices' decision files, from the sync folder's inbox or opened by the
 * user, verified against the trust in use and shown read-only.
 */
import type { ApiHandlers } from '../../../shared/api';
import { isDefaultSyncFolder, type FeatureContext } from '../feature-context';
import { listInboxDecisions, openDecisionFile } from './inbox-decisions';

export type ReceivedDecisionHandlers = Pick<ApiHandlers, 'listInboxDecisions' | 'openDecisionFile'>;

export function createReceivedDecisionHandlers(ctx: FeatureContext): ReceivedDecisionHandlers {
  return {
    async listInboxDecisions() {
      const own = [await ctx.keys.publicKey('chair'), await ctx.keys.publicKey('secretary')].flatMap((key) => (key ? [key.keyid] : []));
      const sync = await ctx.syncFolder();
      return listInboxDecisions(sync, await ctx.trustedKeys(), own, { missingIsEmpty: isDefaultSyncFolder(sync, ctx.home) });
    },
    async openDecisionFile({ path }) {
      const file = path ?? (await ctx.dialogs.openFile('decision'));
      if (file === null) return null;
      return openDecisionFile(file, await ctx.trustedKeys(), await ctx.syncFolder());
    },
  };
}
