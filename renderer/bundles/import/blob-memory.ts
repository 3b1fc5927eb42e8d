/**
 * Letting go of the bytes of Blobs the import has written. Chromium keeps a Blob's bytes (in the
 * browser process) until the page's garbage collector has collected every Blob object that points
 * to them, and it does not count those bytes as the page's memory. An import that receives its
 * evidence as Blobs (browser mode) and allocates little else would so hold nearly all of a 1 GB
 * bundle until the collector happens to run (measured: the browser process 1 GB above idle at the
 * end, against 0.1 GB with this). A throwaway ArrayBuffer of the same size after each chunk, which
 * V8 does count, has the collector run as often as if the bytes had passed through the page.
 * Untouched, its pages cost no memory.
 */
import { evidenceBytesSize, type ReceivedEvidencePiece } from '../../../shared/bundle-import';

/** Kept (and replaced) so that no optimiser can leave the allocation out. */
let lastNudge: ArrayBuffer | null = null;

/** Counts the bytes of the chunk's pieces that came as Blobs toward the garbage collector's next run. */
export function letBlobsGo(pieces: readonly ReceivedEvidencePiece[]): void {
  const bytes = pieces.reduce((sum, p) => (ArrayBuffer.isView(p.bytes) ? sum : sum + evidenceBytesSize(p.bytes)), 0);
  lastNudge = bytes > 0 ? new ArrayBuffer(bytes) : null;
}
