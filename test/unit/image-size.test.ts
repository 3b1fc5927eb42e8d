/** The declared size of PNG and JPEG headers, read from chunks split anywhere, and the 50-megapixel rule. */
import { describe, expect, it } from 'vitest';
import { IMAGE_HEADER_LIMIT_BYTES, ImageSizeReader, imageSizeOf, judgeImageSize, MAX_IMAGE_PIXELS } from '../../shared/evidence/image-size';
import { app0Jfif, app1Of, comment, dht, jpegOf, pngOf, segment } from '../main/fixtures/image-headers';

/** Feeds bytes in chunks of `size` and returns the result. */
function inChunks(bytes: Uint8Array, size: number) {
  const reader = new ImageSizeReader();
  for (let at = 0; at < bytes.length; at += size) if (reader.push(bytes.subarray(at, at + size))) break;
  return reader.result ?? reader.end();
}

describe('image header size', () => {
  it('reads a PNG IHDR', () => {
    expect(imageSizeOf(pngOf(640, 480))).toEqual({ kind: 'size', format: 'png', width: 640, height: 480 });
    expect(imageSizeOf(pngOf(0xffff_fffe, 3))).toEqual({ kind: 'size', format: 'png', width: 0xffff_fffe, height: 3 });
  });

  it('reads a JPEG frame header after APP segments, a comment and a DHT (C4 is not a frame header)', () => {
    const bytes = jpegOf(4000, 3000, { before: [app0Jfif(), app1Of(40_000), comment('made by hand'), dht()] });
    expect(imageSizeOf(bytes)).toEqual({ kind: 'size', format: 'jpeg', width: 4000, height: 3000 });
  });

  it('reads a progressive (SOF2) and other frame headers, skipping fill bytes before a marker', () => {
    expect(imageSizeOf(jpegOf(1024, 768, { sofMarker: 0xc2 }))).toMatchObject({ width: 1024, height: 768 });
    expect(imageSizeOf(jpegOf(7, 9, { sofMarker: 0xcf }))).toMatchObject({ width: 7, height: 9 });
    const filled = jpegOf(33, 44, { before: [[0xff, 0xff, ...app0Jfif()]] });
    expect(imageSizeOf(filled)).toMatchObject({ kind: 'size', width: 33, height: 44 });
    // JPG (C8) and DAC (CC) are skipped by their lengths like any segment
    expect(imageSizeOf(jpegOf(5, 6, { before: [segment(0xc8, [1, 2, 3]), segment(0xcc, [0, 0])] }))).toMatchObject({ width: 5, height: 6 });
  });

  it('gives the same answer however the header is split into chunks', () => {
    const png = pngOf(10_000, 5_001);
    const jpeg = jpegOf(8000, 7000, { before: [app0Jfif(), app1Of(3000), comment('x')], sofMarker: 0xc2 });
    for (const size of [1, 2, 3, 7, 16, 23, 100, 4096]) {
      expect(inChunks(png, size)).toEqual({ kind: 'size', format: 'png', width: 10_000, height: 5_001 });
      expect(inChunks(jpeg, size)).toEqual({ kind: 'size', format: 'jpeg', width: 8000, height: 7000 });
    }
  });

  it('says a file cut short before its size is cut short, and one that is no image not an image', () => {
    expect(imageSizeOf(pngOf(10, 10).subarray(0, 20))).toEqual({ kind: 'no-size', format: 'png', reason: 'cut-short' });
    expect(imageSizeOf(jpegOf(10, 10).subarray(0, 25))).toEqual({ kind: 'no-size', format: 'jpeg', reason: 'cut-short' });
    expect(imageSizeOf(Uint8Array.from([0xff, 0xd8]))).toEqual({ kind: 'no-size', format: 'jpeg', reason: 'cut-short' });
    expect(imageSizeOf(Uint8Array.from([137, 80, 78, 71]))).toEqual({ kind: 'not-image' });
    expect(imageSizeOf(new TextEncoder().encode('not a picture'))).toEqual({ kind: 'not-image' });
    expect(imageSizeOf(new Uint8Array())).toEqual({ kind: 'not-image' });
  });

  it('says a header that breaks the rules is damaged', () => {
    const noIhdr = pngOf(10, 10);
    noIhdr.set([0x49, 0x44, 0x41, 0x54], 12); // IDAT where IHDR must be
    expect(imageSizeOf(noIhdr)).toEqual({ kind: 'no-size', format: 'png', reason: 'damaged' });
    // a scan before any frame header, a byte where a marker must be, a length below 2
    expect(imageSizeOf(Uint8Array.from([0xff, 0xd8, ...segment(0xda, [1, 2]), 0xff, 0xd9]))).toMatchObject({ reason: 'damaged' });
    expect(imageSizeOf(Uint8Array.from([0xff, 0xd8, 0x12, 0x34]))).toMatchObject({ reason: 'damaged' });
    expect(imageSizeOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0, 0]))).toMatchObject({ reason: 'damaged' });
  });

  it(`looks no further than the first ${IMAGE_HEADER_LIMIT_BYTES} bytes`, () => {
    // 17 APP1 segments of 64 KiB: the frame header lies beyond 1 MiB
    const far = jpegOf(10, 10, { before: Array.from({ length: 17 }, () => app1Of(65_533)) });
    expect(far.length).toBeGreaterThan(IMAGE_HEADER_LIMIT_BYTES);
    expect(imageSizeOf(far)).toEqual({ kind: 'no-size', format: 'jpeg', reason: 'beyond-limit' });
    expect(inChunks(far, 300_000)).toEqual({ kind: 'no-size', format: 'jpeg', reason: 'beyond-limit' });
    const near = jpegOf(10, 10, { before: Array.from({ length: 15 }, () => app1Of(65_533)) });
    expect(imageSizeOf(near)).toMatchObject({ kind: 'size', width: 10, height: 10 });
  });
});

describe('judgeImageSize', () => {
  it('allows 50,000,000 pixels exactly and refuses 50,000,001', () => {
    expect(MAX_IMAGE_PIXELS).toBe(50_000_000);
    expect(judgeImageSize(imageSizeOf(pngOf(10_000, 5_000)))).toEqual({ ok: true, width: 10_000, height: 5_000, pixels: 50_000_000 });
    expect(judgeImageSize(imageSizeOf(pngOf(50_000_001, 1)))).toEqual({ ok: false, why: 'too-large', width: 50_000_001, height: 1, pixels: 50_000_001 });
    expect(judgeImageSize(imageSizeOf(pngOf(10_000, 5_001)))).toMatchObject({ ok: false, why: 'too-large', pixels: 50_010_000 });
    expect(judgeImageSize(imageSizeOf(jpegOf(8000, 7000)))).toMatchObject({ ok: false, why: 'too-large', pixels: 56_000_000 });
    expect(judgeImageSize(imageSizeOf(jpegOf(8000, 6250)))).toMatchObject({ ok: true, pixels: 50_000_000 });
  });

  it('refuses a declared width or height of 0 as damaged, and an image without a size', () => {
    expect(judgeImageSize(imageSizeOf(pngOf(0, 100)))).toEqual({ ok: false, why: 'zero-size', width: 0, height: 100 });
    expect(judgeImageSize(imageSizeOf(jpegOf(100, 0)))).toEqual({ ok: false, why: 'zero-size', width: 100, height: 0 });
    expect(judgeImageSize(imageSizeOf(pngOf(10, 10).subarray(0, 20)))).toEqual({ ok: false, why: 'no-size' });
  });
});
