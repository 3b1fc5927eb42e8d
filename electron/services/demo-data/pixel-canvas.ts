/** A tiny RGB canvas for drawing demo screenshots and charts, written out as PNG with pngjs. */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

/** 3x5 pixel glyphs: digits and the few signs an app screen or a chart label needs. */
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  ':': ['000', '010', '000', '010', '000'],
  ',': ['000', '000', '000', '010', '100'],
  '.': ['000', '000', '000', '000', '010'],
  '-': ['000', '000', '111', '000', '000'],
  '!': ['010', '010', '010', '000', '010'],
  '%': ['101', '001', '010', '100', '101'],
  E: ['111', '100', '111', '100', '111'],
  R: ['110', '101', '110', '101', '101'],
  ' ': ['000', '000', '000', '000', '000'],
};

/** One PNG row filter for every row ("up": flat drawings compress as well as with adaptive filtering, much faster). */
const FILTER = 2;

export class PixelCanvas {
  private readonly rgb: Uint8Array;
  private dim = 1;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  setPixel(x: number, y: number, color: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (Math.floor(y) * this.width + Math.floor(x)) * 3;
    this.rgb[i] = Math.round(color[0] * this.dim);
    this.rgb[i + 1] = Math.round(color[1] * this.dim);
    this.rgb[i + 2] = Math.round(color[2] * this.dim);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0 || y1 <= y0) return;
    const [r, g, b] = this.dim === 1 ? color : color.map((c) => Math.round(c * this.dim));
    const first = (y0 * this.width + x0) * 3;
    const rowBytes = (x1 - x0) * 3;
    for (let i = first; i < first + rowBytes; i += 3) {
      this.rgb[i] = r;
      this.rgb[i + 1] = g;
      this.rgb[i + 2] = b;
    }
    for (let yy = y0 + 1; yy < y1; yy++) this.rgb.copyWithin((yy * this.width + x0) * 3, first, first + rowBytes);
  }

  /**
   * Draws with every colour darkened by `factor` (0..1): what an app does to the screen behind a
   * dialog. Cheaper than darkening the pixels afterwards.
   */
  dimmed(factor: number, draw: () => void): void {
    const before = this.dim;
    this.dim = factor;
    try {
      draw();
    } finally {
      this.dim = before;
    }
  }

  /** A rectangle with rounded corners of radius r. */
  fillRoundRect(x: number, y: number, w: number, h: number, r: number, color: Rgb): void {
    this.fillRect(x + r, y, w - 2 * r, h, color);
    this.fillRect(x, y + r, w, h - 2 * r, color);
    for (const [cx, cy] of [[x + r, y + r], [x + w - r - 1, y + r], [x + r, y + h - r - 1], [x + w - r - 1, y + h - r - 1]] as const) {
      this.fillCircle(cx, cy, r, color);
    }
  }

  fillCircle(cx: number, cy: number, r: number, color: Rgb): void {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) this.setPixel(x, y, color);
      }
    }
  }

  /** Draws text in the 3x5 font, each font pixel `scale` screen pixels; returns the width drawn. */
  text(x: number, y: number, text: string, color: Rgb, scale = 2): number {
    let cx = x;
    for (const ch of text) {
      const glyph = GLYPHS[ch] ?? GLYPHS[' ']!;
      glyph.forEach((row, gy) => {
        [...row].forEach((bit, gx) => {
          if (bit === '1') this.fillRect(cx + gx * scale, y + gy * scale, scale, scale, color);
        });
      });
      cx += 4 * scale;
    }
    return cx - x;
  }

  /** Lossless RGB PNG; pngjs with fixed options, so the same pixels always give the same bytes. */
  toPng(): Uint8Array {
    const png = new PNG({ width: this.width, height: this.height, inputColorType: 2, colorType: 2, inputHasAlpha: false });
    png.data = Buffer.from(this.rgb);
    return new Uint8Array(PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, deflateLevel: 9, filterType: FILTER }));
  }
}
