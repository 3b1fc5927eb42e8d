/**
 * Splits NDJSON into lines as its bytes arrive, without holding more than one line: "\n" ends a
 * line (a "\r" before it is dropped), a final line without "\n" still counts, a UTF-8 byte order
 * mark at the start is skipped. A line longer than `maxLineBytes` is reported as too long and
 * skipped to its end without being kept. Splitting on the byte 0x0A is safe in UTF-8: it never
 * occurs inside a multi-byte character.
 *
 * Work is bounded by the bytes, not by the number of lines they make (FORMATS.md): a run of blank
 * lines (JSON whitespace only: space, tab, CR) is skimmed in one tight pass over the bytes and
 * handed out as one BlankLines item, not line by line; and once the consumer calls countOnly()
 * (its error cap is reached), the rest is only counted, newline by newline, and never handed out.
 */
export type NdjsonLine = { line: number; bytes: Buffer; tooLong?: false } | { line: number; bytes: null; tooLong: true };

/** Lines `first` to `last` (1-based, inclusive), every one blank: skipped as one run. */
export interface BlankLines {
  blank: true;
  first: number;
  last: number;
}

export type NdjsonItem = NdjsonLine | BlankLines;

const NEWLINE = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function allBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== SPACE && b !== TAB && b !== CR) return false;
  }
  return true;
}

/** How many "\n" bytes from `from` on; a plain loop, which V8 runs at about a byte a nanosecond. */
function countNewlines(bytes: Uint8Array, from: number): number {
  let n = 0;
  for (let i = from; i < bytes.length; i++) if (bytes[i] === NEWLINE) n += 1;
  return n;
}

export class NdjsonSplitter {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  /** Every byte carried so far is blank (so the line may still turn out blank). */
  private carryBlank = true;
  private skipping = false;
  private lineNo = 0;
  private started = false;
  private pendingBom: Buffer | null = null;
  /** The blank lines seen since the last line handed out, not handed out yet. */
  private run: BlankLines | null = null;
  private counting = false;
  private counted = 0;
  /** In counting mode: bytes seen since the last "\n" (a last line without "\n" counts too). */
  private countingMidLine = false;

  constructor(private readonly maxLineBytes: number) {}

  /** The items completed by this chunk: lines, and runs of blank lines. */
  *push(input: Buffer): Generator<NdjsonItem> {
    let chunk = input;
    if (!this.started) {
      // The BOM may itself be split across chunks; hold the first bytes until three are seen.
      chunk = this.pendingBom ? Buffer.concat([this.pendingBom, chunk]) : chunk;
      if (chunk.length < BOM.length && BOM.subarray(0, chunk.length).equals(chunk)) {
        this.pendingBom = chunk;
        return;
      }
      this.started = true;
      this.pendingBom = null;
      if (chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
    }
    let start = 0;
    while (start < chunk.length) {
      if (this.counting) {
        this.count(chunk, start);
        return;
      }
      let searchFrom = start;
      if (this.carryBytes === 0 && !this.skipping) {
        // At the start of a line: skim blank lines, up to the first byte that is not blank.
        let i = start;
        let newlines = 0;
        let lastNewline = -1;
        for (; i < chunk.length; i++) {
          const b = chunk[i]!;
          if (b === NEWLINE) {
            newlines += 1;
            lastNewline = i;
          } else if (b !== SPACE && b !== TAB && b !== CR) break;
        }
        if (newlines > 0) {
          this.blankLines(newlines);
          start = lastNewline + 1;
        }
        if (i === chunk.length) break;
        searchFrom = i;
      }
      const nl = chunk.indexOf(NEWLINE, searchFrom);
      if (nl === -1) break;
      const line = this.finish(chunk.subarray(start, nl));
      start = nl + 1;
      if (line !== null) yield* this.handOut(line);
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The last line, when the data does not end with "\n", and the blank lines not handed out yet. */
  *end(): Generator<NdjsonItem> {
    if (!this.started && this.pendingBom) {
      this.started = true;
      if (this.counting) this.count(this.pendingBom, 0);
      else this.keep(this.pendingBom);
    }
    if (this.counting) {
      if (this.countingMidLine) this.counted += 1;
      this.countingMidLine = false;
      return;
    }
    if (this.carryBytes > 0 || this.skipping) {
      const line = this.finish(Buffer.alloc(0));
      if (line !== null) yield* this.handOut(line);
    }
    if (this.run !== null) {
      yield this.run;
      this.run = null;
    }
  }

  /**
   * From now on lines are only counted (`unchecked`), not handed out. Called by the consumer
   * between items: the generator it is iterating stops handing out at once.
   */
  countOnly(): void {
    if (this.counting) return;
    this.counting = true;
    // A line begun but not finished is one line not handed out; blank lines pending are dropped
    // into the count too, so that `unchecked` says every line the consumer never saw.
    this.countingMidLine = this.carryBytes > 0 || this.skipping;
    if (this.run !== null) this.counted += this.run.last - this.run.first + 1;
    this.run = null;
    this.carry = [];
    this.carryBytes = 0;
    this.skipping = false;
  }

  /**
   * countOnly() as if it had been called right after line `line` was handed out, though the
   * splitter has gone on since (a consumer whose checks run behind, on worker threads): every
   * line numbered after it, blank runs included, is counted as not handed out, the line begun
   * is too, and `lines` is `line` again. Called between pushes, never while push() is suspended.
   */
  countOnlyAfter(line: number): void {
    if (this.counting) return;
    const run = this.run === null ? 0 : this.run.last - this.run.first + 1;
    // countOnly() counts the pending run itself; the rest numbered after `line` is counted here
    this.counted += this.lineNo - line - run;
    this.countOnly();
    this.lineNo = line;
  }

  /** How many lines were handed out, one by one or in blank runs. */
  get lines(): number {
    return this.lineNo;
  }

  /** How many lines were only counted, after countOnly(). */
  get unchecked(): number {
    return this.counted;
  }

  private *handOut(line: NdjsonLine): Generator<NdjsonItem> {
    if (this.run !== null) {
      const run = this.run;
      this.run = null;
      yield run;
    }
    if (this.counting) {
      this.counted += 1;
      return;
    }
    yield line;
  }

  private count(chunk: Uint8Array, from: number): void {
    if (from >= chunk.length) return;
    this.counted += countNewlines(chunk, from);
    this.countingMidLine = chunk[chunk.length - 1] !== NEWLINE;
  }

  private blankLines(count: number): void {
    const first = this.lineNo + 1;
    this.lineNo += count;
    if (this.run === null) this.run = { blank: true, first, last: this.lineNo };
    else this.run.last = this.lineNo;
  }

  private keep(part: Buffer): void {
    if (this.skipping) return;
    if (this.carryBytes + part.length > this.maxLineBytes) {
      this.skipping = true;
      this.carry = [];
      this.carryBytes = 0;
      return;
    }
    if (this.carryBlank) this.carryBlank = allBlank(part);
    // Copy: the chunk it comes from is not ours to hold on to.
    this.carry.push(Buffer.from(part));
    this.carryBytes += part.length;
  }

  /** The line ending here (its last part `tail`), or null when it was blank and joined the run. */
  private finish(tail: Buffer): NdjsonLine | null {
    if (this.skipping || this.carryBytes + tail.length > this.maxLineBytes) {
      this.lineNo += 1;
      this.resetCarry();
      return { line: this.lineNo, bytes: null, tooLong: true };
    }
    if (this.carryBytes > 0 && this.carryBlank && allBlank(tail)) {
      this.resetCarry();
      this.blankLines(1);
      return null;
    }
    this.lineNo += 1;
    let bytes = tail;
    if (this.carryBytes > 0) {
      this.carry.push(tail);
      bytes = Buffer.concat(this.carry, this.carryBytes + tail.length);
    }
    this.resetCarry();
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    return { line: this.lineNo, bytes };
  }

  private resetCarry(): void {
    this.skipping = false;
    this.carry = [];
    this.carryBytes = 0;
    this.carryBlank = true;
  }
}
