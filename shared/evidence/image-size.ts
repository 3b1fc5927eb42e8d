/**
 * The size a PNG or JPEG declares in its header, read before anything decodes it: an image of a
 * few KB can declare 100,000 x 100,000 pixels and make a decoder claim gigabytes (a "decoder
 * bomb"), so evidence above MAX_IMAGE_PIXELS is refused (FORMATS.md), by the bundle reader as its
 * bytes stream by and by the image viewer before it makes an <img>. Pure: it takes Uint8Array
 * chunks of any size, split anywhere, and keeps at most a few bytes between them.
 *
 * PNG: the IHDR chunk must follow the 8-byte signature (the PNG spec requires it first).
 * JPEG: the segments after SOI are walked by their lengths (APPn, COM, DQT, DHT... are skipped
 * without being kept) up to the first frame header SOF0-SOF15 (not DHT C4, JPG C8, DAC CC);
 * a scan (SOS) or the end (EOI) before a frame header means the size is not declared.
 * Only the first IMAGE_HEADER_LIMIT_BYTES are looked at: an image whose size is not found there
 * has no size as far as this app is concerned, and is refused like a damaged one.
 */

/** The most pixels (width x height) an evidence image may declare: 50 million. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * How far into a file the size is looked for: 1 MiB. A PNG's is at byte 16; a JPEG's comes after
 * its metadata segments (EXIF with a thumbnail, ICC profile, XMP), at most 64 KiB each and in
 * practice a few hundred KiB in all.
 */
export const IMAGE_HEADER_LIMIT_BYTES = 1024 * 1024;

export type ImageFormat = 'png' | 'jpeg';

export type ImageSize =
  /** The size the header declares (either may be 0: see judgeImageSize). */
  | { kind: 'size'; format: ImageFormat; width: number; height: number }
  /** Neither the PNG signature nor a JPEG start (FF D8). */
  | { kind: 'not-image' }
  /** No size: the file ends first (cut-short), the header is broken (damaged), or it is not within the limit (beyond-limit). */
  | { kind: 'no-size'; format: ImageFormat; reason: 'cut-short' | 'damaged' | 'beyond-limit' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature, IHDR length (13) and type, width and height: the first 24 bytes. */
const PNG_HEADER_BYTES = 24;
const IHDR = [0x49, 0x48, 0x44, 0x52];

/** Markers that stand alone, without a length: TEM and RST0-RST7. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
/** Frame headers: C0-CF but DHT (C4), JPG (C8) and DAC (CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

type JpegState =
  | { at: 'marker' } // expects FF
  | { at: 'code' } // after FF: fill bytes (more FF) or the marker code
  | { at: 'length'; marker: number; bytes: number[] }
  | { at: 'skip'; left: number }
  | { at: 'frame'; bytes: number[] }; // precision, height (2), width (2)

/** Reads the declared size from chunks; `result` is set once it is known. */
export class ImageSizeReader {
  private seen = 0;
  private head: number[] = [];
  private format: ImageFormat | null = null;
  private jpeg: JpegState = { at: 'marker' };
  result: ImageSize | null = null;

  constructor(private readonly limitBytes = IMAGE_HEADER_LIMIT_BYTES) {}

  /** Feeds the next bytes; returns the result once known (later chunks are ignored), else null. */
  push(chunk: Uint8Array): ImageSize | null {
    let i = 0;
    while (this.result === null && i < chunk.length && this.seen < this.limitBytes) {
      const room = Math.min(chunk.length - i, this.limitBytes - this.seen);
      const used = this.format === 'jpeg' && this.head.length === 0 ? this.jpegStep(chunk, i, room) : this.headStep(chunk[i]!);
      i += used;
      this.seen += used;
    }
    if (this.result === null && this.seen >= this.limitBytes) {
      this.result = this.format === null ? { kind: 'not-image' } : { kind: 'no-size', format: this.format, reason: 'beyond-limit' };
    }
    return this.result;
  }

  /** The result at the end of the file: what was found, or why nothing was. */
  end(): ImageSize {
    // a file that ends inside the signature is not an image; one that ends after it, cut short
    if (this.result === null) this.result = this.format === null ? { kind: 'not-image' } : { kind: 'no-size', format: this.format, reason: 'cut-short' };
    return this.result;
  }

  /** The first bytes, kept until the format is known (and, for PNG, until IHDR is whole). */
  private headStep(byte: number): number {
    this.head.push(byte);
    const n = this.head.length;
    if (this.format === null) {
      if (this.head[0] === 0xff) {
        if (n === 2 && byte === 0xd8) {
          this.format = 'jpeg';
          this.head = [];
        } else if (n === 2) {
          this.result = { kind: 'not-image' };
        }
      } else if (byte !== PNG_SIGNATURE[n - 1]) {
        this.result = { kind: 'not-image' };
      } else if (n === PNG_SIGNATURE.length) {
        this.format = 'png';
      }
      return 1;
    }
    if (n === 16 && (!IHDR.every((b, k) => this.head[12 + k] === b) || u32(this.head, 8) !== 13)) {
      this.result = { kind: 'no-size', format: 'png', reason: 'damaged' };
    } else if (n === PNG_HEADER_BYTES) {
      this.result = { kind: 'size', format: 'png', width: u32(this.head, 16), height: u32(this.head, 20) };
    }
    return 1;
  }

  /** Walks JPEG segments from chunk[i], at most `room` bytes; returns how many it used. */
  private jpegStep(chunk: Uint8Array, i: number, room: number): number {
    const s = this.jpeg;
    if (s.at === 'skip') {
      const used = Math.min(s.left, room);
      this.jpeg = s.left - used === 0 ? { at: 'marker' } : { at: 'skip', left: s.left - used };
      return used;
    }
    const byte = chunk[i]!;
    switch (s.at) {
      case 'marker':
        if (byte === 0xff) this.jpeg = { at: 'code' };
        else this.result = { kind: 'no-size', format: 'jpeg', reason: 'damaged' };
        break;
      case 'code':
        if (byte === 0xff) break; // a fill byte
        if (standalone(byte)) this.jpeg = { at: 'marker' };
        else if (byte === 0xda || byte === 0xd9 || byte === 0xd8 || byte === 0x00) this.result = { kind: 'no-size', format: 'jpeg', reason: 'damaged' };
        else this.jpeg = { at: 'length', marker: byte, bytes: [] };
        break;
      case 'length': {
        s.bytes.push(byte);
        if (s.bytes.length < 2) break;
        const length = (s.bytes[0]! << 8) | s.bytes[1]!;
        if (isSof(s.marker)) {
          if (length < 2 + 5) this.result = { kind: 'no-size', format: 'jpeg', reason: 'damaged' };
          else this.jpeg = { at: 'frame', bytes: [] };
        } else if (length < 2) {
          this.result = { kind: 'no-size', format: 'jpeg', reason: 'damaged' };
        } else {
          this.jpeg = length === 2 ? { at: 'marker' } : { at: 'skip', left: length - 2 };
        }
        break;
      }
      case 'frame':
        s.bytes.push(byte);
        if (s.bytes.length === 5) {
          this.result = { kind: 'size', format: 'jpeg', height: (s.bytes[1]! << 8) | s.bytes[2]!, width: (s.bytes[3]! << 8) | s.bytes[4]! };
        }
        break;
    }
    return 1;
  }
}

function u32(bytes: readonly number[], at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

/** The declared size of whole bytes (or the first IMAGE_HEADER_LIMIT_BYTES of a file, as a file that ends there). */
export function imageSizeOf(bytes: Uint8Array, limitBytes = IMAGE_HEADER_LIMIT_BYTES): ImageSize {
  const reader = new ImageSizeReader(limitBytes);
  return reader.push(bytes) ?? reader.end();
}

export type ImageVerdict =
  | { ok: true; width: number; height: number; pixels: number }
  /** More than MAX_IMAGE_PIXELS: a decoder bomb, or at least more than any evidence needs. */
  | { ok: false; why: 'too-large'; width: number; height: number; pixels: number }
  /** A width or height of 0: the image is damaged. */
  | { ok: false; why: 'zero-size'; width: number; height: number }
  /** The size could not be read (cut short, damaged, beyond the limit, or not a PNG/JPEG at all). */
  | { ok: false; why: 'no-size' };

/** May the image be decoded? */
export function judgeImageSize(size: ImageSize): ImageVerdict {
  if (size.kind !== 'size') return { ok: false, why: 'no-size' };
  const { width, height } = size;
  if (width === 0 || height === 0) return { ok: false, why: 'zero-size', width, height };
  const pixels = width * height;
  if (pixels > MAX_IMAGE_PIXELS) return { ok: false, why: 'too-large', width, height, pixels };
  return { ok: true, width, height, pixels };
}
