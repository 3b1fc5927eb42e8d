/**
 * Does an evidence file hold what its media type says? Checked as its bytes stream by: a PDF
 * starts with "%PDF-", a PNG with its 8-byte signature, a JPEG with FF D8 FF; text/csv and
 * text/plain must be UTF-8 without NUL bytes (checked across chunk boundaries). Evidence is never
 * rendered as HTML, but a file that is not what it claims is refused all the same. A PNG or JPEG
 * must also declare its size in its first 1 MiB, with no more than 50 million pixels and none of
 * width and height 0 (shared/evidence/image-size.ts): a larger one is a decoder bomb.
 */
import { isUtf8 } from 'node:buffer';
import { IMAGE_HEADER_LIMIT_BYTES, ImageSizeReader, judgeImageSize, MAX_IMAGE_PIXELS } from '../../../shared/evidence/image-size';
import type { EvidenceMediaType } from '../../../shared/schemas/case-record';

const SIGNATURES: Partial<Record<EvidenceMediaType, { magic: Buffer; what: string }>> = {
  'application/pdf': { magic: Buffer.from('%PDF-', 'latin1'), what: 'a PDF file (which starts with %PDF-)' },
  'image/png': { magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), what: 'a PNG image' },
  'image/jpeg': { magic: Buffer.from([0xff, 0xd8, 0xff]), what: 'a JPEG image' },
};

export interface MediaCheck {
  push(chunk: Buffer): void;
  /** Null when the content fits the media type, else what is wrong, in words. Call once, at the end. */
  end(): string | null;
  /** A problem found so far (binary types know after their first bytes). */
  readonly problem: string | null;
  /** The problem's code (problem-codes.ts), when there is one. */
  readonly code: MediaProblemCode | null;
  /** The values the code's sentence names besides where the file is referenced (an image's size). */
  readonly details: ImageDetails;
}

export type MediaProblemCode =
  | 'EVIDENCE_NOT_MEDIA_TYPE'
  | 'EVIDENCE_TEXT_NUL'
  | 'EVIDENCE_TEXT_NOT_UTF8'
  | 'EVIDENCE_TEXT_CUT'
  | 'EVIDENCE_IMAGE_TOO_LARGE'
  | 'EVIDENCE_IMAGE_ZERO_SIZE'
  | 'EVIDENCE_IMAGE_NO_SIZE';

export type ImageDetails = { width: number; height: number; pixels: number; maxPixels: number } | { width: number; height: number } | { headerBytes: number } | Record<string, never>;

/**
 * Whether the check finds the same whatever chunks the bytes come in (the signatures and image
 * sizes do; the text checks, which look for a NUL before they look at UTF-8 chunk by chunk, may not).
 */
export function chunkingFree(mediaType: EvidenceMediaType): boolean {
  return SIGNATURES[mediaType] !== undefined;
}

export function mediaCheck(mediaType: EvidenceMediaType): MediaCheck {
  const signature = SIGNATURES[mediaType];
  return signature ? new MagicCheck(signature.magic, signature.what, mediaType) : new TextCheck(mediaType);
}

class MagicCheck implements MediaCheck {
  private head = Buffer.alloc(0);
  problem: string | null = null;
  code: MediaProblemCode | null = null;
  details: ImageDetails = {};
  private decided = false;
  /** For PNG and JPEG: their declared size, read on from the first byte (it shares the signature). */
  private readonly size: ImageSizeReader | null;
  constructor(
    private readonly magic: Buffer,
    private readonly what: string,
    private readonly mediaType: string,
  ) {
    this.size = mediaType === 'image/png' || mediaType === 'image/jpeg' ? new ImageSizeReader() : null;
  }

  push(chunk: Buffer): void {
    if (!this.decided) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, this.magic.length - this.head.length)]);
      if (this.head.length >= this.magic.length) this.decide();
    }
    if (this.problem === null && this.size !== null && this.size.result === null) {
      const size = this.size.push(chunk);
      if (size !== null) this.judgeSize();
    }
  }

  end(): string | null {
    if (!this.decided) this.decide();
    if (this.problem === null && this.size !== null) {
      this.size.end();
      this.judgeSize();
    }
    return this.problem;
  }

  private decide(): void {
    this.decided = true;
    if (!this.head.equals(this.magic)) {
      this.problem = `is not ${this.what}, though its case says it is ${this.mediaType}`;
      this.code = 'EVIDENCE_NOT_MEDIA_TYPE';
    }
  }

  private judgeSize(): void {
    // the signature decides first: a file that is not a PNG at all is reported as that
    if (!this.decided || this.problem !== null) return;
    const verdict = judgeImageSize(this.size!.result!);
    if (verdict.ok) return;
    const n = (v: number) => v.toLocaleString('en-US');
    if (verdict.why === 'too-large') {
      this.problem = `declares ${n(verdict.width)} x ${n(verdict.height)} = ${n(verdict.pixels)} pixels, more than the ${n(MAX_IMAGE_PIXELS)} an image may have`;
      this.code = 'EVIDENCE_IMAGE_TOO_LARGE';
      this.details = { width: verdict.width, height: verdict.height, pixels: verdict.pixels, maxPixels: MAX_IMAGE_PIXELS };
    } else if (verdict.why === 'zero-size') {
      this.problem = `declares a size of ${n(verdict.width)} x ${n(verdict.height)} pixels`;
      this.code = 'EVIDENCE_IMAGE_ZERO_SIZE';
      this.details = { width: verdict.width, height: verdict.height };
    } else {
      this.problem = `its width and height cannot be found in its first ${n(IMAGE_HEADER_LIMIT_BYTES)} bytes`;
      this.code = 'EVIDENCE_IMAGE_NO_SIZE';
      this.details = { headerBytes: IMAGE_HEADER_LIMIT_BYTES };
    }
  }
}

class TextCheck implements MediaCheck {
  private carry = Buffer.alloc(0);
  problem: string | null = null;
  code: MediaProblemCode | null = null;
  readonly details: ImageDetails = {};
  constructor(private readonly mediaType: string) {}

  push(chunk: Buffer): void {
    if (this.problem !== null) return;
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (bytes.indexOf(0) !== -1) {
      this.problem = `holds NUL bytes, so it is not ${this.mediaType} text (it may be a binary file given the wrong type)`;
      this.code = 'EVIDENCE_TEXT_NUL';
      return;
    }
    const cut = incompleteTailStart(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) {
      this.problem = `is not UTF-8 text, though its case says it is ${this.mediaType}`;
      this.code = 'EVIDENCE_TEXT_NOT_UTF8';
      return;
    }
    this.carry = Buffer.from(bytes.subarray(cut));
  }

  end(): string | null {
    if (this.problem === null && this.carry.length > 0) {
      this.problem = `is not UTF-8 text (it ends in the middle of a character), though its case says it is ${this.mediaType}`;
      this.code = 'EVIDENCE_TEXT_CUT';
    }
    return this.problem;
  }
}

/** Where a multi-byte character that the chunk cuts off begins (bytes.length when none is cut). */
function incompleteTailStart(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}
