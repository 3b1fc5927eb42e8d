/** A stand-in for the preload bridge: answers like the main process does, with Results. */
import { vi } from 'vitest';
import type { AppInfo, ApiBridge, DemoCouncil } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/result';

export const APP_INFO: AppInfo = { name: 'Council Desk', version: '0.1.0-test', platform: 'linux', demoAvailable: true };

export function fakeBridge(demo: DemoCouncil | Result<DemoCouncil>, appInfo: AppInfo = APP_INFO) {
  const reply = 'ok' in demo ? demo : ok(demo);
  const bridge = {
    getAppInfo: vi.fn(async () => ok(appInfo)),
    loadDemoCouncil: vi.fn(async () => reply),
  } satisfies ApiBridge;
  window.councilDesk = bridge;
  return bridge;
}

export function failingBridge(code: string, message: string) {
  return fakeBridge(fail(code, message));
}
