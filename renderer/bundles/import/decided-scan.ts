/** Reading the rest of a bundle refused for decided cases, to name them all. */
import type { ImportChunk, ImportProgress } from '../../../shared/bundle-import';
import type { ChunkContext } from './chunk-writer';
import type { RemoteSession } from './remote-session';

/**
 * After a refusal for decided cases (already rolled back), reads the rest of the bundle without
 * storing anything, so that the refusal names every decided case, not only those of one chunk.
 * `taken` is a chunk already taken from the session after the refused one (the import takes the
 * next while it writes), looked at first.
 */
export async function collectDecided(
  session: RemoteSession,
  ctx: ChunkContext,
  first: readonly string[],
  report: (progress: ImportProgress) => void,
  taken: Extract<ImportChunk, { kind: 'data' }> | null = null,
): Promise<string[]> {
  const found = new Set(first);
  if (taken) {
    for (const record of taken.cases) if (ctx.decided.has(record.caseId)) found.add(record.caseId);
    report(taken.progress);
  }
  for (;;) {
    let chunk;
    try {
      chunk = await session.take();
    } catch {
      break; // the caller cancels the session; what was found so far is the answer
    }
    if (chunk === null || chunk.kind !== 'data') break;
    for (const record of chunk.cases) if (ctx.decided.has(record.caseId)) found.add(record.caseId);
    report(chunk.progress);
  }
  return [...found];
}
