/**
 * The renderer's only way to the main process: a typed client over `window.councilDesk`
 * (the ApiBridge of shared/api.ts), put there by Electron's preload, or in browser mode by the
 * page itself (http-bridge.ts). A `{ok:false}` reply becomes a thrown ApiError carrying the
 * error's code and message, so screens can show both.
 */
import { API_METHODS, type ApiArg, type ApiBridge, type ApiMethod, type ApiValue } from '../../shared/api';
import { isErrorCode, type ErrorCode, type Result } from '../../shared/result';
import { installBrowserBridge } from './http-bridge';
import type { StorageFigures } from './storage/storage-figures';
import { isQuotaExceeded, STORAGE_FULL_MESSAGE } from './storage/storage-full';

declare global {
  interface Window {
    councilDesk: ApiBridge;
  }
}

/**
 * Codes the renderer gives errors of its own: the bridge's, an import's refusals
 * (bundles/import/import-outcome.ts), a case that is not stored (review/) and the browser's
 * storage quota run out (common/storage/storage-full.ts).
 */
export const CLIENT_ERROR_CODES = [
  'BRIDGE_MISSING',
  'BRIDGE_FAILED',
  'BUNDLE_ID_CONFLICT',
  'CASE_ALREADY_DECIDED',
  'IMPORT_EVIDENCE_MISSING',
  'IMPORT_CASE_COUNT_MISMATCH',
  'IMPORT_LOST',
  'IMPORT_CANCELLED',
  'CASE_NOT_FOUND',
  'STORAGE_FULL',
  'BACKUP_EVIDENCE_CHANGED',
  'RESTORE_PROFILE_NOT_EMPTY',
  'RESTORE_CHECK_FAILED',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code an error shown in the renderer can carry: the main process's and the renderer's own. */
export type ShownErrorCode = ErrorCode | ClientErrorCode;

/** An error as the screens hold it. */
export interface ErrorInfo {
  code: ShownErrorCode;
  message: string;
  /** With STORAGE_FULL: what the app used and had left when it ran out, if the browser said. */
  storage?: StorageFigures | null;
}

export function isShownErrorCode(code: unknown): code is ShownErrorCode {
  return isErrorCode(code) || (CLIENT_ERROR_CODES as readonly unknown[]).includes(code);
}

export class ApiError extends Error {
  constructor(
    readonly code: ShownErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Each bridge call as a plain async function: resolves with the value or throws ApiError. */
export type CouncilApi = {
  [M in ApiMethod]: ApiArg<M> extends undefined ? () => Promise<ApiValue<M>> : (arg: ApiArg<M>) => Promise<ApiValue<M>>;
} & {
  /** The path of a file dropped on the window; "" when it has none (or there is no bridge). */
  pathForFile(file: File): string;
};

/** The code used when the bridge itself is absent (the page was opened outside the app). */
export const BRIDGE_MISSING = 'BRIDGE_MISSING' satisfies ClientErrorCode;
/** The code used when the call could not cross to the main process at all. */
export const BRIDGE_FAILED = 'BRIDGE_FAILED' satisfies ClientErrorCode;

export async function callBridge<M extends ApiMethod>(bridge: ApiBridge | undefined, method: M, arg: ApiArg<M>): Promise<ApiValue<M>> {
  if (!bridge || typeof bridge[method] !== 'function') {
    throw new ApiError(BRIDGE_MISSING, `The app's connection to the main process is missing (${method}).`);
  }
  let reply: Result<ApiValue<M>>;
  try {
    const call = bridge[method] as (a: ApiArg<M>) => Promise<Result<ApiValue<M>>>;
    reply = await call(arg);
  } catch (err) {
    throw new ApiError(BRIDGE_FAILED, err instanceof Error ? err.message : String(err));
  }
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
    throw new ApiError(BRIDGE_FAILED, `The main process gave no valid reply to ${method}.`);
  }
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply.value;
}

/**
 * A client over the bridge. The bridge is looked up on every call, so a bridge installed after
 * the client was made (as the tests do) is still found. Without a getBridge of its own, the
 * client is the app's: in browser mode it first builds the HTTP bridge from the page's address.
 */
export function createCouncilApi(getBridge?: () => ApiBridge | undefined): CouncilApi {
  if (getBridge === undefined) installBrowserBridge(window);
  const find = getBridge ?? (() => window.councilDesk);
  const client: Partial<Record<ApiMethod, (arg?: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    client[method] = (arg?: unknown) => callBridge(find(), method, arg as ApiArg<typeof method>);
  }
  const pathForFile = (file: File): string => {
    const bridge = find();
    if (!bridge || typeof bridge.pathForFile !== 'function') return '';
    try {
      const path = bridge.pathForFile(file);
      return typeof path === 'string' ? path : '';
    } catch {
      return '';
    }
  };
  return { ...client, pathForFile } as CouncilApi;
}

/**
 * An error's code and message for display, whatever was thrown. Storage running out, in whatever
 * wrapping, is STORAGE_FULL. A code outside ShownErrorCode (a newer main process's, a database
 * error's name) becomes INTERNAL, and stays readable in the message.
 */
export function describeError(err: unknown): ErrorInfo {
  if (isQuotaExceeded(err)) return { code: 'STORAGE_FULL', message: STORAGE_FULL_MESSAGE };
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    if (isShownErrorCode(code)) return { code, message: err.message };
    const named = typeof code === 'string' && code !== '' ? code : err.name;
    return { code: 'INTERNAL', message: named === 'Error' || named === '' ? err.message : `${named}: ${err.message}` };
  }
  return { code: 'INTERNAL', message: String(err) };
}
