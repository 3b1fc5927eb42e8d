/**
 * The minutes feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts):
 * the minutes notary in the decision notary's lane, the print port of the app (none in browser
 * mode without a browser to print with), and the bundled font, loaded once on the first export;
 * each run's progress, kept while it runs under the renderer's runId.
 */
import type { ApiHandlers } from '../../../shared/api';
import type { FeatureContext } from '../feature-context';
import { createMinutesNotary } from '../notary/minutes-notary';
import type { MinutesProgress } from '../../../shared/minutes/minutes-steps';
import { exportMinutes, previewMinutes } from './minutes-export';
import { loadBundledFonts, type BundledFonts } from './minutes-fonts';

export type MinutesHandlers = Pick<ApiHandlers, 'exportMinutes' | 'getMinutesProgress' | 'previewMinutes'>;

export function createMinutesHandlers(ctx: FeatureContext, opts: { now?: () => Date } = {}): MinutesHandlers {
  const notary = createMinutesNotary(ctx, opts);
  let fonts: Promise<BundledFonts> | undefined;
  const loadFonts = () => {
    fonts ??= loadBundledFonts(ctx.paths.fontDir);
    fonts.catch(() => (fonts = undefined)); // a font that could not be read is tried again next time
    return fonts;
  };
  const runs = new Map<string, MinutesProgress>();
  return {
    exportMinutes: async (req) => {
      const { runId } = req;
      const onProgress = runId === undefined ? undefined : (p: MinutesProgress) => void runs.set(runId, p);
      try {
        return await exportMinutes({ notary, dialogs: ctx.dialogs, print: ctx.print, fonts: loadFonts, onProgress, now: opts.now }, req);
      } finally {
        if (runId !== undefined) runs.delete(runId);
      }
    },
    getMinutesProgress: async ({ runId }) => runs.get(runId) ?? null,
    previewMinutes: (req) => previewMinutes(notary, req),
  };
}
