/**
 * The next chunk of an import, taken from the main process and made ready to be written: the
 * documents it completes made into Blobs (evidence-assembler.ts) and its case rows built and
 * assessed (chunk-writer.ts), both a slice at a time so that the page keeps its turns.
 *
 * The import takes and prepares chunk k+1 while chunk k's transaction is being written: IndexedDB
 * does most of a write in the browser process (the Blobs' files, the commit), and meanwhile the
 * page, which would otherwise only wait, makes the next chunk's Blobs and rows. The writes
 * themselves stay one after the other, each started once the one before has committed.
 */
import type { ImportChunk } from '../../../shared/bundle-import';
import type { CaseRow, DocumentRow } from '../../db/rows';
import { caseRowsOf, nextTurn, WRITE_SLICE, type ChunkContext } from './chunk-writer';
import type { EvidenceAssembler } from './evidence-assembler';
import type { RemoteSession } from './remote-session';

export type DataChunk = Extract<ImportChunk, { kind: 'data' }>;

/** A data chunk ready to be written. */
export interface PreparedChunk {
  kind: 'data';
  chunk: DataChunk;
  /** The chunk's case rows, in the order of chunk.cases. */
  rows: CaseRow[];
  /** The documents completed by this chunk (their pieces may have come in earlier ones). */
  documents: DocumentRow[];
}

/** What the session gave next: a chunk ready to be written, the last answer, or null (cancelled). */
export type Taken = PreparedChunk | Exclude<ImportChunk, DataChunk> | null;

/**
 * Takes the next chunk ahead (RemoteSession.take: a last answer closes the session only once the
 * import acts on it); a data chunk has the one after it asked for at once (it crosses over while
 * this one is prepared and written) and is prepared. Null when the signal aborted, also part way.
 */
export async function takePrepared(session: RemoteSession, assembler: EvidenceAssembler, ctx: ChunkContext, signal: AbortSignal | undefined): Promise<Taken> {
  const chunk = await session.take(true);
  if (chunk === null || chunk.kind !== 'data') return chunk;
  session.prefetch();
  assembler.addCases(chunk.cases);
  // a Blob made from bytes costs the page about 0.2 ms: a chunk of small files is taken in slices
  for (let at = 0; at < chunk.evidence.length; at += WRITE_SLICE) {
    if (at > 0) await nextTurn();
    if (signal?.aborted) return null;
    assembler.addPieces(chunk.evidence.slice(at, at + WRITE_SLICE));
  }
  const documents = assembler.takeReady();
  if (chunk.evidence.length > 0 && chunk.cases.length > 0) await nextTurn();
  const rows = await caseRowsOf(ctx, chunk.cases);
  if (signal?.aborted) return null;
  return { kind: 'data', chunk, rows, documents };
}
