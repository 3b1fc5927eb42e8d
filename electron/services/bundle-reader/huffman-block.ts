/**
 * One fixed or dynamic Huffman block of raw deflate (RFC 1951, 3.2.5-3.2.7), decoded in plain
 * code, for deflate-scan.ts: the few such blocks a deflated scan or photo holds (zlib codes the
 * first block of a PDF, its text head and the start of its image, with Huffman codes and stores
 * the rest). It answers null for anything it is not sure of, where zlib might decide otherwise
 * (an incomplete or over-subscribed code, a symbol or distance out of range, input or room run
 * out), and the caller then leaves the entry to zlib: what this decodes, zlib decodes the same.
 */

/** Where a block starts or ends: the byte, and how many of its bits are used already (0-7). */
export interface BitPosition {
  pos: number;
  bit: number;
}

export interface DecodedBlock extends BitPosition {
  /** Where the block's bytes start and end in the output buffer (after the history). */
  from: number;
  to: number;
}

/**
 * A canonical Huffman code as lookup tables, read by the next bits (LSB first): a root table of
 * `root` bits, and for longer codes a second table each, after it in the same array. An entry is
 * `value << 5 | link << 4 | bits`: a symbol and its code's length, or (link) where a second table
 * starts and how many more bits index it. Complete codes fill every entry they can reach, so the
 * arrays are used again without being cleared.
 */
interface Code {
  table: Int32Array;
  root: number;
}

const ROOT_BITS = 9;
const LINK = 16;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order the code length code's lengths come in. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Each byte's bits reversed. */
const REVERSED = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((b >>> i) & 1) << (7 - i);
  return r;
});

/** The largest tables a code of at most 15 bits needs: the root and every second table. */
const TABLE_ENTRIES = (1 << ROOT_BITS) + (1 << 15);

/**
 * The code the lengths give (RFC 1951, 3.2.2), in `table`, or null unless it is complete: zlib
 * refuses an over-subscribed code and an incomplete one (but for a lone code of length 1, which
 * this leaves to zlib too). All lengths 0 gives an empty code (root 0; zlib allows that for distances).
 */
function buildCode(lengths: Uint8Array, start: number, count: number, table: Int32Array): Code | null {
  const perLength = new Int32Array(16);
  let longest = 0;
  for (let i = 0; i < count; i++) {
    const l = lengths[start + i]!;
    perLength[l]! += 1;
    if (l > longest) longest = l;
  }
  if (longest === 0) return { table, root: 0 };
  let left = 1;
  for (let l = 1; l <= 15; l++) {
    left = left * 2 - perLength[l]!;
    if (left < 0) return null;
  }
  if (left !== 0) return null;
  // the first code of each length (RFC 1951: code = (code + bl_count[l-1]) << 1, bl_count[0] = 0)
  const next = new Int32Array(16);
  for (let l = 1, code = 0; l <= 15; l++) {
    code = (code + (l === 1 ? 0 : perLength[l - 1]!)) << 1;
    next[l] = code;
  }
  const root = Math.min(longest, ROOT_BITS);
  const rootMask = (1 << root) - 1;
  // each code's bits as read (reversed); the longest code under each root prefix, for its second table
  const reversed = new Int32Array(count);
  const deepest = new Int32Array(1 << root);
  for (let symbol = 0; symbol < count; symbol++) {
    const l = lengths[start + symbol]!;
    if (l === 0) continue;
    const code = next[l]!++;
    const r = ((REVERSED[code & 0xff]! << 8) | REVERSED[code >>> 8]!) >>> (16 - l);
    reversed[symbol] = r;
    if (l > root && l > deepest[r & rootMask]!) deepest[r & rootMask] = l;
  }
  let free = 1 << root;
  for (let prefix = 0; prefix <= rootMask; prefix++) {
    if (deepest[prefix] === 0) continue;
    const bits = deepest[prefix]! - root;
    table[prefix] = (free << 5) | LINK | bits;
    free += 1 << bits;
  }
  for (let symbol = 0; symbol < count; symbol++) {
    const l = lengths[start + symbol]!;
    if (l === 0) continue;
    const r = reversed[symbol]!;
    const entry = (symbol << 5) | l;
    if (l <= root) {
      for (let at = r; at <= rootMask; at += 1 << l) table[at] = entry;
      continue;
    }
    const link = table[r & rootMask]!;
    const base = link >>> 5;
    const size = 1 << (link & 15);
    for (let at = r >>> root; at < size; at += 1 << (l - root)) table[base + at] = entry;
  }
  return { table, root };
}

/** Bits of the input, LSB first, as deflate packs them; `hold` keeps at most 30. */
class BitReader {
  hold = 0;
  have = 0;
  constructor(
    readonly input: Uint8Array,
    public p: number,
    readonly limit: number,
  ) {}

  /** The next n bits (n <= 16), or -1 when the input ends first. */
  take(n: number): number {
    while (this.have < n) {
      if (this.p >= this.limit) return -1;
      this.hold |= this.input[this.p++]! << this.have;
      this.have += 8;
    }
    const value = this.hold & ((1 << n) - 1);
    this.hold >>>= n;
    this.have -= n;
    return value;
  }

  /** One symbol of the code, or -1 (the input ended, or no code is there). */
  symbol(code: Code): number {
    while (this.have < 15 && this.p < this.limit) {
      this.hold |= this.input[this.p++]! << this.have;
      this.have += 8;
    }
    let entry = code.table[this.hold & ((1 << code.root) - 1)]!;
    if (entry & LINK) entry = code.table[(entry >>> 5) + ((this.hold >>> code.root) & ((1 << (entry & 15)) - 1))]!;
    const length = entry & 15;
    if (length === 0 || length > this.have) return -1;
    this.hold >>>= length;
    this.have -= length;
    return entry >>> 5;
  }
}

/** Decodes Huffman blocks; its tables are made once and used again for every block. */
export class HuffmanDecoder {
  private readonly literalTable = new Int32Array(TABLE_ENTRIES);
  private readonly distanceTable = new Int32Array(TABLE_ENTRIES);
  private readonly lengthTable = new Int32Array(TABLE_ENTRIES);
  private fixedCodes: { literals: Code; distances: Code } | null = null;

  /**
   * Decodes the block whose header (BFINAL and BTYPE, `type` 1 fixed or 2 dynamic) ends at `at`,
   * reading input[at.pos .. limit), into `out`: `history` first (at most 32 KiB, the entry's output
   * just before, which distances may reach back into; it may be a view of `out` itself), then the
   * block's bytes, at most `room` of them. Null when it cannot say for sure (see the file's comment).
   */
  decode(input: Uint8Array, at: BitPosition, limit: number, type: 1 | 2, history: Uint8Array, out: Uint8Array, room: number): DecodedBlock | null {
    const bits = new BitReader(input, at.pos, limit);
    if (at.bit > 0) {
      if (bits.p >= limit) return null;
      bits.hold = input[bits.p++]! >>> at.bit;
      bits.have = 8 - at.bit;
    }
    const codes = type === 1 ? this.fixed() : this.dynamic(bits);
    if (codes === null) return null;
    const from = history.length;
    if (from + room > out.length) return null;
    out.set(history, 0);
    const o = decodeSymbols(bits, codes.literals, codes.distances, out, from, from + room);
    if (o < 0) return null;
    // the bits read ahead but not used go back: the block ends `have` bits before p
    const used = bits.p * 8 - bits.have;
    return { from, to: o, pos: used >>> 3, bit: used & 7 };
  }

  private fixed(): { literals: Code; distances: Code } {
    if (this.fixedCodes === null) {
      const lengths = new Uint8Array(288 + 32);
      lengths.fill(8, 0, 144);
      lengths.fill(9, 144, 256);
      lengths.fill(7, 256, 280);
      lengths.fill(8, 280, 288);
      lengths.fill(5, 288, 320);
      this.fixedCodes = { literals: buildCode(lengths, 0, 288, new Int32Array(TABLE_ENTRIES))!, distances: buildCode(lengths, 288, 32, new Int32Array(TABLE_ENTRIES))! };
    }
    return this.fixedCodes;
  }

  /** A dynamic block's two codes (RFC 1951, 3.2.7), or null. */
  private dynamic(bits: BitReader): { literals: Code; distances: Code } | null {
    const hlit = bits.take(5);
    const hdist = bits.take(5);
    const hclen = bits.take(4);
    if (hlit < 0 || hdist < 0 || hclen < 0 || hlit + 257 > 286 || hdist + 1 > 30) return null;
    const codeLengths = new Uint8Array(19);
    for (let i = 0; i < hclen + 4; i++) {
      const l = bits.take(3);
      if (l < 0) return null;
      codeLengths[CODE_LENGTH_ORDER[i]!] = l;
    }
    const lengthCode = buildCode(codeLengths, 0, 19, this.lengthTable);
    if (lengthCode === null || lengthCode.root === 0) return null;
    const total = hlit + 257 + hdist + 1;
    const lengths = new Uint8Array(total);
    for (let i = 0; i < total; ) {
      const s = bits.symbol(lengthCode);
      if (s < 0) return null;
      if (s < 16) {
        lengths[i++] = s;
        continue;
      }
      if (s === 16 && i === 0) return null;
      const extra = bits.take(s === 16 ? 2 : s === 17 ? 3 : 7);
      if (extra < 0) return null;
      const repeat = extra + (s === 18 ? 11 : 3);
      if (i + repeat > total) return null;
      lengths.fill(s === 16 ? lengths[i - 1]! : 0, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) return null;
    const literals = buildCode(lengths, 0, hlit + 257, this.literalTable);
    const distances = buildCode(lengths, hlit + 257, hdist + 1, this.distanceTable);
    return literals === null || distances === null ? null : { literals, distances };
  }
}

/**
 * The block's symbols up to its end code, written to out[o .. end): where the output ends, or -1.
 * The hot loop, on locals (the reader's fields are copied in and out): the bits are topped up
 * two bytes at a time to at least 15, which any code needs.
 */
function decodeSymbols(bits: BitReader, literals: Code, distances: Code, out: Uint8Array, o: number, end: number): number {
  const { input, limit } = bits;
  let { p, hold, have } = bits;
  const litTable = literals.table;
  const litRoot = literals.root;
  const litMask = (1 << litRoot) - 1;
  const distTable = distances.table;
  const distRoot = distances.root;
  const distMask = (1 << distRoot) - 1;
  for (;;) {
    if (have < 15) {
      if (p + 1 < limit) {
        hold |= (input[p]! | (input[p + 1]! << 8)) << have;
        p += 2;
        have += 16;
      } else if (p < limit) {
        hold |= input[p++]! << have;
        have += 8;
      }
    }
    let entry = litTable[hold & litMask]!;
    if (entry & LINK) entry = litTable[(entry >>> 5) + ((hold >>> litRoot) & ((1 << (entry & 15)) - 1))]!;
    let length = entry & 15;
    if (length === 0 || length > have) return -1;
    hold >>>= length;
    have -= length;
    const s = entry >>> 5;
    if (s < 256) {
      if (o === end) return -1;
      out[o++] = s;
      continue;
    }
    if (s === 256) break;
    const li = s - 257;
    if (li >= 29) return -1;
    // the length's extra bits (at most 5) and the distance's code (at most 15), then its extra bits (at most 13)
    while (have < 20 && p < limit) {
      hold |= input[p++]! << have;
      have += 8;
    }
    let n = LENGTH_EXTRA[li]!;
    if (have < n) return -1;
    const count = LENGTH_BASE[li]! + (hold & ((1 << n) - 1));
    hold >>>= n;
    have -= n;
    if (distRoot === 0) return -1;
    entry = distTable[hold & distMask]!;
    if (entry & LINK) entry = distTable[(entry >>> 5) + ((hold >>> distRoot) & ((1 << (entry & 15)) - 1))]!;
    length = entry & 15;
    if (length === 0 || length > have) return -1;
    hold >>>= length;
    have -= length;
    const d = entry >>> 5;
    if (d >= 30) return -1;
    n = DIST_EXTRA[d]!;
    while (have < n && p < limit) {
      hold |= input[p++]! << have;
      have += 8;
    }
    if (have < n) return -1;
    const distance = DIST_BASE[d]! + (hold & ((1 << n) - 1));
    hold >>>= n;
    have -= n;
    if (distance > o || o + count > end) return -1;
    for (let k = 0; k < count; k++, o++) out[o] = out[o - distance]!;
  }
  bits.p = p;
  bits.hold = hold;
  bits.have = have;
  return o;
}
