/**
 * THE contract between renderer/ and electron/: every call the renderer can make, its argument
 * and its result. electron/ipc.ts binds each name to `council:<name>`; preload.ts exposes exactly
 * these names; the end-to-end harness exposes the same handlers to Chromium. A call's types
 * follow from its name.
 */
import { z } from 'zod';
import type { VerifiedBundle } from './bundle-types';
import type { Member } from './council';
import type { Result } from './result';

export const API_CHANNEL_PREFIX = 'council:';
/** The name of the object preload.ts puts on `window`. */
export const API_GLOBAL = 'councilDesk';

export interface AppInfo {
  name: string;
  version: string;
  /** process.platform of the main process, e.g. linux, win32, darwin. */
  platform: string;
  /** Whether the demo council's bundle is available to load. */
  demoAvailable: boolean;
}

export interface DemoCouncil {
  councilName: string;
  members: Member[];
  bundle: VerifiedBundle;
}

/** The main-process side of every call: handlers implement this. */
export interface ApiHandlers {
  getAppInfo(arg: undefined): Promise<AppInfo>;
  loadDemoCouncil(arg: undefined): Promise<DemoCouncil>;
}

export type ApiMethod = keyof ApiHandlers;
export type ApiArg<M extends ApiMethod> = Parameters<ApiHandlers[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<ApiHandlers[M]>>;

/** Each call's argument schema: the main process validates every argument with these. */
export const apiArgSchemas = {
  getAppInfo: z.undefined(),
  loadDemoCouncil: z.undefined(),
} as const satisfies { [M in ApiMethod]: z.ZodType<ApiArg<M>> };

export const API_METHODS = Object.keys(apiArgSchemas) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiArgSchemas, name);
}

/** What the renderer sees on `window.councilDesk`: each call answers with a Result, never throws. */
export type ApiBridge = { [M in ApiMethod]: (arg: ApiArg<M>) => Promise<Result<ApiValue<M>>> };
