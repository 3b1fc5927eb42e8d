import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING_HELP, chromiumAvailable } from './chromium-path';

export default function setup(): void {
  if (!chromiumAvailable()) throw new Error(CHROMIUM_MISSING_HELP);
  for (const built of ['dist/renderer/index.html', 'dist/demo/demo.cdbundle']) {
    if (!existsSync(built)) throw new Error(`End-to-end tests run the built app, and ${built} is missing: run "npm run build" first (npm test does).`);
  }
}
