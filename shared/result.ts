/**
 * The shape of every reply that crosses from electron/ to renderer/.
 * Electron passes only an error's message across IPC, so errors travel as plain data.
 */
export interface ApiErrorInfo {
  /** Stable, machine-readable: e.g. BAD_ARGUMENT, UNKNOWN_METHOD, BUNDLE_INVALID, INTERNAL. */
  code: string;
  /** A sentence a secretary can read. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string): { ok: false; error: ApiErrorInfo } {
  return { ok: false, error: { code, message } };
}

/** An error a handler throws on purpose; its code and message reach the renderer as they are. */
export class CouncilError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CouncilError';
  }
}
