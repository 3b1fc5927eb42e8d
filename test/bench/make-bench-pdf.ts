/**
 * The benchmark's 5 MB PDF, drawn with pdf-lib the way a scanned evidence file looks: ten A4
 * pages, each a line of text over an incompressible image (seeded noise, about 0.5 MB per page,
 * so the file stays about 5 MB however it is deflated). Deterministic: the same bytes every run.
 */
import { PNG } from 'pngjs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const PAGES = 10;
const IMAGE_WIDTH = 640;
const IMAGE_HEIGHT = 280;

function noisePng(seed: number): Uint8Array {
  const png = new PNG({ width: IMAGE_WIDTH, height: IMAGE_HEIGHT, colorType: 2, inputHasAlpha: false });
  let x = seed >>> 0 || 1;
  const data = Buffer.alloc(IMAGE_WIDTH * IMAGE_HEIGHT * 4);
  for (let i = 0; i < data.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      data[i + c] = x & 0xff;
    }
    data[i + 3] = 255;
  }
  png.data = data;
  return PNG.sync.write(png, { colorType: 2 });
}

export async function makeBenchPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer('Council Desk benchmark');
  doc.setCreator('Council Desk benchmark');
  doc.setCreationDate(new Date('2022-10-24T00:00:00Z'));
  doc.setModificationDate(new Date('2022-10-24T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= PAGES; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Scanned sales ledger, page ${p} of ${PAGES}`, { x: 48, y: 790, size: 16, font, color: rgb(0.1, 0.15, 0.3) });
    page.drawText('Daily sales 2022-09-01 to 2022-10-31 (benchmark evidence, 5 MB)', { x: 48, y: 766, size: 10, font });
    const image = await doc.embedPng(noisePng(p * 7919));
    page.drawImage(image, { x: 48, y: 280, width: 499, height: 460 });
  }
  return doc.save({ useObjectStreams: false });
}
