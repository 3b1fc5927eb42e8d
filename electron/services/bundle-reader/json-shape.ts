/**
 * A look at a JSON text's shape before JSON.parse is given it, in one pass over the bytes: how
 * deep its lists and groups nest and how many values it holds. JSON.parse's work is not bounded
 * by the bytes alone: a 1 MiB line of "[[[[…" nested 500,000 deep takes it about a second and
 * 100 MB, and one of 100,000 keys half a second, so 256 MiB of such lines would keep the reader
 * busy for minutes with one error a line, well under the error cap. A case nests 3 deep and holds
 * a few thousand values at most. Scanning bytes is safe in UTF-8: the ASCII bytes looked at never
 * occur inside a multi-byte character; strings are skipped the way JSON reads them (a quote after
 * an odd number of backslashes is escaped).
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN_GROUP = 0x7b;
const CLOSE_GROUP = 0x7d;
const COMMA = 0x2c;

export interface JsonShapeLimits {
  maxDepth: number;
  /** Lists, groups and the items or members after a comma: roughly every value but the first of each. */
  maxValues: number;
}

/** The first limit the text goes beyond, or null. Stops as soon as one is crossed. */
export function jsonShapeBreach(bytes: Buffer, limits: JsonShapeLimits): 'depth' | 'values' | null {
  const { maxDepth, maxValues } = limits;
  let depth = 0;
  let values = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === QUOTE) {
      const end = closingQuote(bytes, i);
      if (end === -1) return null;
      i = end;
    } else if (b === OPEN_LIST || b === OPEN_GROUP) {
      if (++depth > maxDepth) return 'depth';
      if (++values > maxValues) return 'values';
    } else if (b === CLOSE_LIST || b === CLOSE_GROUP) {
      depth -= 1;
    } else if (b === COMMA) {
      if (++values > maxValues) return 'values';
    }
  }
  return null;
}

/**
 * Where the string opened at `open` ends: the next quote not escaped (an even number of
 * backslashes before it), found with indexOf at memory speed, as a byte-by-byte loop is ten times
 * slower on a line that is one long string. -1 when the string never ends (JSON.parse will say so).
 */
function closingQuote(bytes: Buffer, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, from);
    if (quote === -1) return -1;
    let slashes = 0;
    for (let k = quote - 1; k > open && bytes[k] === BACKSLASH; k--) slashes += 1;
    if (slashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
