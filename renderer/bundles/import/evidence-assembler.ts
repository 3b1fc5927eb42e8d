/**
 * Turns evidence pieces into document rows. Pieces of a file arrive in order (the last has
 * last: true) and may span chunks; the case that points to a file may come before or after it.
 * A file becomes a Blob as soon as it is complete, so its pieces can be let go; it becomes a
 * document row once a case says which document it is (media type, kind, title). Evidence no case
 * points to is not stored. The SHA-256 is the one the manifest lists (the main process checked it).
 */
import { evidenceBytesSize, type EvidenceBytes, type ReceivedEvidencePiece } from '../../../shared/bundle-import';
import type { CaseRecord, EvidenceMediaType } from '../../../shared/schemas/case-record';
import type { DocumentRow } from '../../db/rows';

interface DocumentMeta {
  caseId: string;
  mediaType: EvidenceMediaType;
  kind: string;
  title: string;
}

interface CompleteFile {
  blob: Blob;
  size: number;
}

/**
 * One file's Blob from its pieces. A file in one piece that is held as a Blob (browser mode) is
 * that Blob's slice with the file's type: one Blob made, the bytes not copied. Otherwise the
 * pieces are joined (Uint8Arrays are copied into the Blob, Blobs are referred to).
 */
function blobOf(parts: readonly EvidenceBytes[], type: string): Blob {
  const [only] = parts;
  if (parts.length === 1 && !ArrayBuffer.isView(only)) return only!.slice(0, only!.size, type) as Blob;
  return new Blob(parts.map((p) => (ArrayBuffer.isView(p) ? p : p.slice())) as BlobPart[], { type });
}

export class EvidenceAssembler {
  /** Files whose pieces are still arriving. */
  private readonly partial = new Map<string, { parts: EvidenceBytes[]; size: number }>();
  /** Complete files no case has pointed to yet. */
  private readonly unclaimed = new Map<string, CompleteFile>();
  /** Files a case points to that are not stored yet. */
  private readonly wanted = new Map<string, DocumentMeta>();
  /** Files stored as document rows. */
  private readonly stored = new Set<string>();
  private ready: DocumentRow[] = [];

  constructor(
    private readonly bundleId: string,
    private readonly fileHashes: Readonly<Record<string, string>>,
  ) {}

  addCases(cases: readonly CaseRecord[]): void {
    for (const record of cases) {
      for (const doc of record.documents) {
        if (this.stored.has(doc.file) || this.wanted.has(doc.file)) continue;
        const meta = { caseId: record.caseId, mediaType: doc.mediaType, kind: doc.kind, title: doc.title };
        const complete = this.unclaimed.get(doc.file);
        if (complete) {
          this.unclaimed.delete(doc.file);
          // slice() with a type is cheap: the bytes are not copied.
          this.store(doc.file, meta, complete.blob.slice(0, complete.size, meta.mediaType), complete.size);
        } else {
          this.wanted.set(doc.file, meta);
        }
      }
    }
  }

  /** Pieces as the bridge gives them: Uint8Arrays (copied into the Blob) or Blobs (taken as they are, no copy). */
  addPieces(pieces: readonly ReceivedEvidencePiece[]): void {
    for (const piece of pieces) {
      let open = this.partial.get(piece.file);
      if (!open) {
        open = { parts: [], size: 0 };
        this.partial.set(piece.file, open);
      }
      open.parts.push(piece.bytes);
      open.size += evidenceBytesSize(piece.bytes);
      if (!piece.last) continue;
      this.partial.delete(piece.file);
      const meta = this.wanted.get(piece.file);
      if (meta) {
        this.wanted.delete(piece.file);
        this.store(piece.file, meta, blobOf(open.parts, meta.mediaType), open.size);
      } else if (!this.stored.has(piece.file)) {
        this.unclaimed.set(piece.file, { blob: blobOf(open.parts, ''), size: open.size });
      }
    }
  }

  /** The document rows completed since the last call. */
  takeReady(): DocumentRow[] {
    const rows = this.ready;
    this.ready = [];
    return rows;
  }

  /** Files a case points to that never (fully) arrived. */
  missingFiles(): string[] {
    return [...this.wanted.keys()];
  }

  private store(file: string, meta: DocumentMeta, blob: Blob, size: number): void {
    this.stored.add(file);
    this.ready.push({
      bundleId: this.bundleId,
      file,
      caseId: meta.caseId,
      sha256: this.fileHashes[file] ?? '',
      blob,
      mediaType: meta.mediaType,
      kind: meta.kind,
      title: meta.title,
      size,
    });
  }
}
