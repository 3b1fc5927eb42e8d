/**
 * The main-process side of the contract (shared/api.ts). Plain Node: ipc.ts binds these to
 * Electron, the end-to-end harness exposes them to Chromium, tests call them directly.
 */
import { readFile } from 'node:fs/promises';
import type { ApiHandlers } from '../../shared/api';
import { DEMO_COUNCIL_NAME, DEMO_MEMBERS } from '../../shared/council';
import { CouncilError } from '../../shared/result';
import type { AppPaths } from './app-paths';
import { loadSmallBundle } from './demo-bundle-loader';
import { loadTrustFile } from './trust-file';

export interface HandlerContext {
  appVersion: string;
  platform: string;
  paths: AppPaths;
}

async function fileExists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

export function createApiHandlers(ctx: HandlerContext): ApiHandlers {
  return {
    async getAppInfo() {
      return {
        name: 'Council Desk',
        version: ctx.appVersion,
        platform: ctx.platform,
        demoAvailable: await fileExists(ctx.paths.demoBundle),
      };
    },

    async loadDemoCouncil() {
      const bytes = await readFile(ctx.paths.demoBundle).catch(() => {
        throw new CouncilError('DEMO_MISSING', `The demo bundle was not found at ${ctx.paths.demoBundle}. Run "npm run build" to make it.`);
      });
      const trust = await loadTrustFile(ctx.paths.demoTrust);
      const bundle = loadSmallBundle(new Uint8Array(bytes), trust.keys, 'demo.cdbundle');
      return { councilName: DEMO_COUNCIL_NAME, members: DEMO_MEMBERS.map((m) => ({ ...m })), bundle };
    },
  };
}
