/** Cancelling a read: the caller's AbortSignal, turned into an Error named AbortError. */
export function abortError(): Error {
  const e = new Error('reading the bundle was cancelled');
  e.name = 'AbortError';
  return e;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}
