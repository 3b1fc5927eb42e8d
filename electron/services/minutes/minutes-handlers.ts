/**
 * The minutes feature's calls of shared/api.ts (composed into the handler map by api-handlers.ts):
 * the minutes notary in the decision notary's lane, the print port of the app (none in browser
 * mode without a browser to print with), and the bundled font, loaded once on the first export.
 */
import type { ApiHandlers } from '../../../shared/api';
import type { FeatureContext } from '../feature-context';
import { createMinutesNotary } from '../notary/minutes-notary';
import { exportMinutes } from './minutes-export';
import { loadBundledFonts, type BundledFonts } from './minutes-fonts';

export type MinutesHandlers = Pick<ApiHandlers, 'exportMinutes'>;

export function createMinutesHandlers(ctx: FeatureContext, opts: { now?: () => Date } = {}): MinutesHandlers {
  const notary = createMinutesNotary(ctx, opts);
  let fonts: Promise<BundledFonts> | undefined;
  const loadFonts = () => {
    fonts ??= loadBundledFonts(ctx.paths.fontDir);
    fonts.catch(() => (fonts = undefined)); // a font that could not be read is tried again next time
    return fonts;
  };
  return {
    exportMinutes: (req) => exportMinutes({ notary, dialogs: ctx.dialogs, print: ctx.print, fonts: loadFonts }, req),
  };
}
