/**
 * THE contract between renderer/ and electron/: every call the renderer can make, its argument
 * and its result. electron/ipc.ts binds each name to `council:<name>`; preload.ts exposes exactly
 * these names; browser mode (council-desk serve) and the end-to-end tests carry the same calls to
 * the same handlers over its loopback HTTP bridge. A call's types follow from its name.
 *
 * Each feature's calls, their types and their argument schemas live in shared/contract/<feature>.ts;
 * this file composes them into one handler map and one schema map.
 */
import { z } from 'zod';
import type { Result } from './result';
import { appArgSchemas, type AppHandlers } from './contract/app';
import { auditArgSchemas, type AuditHandlers } from './contract/audit';
import { backupArgSchemas, type BackupHandlers } from './contract/backup';
import { bundleArgSchemas, type BundleHandlers } from './contract/bundles';
import { decisionArgSchemas, type DecisionHandlers } from './contract/decisions';
import { keyArgSchemas, type KeyHandlers } from './contract/keys';
import { minutesArgSchemas, type MinutesHandlers } from './contract/minutes';
import { securityArgSchemas, type SecurityHandlers } from './contract/security';
import { trustArgSchemas, type TrustHandlers } from './contract/trust';

export * from './contract/app';
export * from './contract/audit';
export * from './contract/backup';
export * from './contract/bundles';
export * from './contract/decisions';
export * from './contract/keys';
export * from './contract/minutes';
export * from './contract/security';
export * from './contract/trust';

export const API_CHANNEL_PREFIX = 'council:';
/** The name of the object preload.ts puts on `window`. */
export const API_GLOBAL = 'councilDesk';

/** The main-process side of every call: handlers implement this. */
export interface ApiHandlers extends AppHandlers, SecurityHandlers, BundleHandlers, TrustHandlers, AuditHandlers, KeyHandlers, DecisionHandlers, MinutesHandlers, BackupHandlers {}

/** The projector view's route: the app's page with this hash and the meeting id after it. */
export const PROJECTOR_HASH_PREFIX = '#projector=';

export type ApiMethod = keyof ApiHandlers;
export type ApiArg<M extends ApiMethod> = Parameters<ApiHandlers[M]>[0];
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<ApiHandlers[M]>>;

/** Each call's argument schema: the main process validates every argument with these. */
export const apiArgSchemas = {
  ...appArgSchemas,
  ...securityArgSchemas,
  ...bundleArgSchemas,
  ...trustArgSchemas,
  ...auditArgSchemas,
  ...keyArgSchemas,
  ...decisionArgSchemas,
  ...minutesArgSchemas,
  ...backupArgSchemas,
} as const satisfies { [M in ApiMethod]: z.ZodType<ApiArg<M>> };

export const API_METHODS = Object.keys(apiArgSchemas) as ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiArgSchemas, name);
}

/** What the renderer sees on `window.councilDesk`: each call answers with a Result, never throws. */
export type ApiBridge = { [M in ApiMethod]: (arg: ApiArg<M>) => Promise<Result<ApiValue<M>>> } & {
  /**
   * The path of a file dropped on the window (Electron's webUtils.getPathForFile), answered in the
   * preload itself, not over IPC. "" when the file has no path (not from the file system).
   */
  pathForFile(file: object): string;
};

export type { AuditWitness, WitnessEntry, WitnessHead, WitnessRestart } from './audit-witness';
export type { BundleSummary } from './bundle-import';
export type { MinutesProgress } from './minutes/minutes-steps';
export type { SecuritySettings, SecuritySettingsChange, SecuritySettingsInUse } from './schemas/security-settings';
export { MEETING_ID_PATTERN } from './decisions/decision-file-name';
