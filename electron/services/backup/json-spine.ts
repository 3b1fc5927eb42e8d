/**
 * A JSON text read as it streams, in pieces of any size, without holding it whole: the caller
 * names the objects and arrays to walk into (the "spine"), and every other value is handed over
 * whole, parsed by JSON.parse from its own bytes. rows.json of a backup is one object of a few
 * keys around arrays of hundreds of thousands of rows: walking into the arrays and parsing one row
 * at a time keeps memory at one row.
 *
 * Scanning bytes is safe in UTF-8: the ASCII bytes looked at never occur inside a multi-byte
 * character. The spine's own syntax is checked here (every key a string, colons and commas where
 * they belong, brackets matched, nothing after the end); every value handed over is checked by
 * JSON.parse.
 */
import { formatJsonPath } from '../../../shared/json-path';

export type JsonPath = readonly (string | number)[];

export interface JsonSpineHandler {
  /** Whether to walk into the object or array that opens at `path` (else it is handed over whole). */
  descend(path: JsonPath, kind: 'object' | 'array'): boolean;
  /** A value not walked into, parsed. */
  value(path: JsonPath, value: unknown): void;
  /** An object or array walked into has ended. */
  close?(path: JsonPath, kind: 'object' | 'array'): void;
}

/** The text is not JSON, or is larger in one value than allowed: `message` says where. */
export class JsonSpineError extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Where in a frame the next byte belongs. */
type Expect = 'first' | 'key' | 'colon' | 'value' | 'comma';

interface Frame {
  kind: 'object' | 'array';
  path: (string | number)[];
  expect: Expect;
  /** The key of the value to come (objects), or the next index (arrays). */
  key: string | number;
}

/** A value (or a key) being gathered byte by byte until it ends. */
interface Capture {
  parts: Uint8Array[];
  bytes: number;
  /** Brackets open inside it. */
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** A number, true, false or null: it ends at the first byte that cannot belong to it. */
  scalar: boolean;
  isKey: boolean;
  path: (string | number)[];
}

export class JsonSpine {
  private readonly stack: Frame[] = [];
  private state: 'start' | 'inside' | 'end' = 'start';
  private capture: Capture | null = null;
  /** Bytes read before the current piece (for the messages). */
  private consumed = 0;

  constructor(
    private readonly handler: JsonSpineHandler,
    private readonly maxValueBytes = 64 * 1024 * 1024,
  ) {}

  write(piece: Uint8Array): void {
    this.scanned = null;
    let i = 0;
    while (i < piece.length) {
      if (this.capture) {
        i = this.gather(piece, i);
        continue;
      }
      const b = piece[i]!;
      if (isSpace(b)) {
        i += 1;
        continue;
      }
      this.structure(b, this.consumed + i);
      if (!this.capture) i += 1;
    }
    this.consumed += piece.length;
  }

  /** The text has ended: it must have been whole. */
  end(): void {
    if (this.capture?.scalar) this.finishCapture(this.consumed);
    if (this.state !== 'end' || this.capture) throw this.error(this.consumed, 'the text ends before its last value does');
  }

  private error(at: number, what: string): JsonSpineError {
    const frame = this.stack.at(-1);
    const where = frame ? ` (in ${formatJsonPath(frame.path) || 'the top object'})` : '';
    return new JsonSpineError(`at byte ${at}${where}: ${what}`);
  }

  /** One byte outside any value being gathered: a bracket, a colon, a comma, or a value's first byte. */
  private structure(b: number, at: number): void {
    if (this.state === 'end') throw this.error(at, 'there is more after the end of the text');
    const frame = this.stack.at(-1);
    if (this.state === 'start') return this.beginValue(b, at, []);
    if (!frame) throw this.error(at, 'unexpected byte');
    switch (frame.expect) {
      case 'first':
        if ((b === CLOSE_OBJECT && frame.kind === 'object') || (b === CLOSE_ARRAY && frame.kind === 'array')) return this.closeFrame();
        if (frame.kind === 'object') return this.beginKey(b, at, frame);
        return this.beginValue(b, at, [...frame.path, frame.key]);
      case 'key':
        return this.beginKey(b, at, frame);
      case 'colon':
        if (b !== COLON) throw this.error(at, `expected ":" after the key of ${formatJsonPath([...frame.path, frame.key])}`);
        frame.expect = 'value';
        return;
      case 'value':
        return this.beginValue(b, at, [...frame.path, frame.key]);
      case 'comma':
        if (b === COMMA) {
          frame.expect = frame.kind === 'object' ? 'key' : 'value';
          return;
        }
        if ((b === CLOSE_OBJECT && frame.kind === 'object') || (b === CLOSE_ARRAY && frame.kind === 'array')) return this.closeFrame();
        throw this.error(at, `expected "," or "${frame.kind === 'object' ? '}' : ']'}"`);
    }
  }

  private beginKey(b: number, at: number, frame: Frame): void {
    if (b !== QUOTE) throw this.error(at, 'expected a key (a string in quotes)');
    this.startCapture({ isKey: true, scalar: false, path: frame.path });
  }

  private beginValue(b: number, at: number, path: (string | number)[]): void {
    const kind = b === OPEN_OBJECT ? 'object' : b === OPEN_ARRAY ? 'array' : null;
    if (kind !== null && this.handler.descend(path, kind)) {
      this.stack.push({ kind, path, expect: 'first', key: kind === 'array' ? 0 : '' });
      this.state = 'inside';
      return;
    }
    if (b === CLOSE_ARRAY || b === CLOSE_OBJECT || b === COMMA || b === COLON) throw this.error(at, 'expected a value');
    this.startCapture({ isKey: false, scalar: kind === null && b !== QUOTE, path });
  }

  private startCapture(what: Pick<Capture, 'isKey' | 'scalar' | 'path'>): void {
    // Its first byte is gathered with the rest: a quote opens a string, a bracket adds depth.
    this.capture = { parts: [], bytes: 0, depth: 0, inString: false, escaped: false, ...what };
  }

  /** The piece the next-quote and next-backslash positions below are of: strings are skipped by indexOf, not byte by byte. */
  private scanned: Uint8Array | null = null;
  private nextQuote = -1;
  private nextBackslash = -1;

  /** Where the next `byte` at or after `from` is in `piece` (its length when there is none), remembered for the piece. */
  private next(piece: Uint8Array, from: number, byte: typeof QUOTE | typeof BACKSLASH): number {
    if (this.scanned !== piece) {
      this.scanned = piece;
      this.nextQuote = -1;
      this.nextBackslash = -1;
    }
    const held = byte === QUOTE ? this.nextQuote : this.nextBackslash;
    if (held >= from) return held;
    const found = piece.indexOf(byte, from);
    const at = found === -1 ? piece.length : found;
    if (byte === QUOTE) this.nextQuote = at;
    else this.nextBackslash = at;
    return at;
  }

  /** Gathers the capture's bytes from `from`; returns where the structure goes on (the piece's length when the value goes on past it). */
  private gather(piece: Uint8Array, from: number): number {
    const c = this.capture!;
    let done = false;
    let i = from;
    while (i < piece.length && !done) {
      if (c.inString) {
        if (c.escaped) {
          c.escaped = false;
          i += 1;
          continue;
        }
        const quote = this.next(piece, i, QUOTE);
        const backslash = this.next(piece, i, BACKSLASH);
        if (backslash < quote) {
          // It escapes the byte after it, which may be in the next piece.
          c.escaped = true;
          i = backslash + 1;
        } else if (quote < piece.length) {
          c.inString = false;
          done = c.depth === 0;
          i = quote + 1;
        } else i = piece.length;
        continue;
      }
      const b = piece[i]!;
      if (c.scalar) {
        // The byte after a number, true, false or null is not its own: the structure reads it.
        if (isSpace(b) || b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT || b === COLON) done = true;
        else i += 1;
        continue;
      }
      if (b === QUOTE) c.inString = true;
      else if (b === OPEN_ARRAY || b === OPEN_OBJECT) c.depth += 1;
      else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
        c.depth -= 1;
        done = c.depth === 0;
      }
      i += 1;
    }
    c.parts.push(piece.subarray(from, i));
    c.bytes += i - from;
    if (c.bytes > this.maxValueBytes) throw this.error(this.consumed + i, `a value of more than ${this.maxValueBytes} bytes`);
    if (done) this.finishCapture(this.consumed + i);
    return i;
  }

  private finishCapture(at: number): void {
    const c = this.capture!;
    this.capture = null;
    const bytes = c.parts.length === 1 ? c.parts[0]! : Buffer.concat(c.parts);
    let value: unknown;
    try {
      // Buffer's own UTF-8 decoding: several times quicker than TextDecoder's here (bytes not UTF-8 become U+FFFD).
      value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    } catch (e) {
      throw this.error(at, `${c.isKey ? 'a key' : `the value at ${formatJsonPath(c.path) || 'the top'}`} is not JSON (${(e as Error).message})`);
    }
    const frame = this.stack.at(-1);
    if (c.isKey) {
      frame!.key = value as string;
      frame!.expect = 'colon';
      return;
    }
    this.handler.value(c.path, value);
    this.afterValue();
  }

  private closeFrame(): void {
    const frame = this.stack.pop()!;
    this.handler.close?.(frame.path, frame.kind);
    this.afterValue();
  }

  /** A value of the frame on top (or the whole text) has ended. */
  private afterValue(): void {
    const frame = this.stack.at(-1);
    if (!frame) {
      this.state = 'end';
      return;
    }
    frame.expect = 'comma';
    if (frame.kind === 'array') frame.key = (frame.key as number) + 1;
  }
}
