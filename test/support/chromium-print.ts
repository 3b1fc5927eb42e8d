/**
 * The tests' and the benchmark's printer: browser mode's headless print
 * (electron/services/browser-mode/headless-print.ts) on Debian's Chromium (or $CHROMIUM_PATH)
 * with the tests' flags. It starts on the first print and ends on close().
 */
import { headlessPrint, type HeadlessPrint } from '../../electron/services/browser-mode/headless-print';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium-path';

export function chromiumPrint(): HeadlessPrint {
  return headlessPrint({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
