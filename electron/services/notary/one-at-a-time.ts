/**
 * Runs tasks one after another, in the order they came: the notary's exports and the outbox's
 * retries both read and write the ledger, so no two of them may interleave.
 */
export type OneAtATime = <T>(task: () => Promise<T>) => Promise<T>;

export function oneAtATime(): OneAtATime {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
