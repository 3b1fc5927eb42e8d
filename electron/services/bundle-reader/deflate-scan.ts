/**
 * An entry's output, straight from the read-ahead pieces (evidence-read-ahead.ts), for the fast
 * path (evidence-scan.ts): a stored entry's bytes as they are, and a deflated one's stored blocks
 * (RFC 1951, 3.2.4: what zlib writes for bytes that do not compress, as scans and photos do not)
 * as views of the piece, with nothing inflated or copied; the few Huffman blocks between them are
 * decoded by huffman-block.ts. Anything it is not sure of (a damaged or cut stream, bytes after
 * its end, more Huffman coding than a file that does not compress has, more output than declared)
 * gives null, and the entry is read again the ordinary way, which reports what is wrong.
 */
import { abortError, type Turns } from './abort';
import type { EvidenceReadAhead, Piece } from './evidence-read-ahead';
import { HuffmanDecoder } from './huffman-block';

const WINDOW_BYTES = 32 * 1024;
/** The most one Huffman block may put out here (an entry whose blocks put out more compresses, and is read the ordinary way). */
const MAX_HUFFMAN_BLOCK_OUTPUT = 1024 * 1024;

/** The buffers one reading's scans share, one scan at a time, each made when first needed. */
export class ScanScratch {
  private huffman: Buffer | null = null;
  private readonly windows: (Uint8Array | null)[] = [null, null, null];
  private huffmanDecoder: HuffmanDecoder | null = null;

  get decoder(): HuffmanDecoder {
    return (this.huffmanDecoder ??= new HuffmanDecoder());
  }

  /** What Huffman blocks are decoded into: the history, then the block's output. */
  get out(): Buffer {
    this.huffman ??= Buffer.alloc(WINDOW_BYTES + MAX_HUFFMAN_BLOCK_OUTPUT);
    return this.huffman;
  }

  /** One of three 32 KiB buffers for the history (0 and 1 in turn for what is kept, 2 for a tail made whole). */
  window(which: number): Uint8Array {
    return (this.windows[which] ??= new Uint8Array(WINDOW_BYTES));
  }
}

export interface ScanTarget {
  /** The entry's place in the read-ahead's plan, and its packed bytes [start, end). */
  index: number;
  start: number;
  end: number;
  /** The most output to accept (the declared size). */
  maxOutput: number;
  /** How many packed bytes, and how many bytes of output, Huffman blocks may take in all. */
  huffmanBytes: number;
  signal: AbortSignal | undefined;
  turns: Turns;
  /** Shared by the scans of one reading, one at a time. */
  scratch: ScanScratch;
  /** The hashing worker, if any: the next piece is fetched only once it has room (its backlog). */
  hasher: { backlog(): Promise<void> | undefined } | null;
}

/** Every byte of output, in order, in views that are valid only during the call. */
export type Sink = (bytes: Buffer) => void;

/** The pieces of one entry, in order; null when one could not be read. */
class EntryPieces {
  piece: Piece | null = null;
  constructor(
    private readonly ahead: EvidenceReadAhead,
    private readonly target: ScanTarget,
  ) {}

  /** The piece whose share holds `pos`: the current one, or the next (the current is let go). */
  async at(pos: number): Promise<Piece | null> {
    if (this.piece !== null && pos >= this.piece.start && pos < this.piece.shareEnd) return this.piece;
    const { signal, turns, index, hasher } = this.target;
    const turn = turns.due(signal);
    if (turn) await turn;
    const room = hasher?.backlog();
    if (room) await room;
    if (signal?.aborted) throw abortError();
    this.piece = this.ahead.pieceNow(index, pos) ?? (await this.ahead.piece(index, pos));
    if (signal?.aborted) throw abortError();
    return this.piece;
  }
}

/** A stored entry's bytes to `sink`: how many, or null. */
export async function scanStored(ahead: EvidenceReadAhead, target: ScanTarget, sink: Sink): Promise<number | null> {
  const pieces = new EntryPieces(ahead, target);
  let pos = target.start;
  while (pos < target.end) {
    const piece = await pieces.at(pos);
    if (piece === null) return null;
    const to = Math.min(target.end, piece.start + piece.bytes.length);
    sink(piece.bytes.subarray(pos - piece.start, to - piece.start));
    pos = to;
  }
  return target.end - target.start > target.maxOutput ? null : target.end - target.start;
}

/**
 * The last 32 KiB of an entry's output, which a Huffman block's distances may reach back into:
 * views of what was put out, copied into a buffer of its own only when the piece they are in is
 * let go (32 KiB a piece) or a Huffman block needs them whole.
 */
class History {
  private segments: Uint8Array[] = [];
  private total = 0;
  private which = 0;

  constructor(private readonly scratch: ScanScratch) {}

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.segments.push(bytes);
    this.total += bytes.length;
    while (this.total - this.segments[0]!.length >= WINDOW_BYTES) this.total -= this.segments.shift()!.length;
  }

  /** After a Huffman block: its output buffer ends with the latest output, history included. */
  replace(bytes: Uint8Array): void {
    this.segments = [];
    this.total = 0;
    this.push(bytes.subarray(Math.max(0, bytes.length - WINDOW_BYTES)));
  }

  /** The last (at most) 32 KiB, contiguous: valid until the next call. */
  tail(): Uint8Array {
    const last = this.segments[this.segments.length - 1];
    if (last === undefined) return new Uint8Array(0);
    const size = Math.min(this.total, WINDOW_BYTES);
    if (last.length >= size) return last.subarray(last.length - size);
    return this.copyTail(this.scratch.window(2), size);
  }

  /** Copies what is kept into a buffer of its own: the views may be into a piece about to be let go. */
  compact(): void {
    if (this.segments.length === 0) return;
    const size = Math.min(this.total, WINDOW_BYTES);
    this.which ^= 1;
    const kept = this.copyTail(this.scratch.window(this.which), size);
    this.segments = [kept];
    this.total = size;
  }

  private copyTail(into: Uint8Array, size: number): Uint8Array {
    let at = size;
    for (let i = this.segments.length - 1; i >= 0 && at > 0; i--) {
      const s = this.segments[i]!;
      const n = Math.min(at, s.length);
      into.set(s.subarray(s.length - n), at - n);
      at -= n;
    }
    return into.subarray(0, size);
  }
}

/** A deflated entry's output to `sink`: how many bytes, or null (see the file's comment). */
export async function scanDeflated(ahead: EvidenceReadAhead, target: ScanTarget, sink: Sink): Promise<number | null> {
  const { end, maxOutput } = target;
  const pieces = new EntryPieces(ahead, target);
  const history = new History(target.scratch);
  let pos = target.start;
  let bit = 0;
  let output = 0;
  let huffmanIn = 0;
  let huffmanOut = 0;
  /** The piece for pos, keeping the history whole when the current one is let go. */
  const pieceAt = async (): Promise<Piece | null> => {
    const current = pieces.piece;
    if (current !== null && pos >= current.start && pos < current.shareEnd) return current;
    history.compact();
    return pieces.at(pos);
  };
  for (;;) {
    let piece = await pieceAt();
    if (piece === null) return null;
    let bytes = piece.bytes;
    let base = piece.start;
    let limit = Math.min(end, base + bytes.length);
    if (pos >= limit || (bit > 5 && pos + 1 >= limit)) return null;
    const header = ((bytes[pos - base]! | (bit > 5 ? bytes[pos + 1 - base]! << 8 : 0)) >>> bit) & 7;
    const final = (header & 1) === 1;
    const type = header >>> 1;
    bit += 3;
    if (bit >= 8) {
      pos += 1;
      bit -= 8;
    }
    if (type === 0) {
      if (bit > 0) {
        pos += 1;
        bit = 0;
      }
      if (pos + 4 > limit) return null;
      const at = pos - base;
      const length = bytes[at]! | (bytes[at + 1]! << 8);
      if ((length ^ (bytes[at + 2]! | (bytes[at + 3]! << 8))) !== 0xffff) return null;
      pos += 4;
      if (output + length > maxOutput) return null;
      for (let left = length; left > 0; ) {
        if (pos >= piece.shareEnd) {
          piece = await pieceAt();
          if (piece === null) return null;
          bytes = piece.bytes;
          base = piece.start;
          limit = Math.min(end, base + bytes.length);
        }
        const n = Math.min(left, limit - pos);
        if (n <= 0) return null;
        const view = bytes.subarray(pos - base, pos - base + n);
        sink(view);
        history.push(view);
        pos += n;
        left -= n;
      }
      output += length;
    } else if (type === 3) {
      return null;
    } else {
      const room = Math.min(MAX_HUFFMAN_BLOCK_OUTPUT, maxOutput - output, target.huffmanBytes - huffmanOut);
      const out = target.scratch.out;
      const block = target.scratch.decoder.decode(bytes, { pos: pos - base, bit }, limit - base, type as 1 | 2, history.tail(), out, Math.max(0, room));
      if (block === null) return null;
      huffmanIn += block.pos + base - pos;
      huffmanOut += block.to - block.from;
      if (huffmanIn > target.huffmanBytes) return null;
      pos = block.pos + base;
      bit = block.bit;
      sink(out.subarray(block.from, block.to));
      history.replace(out.subarray(0, block.to));
      output += block.to - block.from;
    }
    if (final) return (bit > 0 ? pos + 1 : pos) === end ? output : null;
  }
}
