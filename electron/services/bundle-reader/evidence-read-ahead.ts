/**
 * The packed bytes of the evidence files the fast path reads (evidence-scan.ts), read ahead in
 * large pieces into a few buffers that are used again and again: the next pieces are being read
 * (in libuv's thread pool) while this thread hashes the one before, and a gigabyte of evidence
 * makes no gigabyte of garbage. The files' byte ranges are known up front, in the order they are
 * read; ranges that follow each other in the file (but for their local headers) are read as one
 * run, in pieces of PIECE_BYTES. Each piece holds OVERLAP_BYTES more of its run than its own
 * share, so a Huffman block that starts in its share can be decoded from it alone. Memory: the
 * buffers, DEPTH pieces, whatever the files' sizes.
 */
import type { BlockFileReader } from './block-file-reader';

export const PIECE_BYTES = 2 * 1024 * 1024;
export const OVERLAP_BYTES = 128 * 1024;
/** How many pieces are held: the one being read from and those being read ahead. */
const DEPTH = 3;
/** Ranges at most this far apart are read as one run (the local header between two files). */
const GAP_BYTES = 64 * 1024;

export interface ByteRange {
  start: number;
  end: number;
}

/** A piece of a run: its share [start, shareEnd) and the bytes it holds, [start, start + bytes.length). */
export interface Piece {
  start: number;
  shareEnd: number;
  bytes: Buffer;
}

interface Planned {
  /** Which run of the plan it belongs to. */
  run: number;
  start: number;
  shareEnd: number;
  end: number;
}

interface Issued extends Planned {
  buffer: Buffer;
  /** Set when the read is done: the piece, or why it could not be read. */
  piece: Piece | null;
  error: Error | null;
  done: Promise<void>;
}

export class EvidenceReadAhead {
  /** The run each range is read in. */
  private readonly runOf: Int32Array;
  private readonly plan: Generator<Planned>;
  private readonly issued: Issued[] = [];
  private readonly spare: Buffer[] = [];
  /** Buffers let go that someone (the hashing worker) may still be reading. */
  private readonly held: Buffer[] = [];
  private exhausted = false;

  /**
   * `shared`: the buffers are SharedArrayBuffers, and one let go is read into again only once
   * `shared.isFree` says so (evidence-hasher.ts hashes from them on another thread).
   */
  constructor(
    private readonly file: BlockFileReader,
    ranges: ByteRange[],
    private readonly shared: { isFree(buffer: ArrayBufferLike): boolean } | null = null,
  ) {
    const { runOf, runList } = runs(ranges);
    this.runOf = runOf;
    this.plan = pieces(runList);
    this.topUp();
  }

  /**
   * The piece that holds `position` of range `index` in its share, if it is read already (no
   * promise), else null. Ranges are asked for in their order, positions in a range in theirs:
   * the pieces before are let go (those not read yet are not read at all).
   */
  pieceNow(index: number, position: number): Piece | null {
    return this.find(index, position)?.piece ?? null;
  }

  /** The same once it is read; null when it could not be read (or is not in the plan). */
  async piece(index: number, position: number): Promise<Piece | null> {
    const found = this.find(index, position);
    if (found === null) return null;
    await found.done;
    return found.piece;
  }

  /** Waits for the reads under way, so that none lands after the file is closed. */
  async close(): Promise<void> {
    this.exhausted = true;
    await Promise.all(this.issued.map((i) => i.done));
    this.issued.length = 0;
    this.spare.length = 0;
    this.held.length = 0;
  }

  private find(index: number, position: number): Issued | null {
    const run = this.runOf[index] ?? -1;
    const before = (p: Planned) => p.run < run || (p.run === run && p.shareEnd <= position);
    while (this.issued.length > 0 && before(this.issued[0]!)) {
      const first = this.issued.shift()!;
      // a buffer is used again only once its read is done (a piece let go unread may still be filling)
      if (first.piece !== null || first.error !== null) (this.shared ? this.held : this.spare).push(first.buffer);
    }
    if (this.issued.length === 0 && !this.exhausted) {
      for (;;) {
        const next = this.plan.next();
        if (next.done) {
          this.exhausted = true;
          break;
        }
        if (!before(next.value)) {
          this.issue(next.value);
          break;
        }
      }
    }
    this.topUp();
    const first = this.issued[0];
    return first !== undefined && first.run === run && position >= first.start && position < first.shareEnd ? first : null;
  }

  private topUp(): void {
    while (!this.exhausted && this.issued.length < DEPTH) {
      const next = this.plan.next();
      if (next.done) {
        this.exhausted = true;
        return;
      }
      this.issue(next.value);
    }
  }

  private issue(planned: Planned): void {
    const length = planned.end - planned.start;
    const buffer = this.spare.pop() ?? this.freed() ?? this.newBuffer();
    const issued: Issued = { ...planned, buffer, piece: null, error: null, done: Promise.resolve() };
    issued.done = this.file.readInto(buffer.subarray(0, length), planned.start).then(
      (got) => {
        if (got < length) issued.error = new Error('unexpected end of file');
        else issued.piece = { start: planned.start, shareEnd: planned.shareEnd, bytes: buffer.subarray(0, length) };
      },
      (err: Error) => {
        issued.error = err;
      },
    );
    this.issued.push(issued);
  }

  /** A held buffer no one reads any more, if there is one. */
  private freed(): Buffer | undefined {
    const at = this.held.findIndex((b) => this.shared!.isFree(b.buffer));
    return at === -1 ? undefined : this.held.splice(at, 1)[0];
  }

  private newBuffer(): Buffer {
    const size = PIECE_BYTES + OVERLAP_BYTES;
    return this.shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
  }
}

/** Ranges that follow each other (in order, at most GAP_BYTES apart) joined into runs; the run of each range. */
function runs(ranges: ByteRange[]): { runOf: Int32Array; runList: ByteRange[] } {
  const runOf = new Int32Array(ranges.length).fill(-1);
  const runList: ByteRange[] = [];
  for (const [i, r] of ranges.entries()) {
    if (r.end <= r.start) continue;
    const run = runList[runList.length - 1];
    if (run !== undefined && r.start >= run.end && r.start - run.end <= GAP_BYTES) {
      run.end = r.end;
    } else {
      runList.push({ start: r.start, end: r.end });
    }
    runOf[i] = runList.length - 1;
  }
  return { runOf, runList };
}

function* pieces(runList: ByteRange[]): Generator<Planned> {
  for (const [run, { start: from, end }] of runList.entries()) {
    for (let start = from; start < end; start += PIECE_BYTES) {
      yield { run, start, shareEnd: Math.min(start + PIECE_BYTES, end), end: Math.min(start + PIECE_BYTES + OVERLAP_BYTES, end) };
    }
  }
}
