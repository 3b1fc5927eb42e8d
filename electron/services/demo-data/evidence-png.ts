/**
 * PNG evidence: a phone screenshot of a Kakao app failing during the outage, and a bar chart of a
 * business's daily sales. Drawn with flat shapes so each file stays a few KB.
 */
import type { Sale } from './assessed-loss';
import { BASELINE_DATES, isInOutage, weekday } from './calendar';
import type { Category } from './categories';
import { PixelCanvas, type Rgb } from './pixel-canvas';
import type { Random } from './random';

type AppLook = 'talk' | 'map-app' | 'store' | 'pay';

const KAKAO_YELLOW: Rgb = [254, 229, 0];
const INK: Rgb = [40, 40, 40];
const WHITE: Rgb = [255, 255, 255];

function lookOf(category: Category): AppLook {
  if (category === 'taxi' || category === 'designated-driver') return 'map-app';
  if (category === 'online-shop') return 'store';
  if (category === 'retail') return 'pay';
  return 'talk';
}

function statusBar(canvas: PixelCanvas, rng: Random, clock: string, background: Rgb, ink: Rgb): void {
  canvas.fillRect(0, 0, canvas.width, 16, background);
  canvas.text(6, 3, clock, ink, 2);
  const battery = rng.int(8, 95);
  canvas.fillRect(canvas.width - 26, 4, 18, 9, ink);
  canvas.fillRect(canvas.width - 25, 5, 16, 7, background);
  canvas.fillRect(canvas.width - 25, 5, Math.max(1, Math.round((16 * battery) / 100)), 7, battery < 20 ? [220, 50, 50] : ink);
  const bars = rng.int(1, 4);
  for (let i = 0; i < 4; i++) canvas.fillRect(canvas.width - 52 + i * 5, 12 - i * 2, 3, 2 + i * 2, i < bars ? ink : [160, 160, 160]);
}

/** Grey bars where text would be: the eye reads them as a line of writing. */
function textLine(canvas: PixelCanvas, x: number, y: number, width: number, color: Rgb, height = 5): void {
  canvas.fillRoundRect(x, y, width, height, Math.min(2, Math.floor(height / 2)), color);
}

function background(canvas: PixelCanvas, rng: Random, look: AppLook): void {
  if (look === 'map-app') {
    canvas.fillRect(0, 52, canvas.width, canvas.height - 52, [233, 236, 228]);
    for (let i = 0; i < 7; i++) {
      const vertical = rng.chance(0.5);
      const at = rng.int(55, vertical ? canvas.width - 5 : canvas.height - 5);
      const width = rng.int(3, 7);
      if (vertical) canvas.fillRect(at, 52, width, canvas.height - 52, WHITE);
      else canvas.fillRect(0, at, canvas.width, width, WHITE);
    }
    canvas.fillRect(rng.int(10, 120), rng.int(70, 240), rng.int(20, 45), rng.int(15, 35), [205, 228, 200]);
    return;
  }
  canvas.fillRect(0, 52, canvas.width, canvas.height - 52, [246, 246, 246]);
  const rows = rng.int(4, 6);
  for (let r = 0; r < rows; r++) {
    const y = 60 + r * 42;
    if (look === 'store') canvas.fillRect(10, y, 30, 30, [225, 225, 225]);
    else canvas.fillRoundRect(10, y, 30, 30, 10, [220, 222, 230]);
    textLine(canvas, 48, y + 6, rng.int(40, 90), [200, 200, 200]);
    textLine(canvas, 48, y + 18, rng.int(60, 115), [222, 222, 222]);
  }
}

/** A phone screen (180x320) with the app's error dialog, at the given clock time ("15:47"). */
export function errorScreenPng(rng: Random, category: Category, clock: string): Uint8Array {
  const look = lookOf(category);
  const dark = category === 'designated-driver';
  const header: Rgb = dark ? [30, 34, 48] : look === 'pay' ? [255, 235, 0] : KAKAO_YELLOW;
  const headerInk: Rgb = dark ? WHITE : INK;
  const canvas = new PixelCanvas(180, 320, WHITE);
  // The app behind the dialog, dimmed.
  canvas.dimmed(0.55, () => {
    statusBar(canvas, rng, clock, header, headerInk);
    canvas.fillRect(0, 16, canvas.width, 36, header);
    textLine(canvas, 12, 29, rng.int(45, 80), headerInk, 9);
    canvas.fillCircle(150, 34, 6, headerInk);
    canvas.fillCircle(150, 34, 4, header);
    background(canvas, rng, look);
  });
  const top = rng.int(105, 125);
  canvas.fillRoundRect(18, top, 144, 118, 8, WHITE);
  canvas.fillCircle(90, top + 24, 13, rng.chance(0.5) ? [235, 87, 60] : [245, 166, 35]);
  canvas.text(87, top + 17, '!', WHITE, 3);
  textLine(canvas, 90 - 45, top + 46, 90, INK);
  textLine(canvas, 90 - 55, top + 58, rng.int(80, 110), [150, 150, 150]);
  if (rng.chance(0.6)) textLine(canvas, 90 - 40, top + 68, rng.int(50, 80), [150, 150, 150]);
  canvas.text(60, top + 78, `ER-${rng.int(1000, 9999)}`, [120, 120, 120], 1);
  canvas.fillRoundRect(30, top + 92, 120, 18, 5, dark ? [80, 120, 230] : KAKAO_YELLOW);
  textLine(canvas, 72, top + 98, 36, dark ? WHITE : INK, 5);
  return canvas.toPng();
}

function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A 320x200 bar chart of the daily sales, September–October 2022; outage days in red. */
export function salesChartPng(sales: readonly Sale[]): Uint8Array {
  const canvas = new PixelCanvas(320, 200, WHITE);
  const byDate = new Map(sales.map((s) => [s.date, s.amount]));
  const max = Math.max(1, ...sales.map((s) => s.amount));
  const left = 12;
  const bottom = 180;
  const plotHeight = 150;
  canvas.text(left, 6, withThousands(max), INK, 2);
  canvas.fillRect(left, bottom - plotHeight, 296, 1, [225, 225, 225]);
  canvas.fillRect(left, bottom - plotHeight / 2, 296, 1, [235, 235, 235]);
  BASELINE_DATES.forEach((date, i) => {
    const amount = byDate.get(date);
    const x = left + i * 4.85;
    if (amount === undefined) {
      canvas.fillRect(x + 1, bottom - 3, 2, 2, [200, 200, 200]);
      return;
    }
    const h = Math.round((amount / max) * plotHeight);
    const color: Rgb = isInOutage(date) ? [225, 60, 50] : weekday(date) === 0 || weekday(date) === 6 ? [70, 110, 190] : [120, 160, 225];
    canvas.fillRect(x, bottom - h, 4, h, color);
  });
  canvas.fillRect(left, bottom, 296, 1, INK);
  canvas.text(left, bottom + 6, '9.1', INK, 2);
  canvas.text(left + 30 * 4.85, bottom + 6, '10.1', INK, 2);
  canvas.text(left + 44 * 4.85, bottom + 6, '10.15', [225, 60, 50], 2);
  return canvas.toPng();
}
