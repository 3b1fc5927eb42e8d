/** Cancelling a read: the caller's AbortSignal, turned into an Error named AbortError. */
export function abortError(): Error {
  const e = new Error('reading the bundle was cancelled');
  e.name = 'AbortError';
  return e;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** How long the reader may hold the event loop between turns it gives it. */
const TURN_MS = 20;

/**
 * Gives the event loop a turn (IPC, progress, an abort) every TURN_MS. Small files come from the
 * read-ahead block without I/O of their own, so a run of thousands of them would otherwise hold
 * the loop for a whole block's worth (about 7,000 tiny files, 0.2 s).
 */
export class Turns {
  private last = performance.now();

  /** A promise to await when a turn is due, else undefined (most calls: no microtask). */
  due(signal: AbortSignal | undefined): Promise<void> | undefined {
    const now = performance.now();
    if (now - this.last < TURN_MS) return undefined;
    this.last = now;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => throwIfAborted(signal));
  }
}
