/**
 * Gathers an evidence file's inflated chunks (16 KiB from zlib) into pieces of up to 1 MiB for
 * onEvidencePiece: fewer, larger hand-overs, each in a buffer of its own. A full piece is held back until more bytes come, so
 * the piece marked last is empty only when the whole file is.
 */
export class PieceGatherer {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxPieceBytes: number) {}

  /** The pieces completed by this chunk (not the last one: end() gives that). */
  *push(chunk: Buffer): Generator<Uint8Array> {
    let at = 0;
    while (at < chunk.length) {
      if (this.size === this.maxPieceBytes) yield this.take();
      const part = chunk.subarray(at, at + (this.maxPieceBytes - this.size));
      this.parts.push(part);
      this.size += part.length;
      at += part.length;
    }
  }

  /** The final piece (possibly empty). */
  end(): Uint8Array {
    return this.take();
  }

  /** A Uint8Array of its own (not a view into a larger pool), so passing it on copies only its bytes. */
  private take(): Uint8Array {
    const piece = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      piece.set(part, at);
      at += part.length;
    }
    this.parts = [];
    this.size = 0;
    return piece;
  }
}
