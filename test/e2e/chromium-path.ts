import { existsSync } from 'node:fs';
import { REAL_QUOTA_SWITCH } from '../../electron/services/storage-quota';

/** Debian's Chromium, or the one named by $CHROMIUM_PATH. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM_MISSING_HELP = [
  `End-to-end tests need Chromium, and none was found at ${chromiumPath()}.`,
  'Install it with:   sudo apt-get update && sudo apt-get install -y chromium',
  'or point CHROMIUM_PATH at a Chromium or Chrome binary,',
  'or run the other tests only with:   SKIP_E2E=1 npm test',
].join('\n');

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath());
}

/** Flags for a headless Chromium on a machine with no network and no sandbox support as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // as the app's own Chromium runs: the page is told the real storage quota
  REAL_QUOTA_SWITCH,
];
