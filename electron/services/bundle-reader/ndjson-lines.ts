/**
 * Splits NDJSON into lines as its bytes arrive, without holding more than one line: "\n" ends a
 * line (a "\r" before it is dropped), a final line without "\n" still counts, a UTF-8 byte order
 * mark at the start is skipped. A line longer than `maxLineBytes` is reported as too long and
 * skipped to its end without being kept. Splitting on the byte 0x0A is safe in UTF-8: it never
 * occurs inside a multi-byte character.
 */
export type NdjsonLine = { line: number; bytes: Buffer; tooLong?: false } | { line: number; bytes: null; tooLong: true };

const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export class NdjsonSplitter {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private skipping = false;
  private lineNo = 0;
  private started = false;
  private pendingBom: Buffer | null = null;

  constructor(private readonly maxLineBytes: number) {}

  /** The lines completed by this chunk. */
  *push(input: Buffer): Generator<NdjsonLine> {
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
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, start);
      if (nl === -1) break;
      yield this.finish(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  /** The last line, when the data does not end with "\n". */
  *end(): Generator<NdjsonLine> {
    if (!this.started && this.pendingBom) {
      this.started = true;
      this.keep(this.pendingBom);
    }
    if (this.carryBytes > 0 || this.skipping) yield this.finish(Buffer.alloc(0));
  }

  /** How many lines so far. */
  get lines(): number {
    return this.lineNo;
  }

  private keep(part: Buffer): void {
    if (this.skipping) return;
    if (this.carryBytes + part.length > this.maxLineBytes) {
      this.skipping = true;
      this.carry = [];
      this.carryBytes = 0;
      return;
    }
    // Copy: the chunk it comes from is not ours to hold on to.
    this.carry.push(Buffer.from(part));
    this.carryBytes += part.length;
  }

  private finish(tail: Buffer): NdjsonLine {
    this.lineNo += 1;
    const line = this.lineNo;
    if (this.skipping || this.carryBytes + tail.length > this.maxLineBytes) {
      this.skipping = false;
      this.carry = [];
      this.carryBytes = 0;
      return { line, bytes: null, tooLong: true };
    }
    let bytes = tail;
    if (this.carryBytes > 0) {
      this.carry.push(tail);
      bytes = Buffer.concat(this.carry, this.carryBytes + tail.length);
      this.carry = [];
      this.carryBytes = 0;
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    return { line, bytes };
  }
}
