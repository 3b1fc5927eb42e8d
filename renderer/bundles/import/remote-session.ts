/**
 * The main process's side of one import, as the renderer holds it: the calls it may make, whether
 * the session is still open (so it is cancelled exactly once, and only if still open), and a way
 * to stop waiting for an answer when the user cancels.
 */
import type { ImportChunk } from '../../../shared/bundle-import';
import type { CouncilApi } from '../../common/council-api';

export type ImportApi = Pick<CouncilApi, 'importBegin' | 'importDemoBegin' | 'importNext' | 'importCancel'>;

/**
 * The main process's session. Chunks are taken one at a time; the next may be asked for early
 * (prefetch) so that it crosses over while the last one is written: at most one is in flight.
 * 'done' and 'failed' close the session; otherwise cancel() closes it (once; errors ignored).
 */
export class RemoteSession {
  private open = true;
  private pending: Promise<ImportChunk | null> | null = null;
  constructor(
    private readonly api: ImportApi,
    readonly importId: string,
    private readonly signal?: AbortSignal,
  ) {}

  prefetch(): void {
    if (!this.open || this.pending) return;
    this.pending = unlessAborted(this.api.importNext({ importId: this.importId }), this.signal);
    // If nobody takes it (the import stopped), its failure is of no interest.
    this.pending.catch(() => undefined);
  }

  /**
   * The next chunk; null when the signal aborted first. A last answer ('done', 'failed') closes the
   * session, unless it is taken `ahead` (while the chunk before is still being written): then the
   * session counts as closed only once the import acts on it (ended()), and a failure of the write
   * before still cancels it, as if the answer had not been taken.
   */
  async take(ahead = false): Promise<ImportChunk | null> {
    this.prefetch();
    const pending = this.pending ?? Promise.resolve(null);
    this.pending = null;
    const chunk = await pending;
    if (chunk && chunk.kind !== 'data' && !ahead) this.open = false;
    return chunk;
  }

  /** A last answer taken ahead is acted on: the main process's session is over. */
  ended(): void {
    this.open = false;
  }

  async cancel(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.api.importCancel({ importId: this.importId }).catch(() => undefined);
  }
}

/**
 * The pending answer, or null as soon as the signal aborts: Cancel takes effect at once, not when
 * the main process next answers (the answer that comes later is dropped).
 */
export function unlessAborted(pending: Promise<ImportChunk>, signal: AbortSignal | undefined): Promise<ImportChunk | null> {
  if (!signal) return pending;
  if (signal.aborted) {
    pending.catch(() => undefined);
    return Promise.resolve(null);
  }
  return new Promise<ImportChunk | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (chunk) => {
        signal.removeEventListener('abort', onAbort);
        resolve(signal.aborted ? null : chunk);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) resolve(null);
        else reject(err);
      },
    );
  });
}
