/**
 * One call from the renderer, checked and answered: the method must be one of the contract's,
 * the argument must pass the contract's schema, and whatever happens the answer is a Result.
 * Used by electron/ipc.ts and by the end-to-end harness, so both run the very same checks.
 */
import { z } from 'zod';
import { apiArgSchemas, isApiMethod, type ApiHandlers } from '../../shared/api';
import { CouncilError, fail, ok, type Result } from '../../shared/result';

export async function dispatchApiCall(handlers: ApiHandlers, method: unknown, arg: unknown): Promise<Result<unknown>> {
  if (!isApiMethod(method)) {
    return fail('UNKNOWN_METHOD', `Council Desk has no call named "${String(method)}".`);
  }
  const parsed = apiArgSchemas[method].safeParse(arg);
  if (!parsed.success) {
    return fail('BAD_ARGUMENT', `The call "${method}" was given an argument it cannot use: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const handler = handlers[method] as (a: unknown) => Promise<unknown>;
    return ok(await handler.call(handlers, parsed.data));
  } catch (error) {
    if (error instanceof CouncilError) return fail(error.code, error.message);
    console.error(`council-desk: ${method} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return fail('INTERNAL', `Council Desk could not complete "${method}": ${detail}`);
  }
}
