/**
 * The bundle reader on images that declare too many pixels (decoder bombs), a size of 0, or no
 * size it can find: refused with the file, its size and the case line and document that point
 * to it, and never handed on to onEvidencePiece.
 */
import { describe, expect, it } from 'vitest';
import { app0Jfif, app1Of, jpegOf, pngOf } from './fixtures/image-headers';
import { editCase, pack, tinyParts, type BundleParts } from './fixtures/bundle-parts';
import { bundleFolder, errorTexts, readZip } from './fixtures/read-helpers';

const dir = bundleFolder();
const PNG_FILE = 'evidence/1015-000001/certificate.png';
const JPEG_FILE = 'evidence/1015-000002/photo.jpg';

/** The tiny bundle with its certificate PNG replaced, and a JPEG added to case 2 as its second document. */
function withImages(png: Uint8Array, jpeg?: Uint8Array): BundleParts {
  const parts = tinyParts();
  parts.files.set(PNG_FILE, png);
  if (jpeg) {
    editCase(parts, 2, (r) => r.documents.push({ kind: 'other', title: 'shop photo', file: JPEG_FILE, mediaType: 'image/jpeg' }));
    parts.files.set(JPEG_FILE, jpeg);
  }
  return parts;
}

describe('images in a bundle', () => {
  it('accepts images of up to 50,000,000 pixels, whatever metadata comes before a JPEG frame header', async () => {
    const report = await readZip(dir, pack(withImages(pngOf(10_000, 5_000), jpegOf(8000, 6250, { before: [app0Jfif(), app1Of(60_000), app1Of(60_000)], sofMarker: 0xc2 }))));
    expect(errorTexts(report)).toEqual([]);
  });

  it('refuses a PNG of 10000 x 5001 pixels, naming the file, its pixels and the document', async () => {
    const report = await readZip(dir, pack(withImages(pngOf(10_000, 5_001))));
    const message =
      'declares 10,000 x 5,001 = 50,010,000 pixels, more than the 50,000,000 an image may have: a "decoder bomb" that would fill the memory when shown (cases.ndjson line 1, documents[1].mediaType)';
    expect(report.errors).toEqual([
      {
        kind: 'evidence',
        file: PNG_FILE,
        line: null,
        path: '',
        code: 'EVIDENCE_IMAGE_TOO_LARGE',
        params: { mediaType: 'image/png', line: 1, index: 1, width: 10_000, height: 5_001, pixels: 50_010_000, maxPixels: 50_000_000 },
        message,
      },
    ]);
    expect(errorTexts(report)).toEqual([`${PNG_FILE}: ${message}`]);
  });

  it('refuses a JPEG of 8000 x 7000 pixels whose frame header follows APP segments', async () => {
    const report = await readZip(dir, pack(withImages(pngOf(2, 2), jpegOf(8000, 7000, { before: [app0Jfif(), app1Of(30_000)] }))));
    expect(errorTexts(report)).toEqual([
      `${JPEG_FILE}: declares 8,000 x 7,000 = 56,000,000 pixels, more than the 50,000,000 an image may have: a "decoder bomb" that would fill the memory when shown (cases.ndjson line 2, documents[1].mediaType)`,
    ]);
    expect(report.errors[0]).toMatchObject({ code: 'EVIDENCE_IMAGE_TOO_LARGE', params: { line: 2, index: 1, pixels: 56_000_000 } });
  });

  it('refuses a declared size of 0 and an image whose size cannot be found, as damaged', async () => {
    const zero = await readZip(dir, pack(withImages(pngOf(0, 480))));
    expect(errorTexts(zero)).toEqual([`${PNG_FILE}: declares a size of 0 x 480 pixels; an image without pixels is damaged (cases.ndjson line 1, documents[1].mediaType)`]);
    expect(zero.errors[0]!.code).toBe('EVIDENCE_IMAGE_ZERO_SIZE');
    const cut = await readZip(dir, pack(withImages(pngOf(2, 2), jpegOf(100, 100).subarray(0, 22))));
    expect(errorTexts(cut)).toEqual([
      `${JPEG_FILE}: is damaged or cut short: its width and height cannot be found in its first 1 MiB, so it cannot be checked before it is shown (cases.ndjson line 2, documents[1].mediaType)`,
    ]);
    expect(cut.errors[0]).toMatchObject({ code: 'EVIDENCE_IMAGE_NO_SIZE', params: { headerBytes: 1024 * 1024 } });
  });

  it('reports a file that is not a PNG at all as that, not as an image without a size', async () => {
    const report = await readZip(dir, pack(withImages(new TextEncoder().encode('GIF89a....'))));
    expect(report.errors.map((e) => e.code)).toEqual(['EVIDENCE_NOT_MEDIA_TYPE']);
  });

  it('does not hand a refused image to onEvidencePiece', async () => {
    const handed: string[] = [];
    const report = await readZip(dir, pack(withImages(pngOf(100_000, 100_000))), { onEvidencePiece: (p) => void handed.push(p.file) });
    expect(report.valid).toBe(false);
    expect(handed).not.toContain(PNG_FILE);
  });
});
