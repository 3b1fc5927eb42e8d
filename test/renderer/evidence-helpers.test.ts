/** The evidence viewers' pure helpers: PDF page bounds and zoom steps, image zoom and pan, tab keys, text decoding, the chart model. */
import { describe, expect, it } from 'vitest';
import { assessCase } from '../../shared/assessment';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import { imageActionForKey, imageViewReducer, INITIAL_IMAGE_VIEW, IMAGE_MAX_SCALE, IMAGE_MIN_SCALE } from '../../renderer/review/evidence/image-view';
import {
  canGoBack,
  canGoForward,
  clampPage,
  fitWidthScale,
  MAX_CANVAS_PIXELS,
  MAX_ZOOM,
  MIN_ZOOM,
  outputScale,
  pageForKey,
  zoomIn,
  zoomOut,
  zoomPercent,
} from '../../renderer/review/evidence/pdf-controls';
import { firstSalePerDate, niceStep, salesChartModel } from '../../renderer/review/evidence/sales-chart-model';
import { tabIndexForKey } from '../../renderer/review/evidence/tab-keys';
import { decodeEvidenceText } from '../../renderer/review/evidence/text-decode';
import { viewerKindOf } from '../../renderer/review/evidence/viewer-kind';
import { salesFixture } from './evidence-fixtures';

describe('PDF controls', () => {
  it('keeps the page within 1..n', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(6, 5)).toBe(5);
    expect(clampPage(3, 5)).toBe(3);
    expect(clampPage(2, 0)).toBe(1);
    expect(clampPage(Number.NaN, 5)).toBe(1);
    expect(canGoBack(1)).toBe(false);
    expect(canGoBack(2)).toBe(true);
    expect(canGoForward(5, 5)).toBe(false);
    expect(canGoForward(4, 5)).toBe(true);
  });

  it('moves pages with Page Up/Down, arrows, Home and End, never past the ends', () => {
    expect(pageForKey('PageDown', 1, 3)).toBe(2);
    expect(pageForKey('ArrowRight', 3, 3)).toBe(3);
    expect(pageForKey('PageUp', 1, 3)).toBe(1);
    expect(pageForKey('ArrowLeft', 2, 3)).toBe(1);
    expect(pageForKey('Home', 3, 3)).toBe(1);
    expect(pageForKey('End', 1, 3)).toBe(3);
    expect(pageForKey('a', 1, 3)).toBeNull();
  });

  it('zooms by steps, from a number or from fit width, within the bounds', () => {
    expect(zoomIn(1, 0.8)).toBe(1.1);
    expect(zoomOut(1, 0.8)).toBe(0.9);
    expect(zoomIn('fit', 0.8)).toBe(0.9);
    expect(zoomOut('fit', 0.8)).toBe(0.67);
    expect(zoomIn('fit', 1.3)).toBe(1.5);
    expect(zoomIn(MAX_ZOOM, 1)).toBe(MAX_ZOOM);
    expect(zoomOut(MIN_ZOOM, 1)).toBe(MIN_ZOOM);
    expect(zoomPercent('fit', 1.234)).toBe(123);
    expect(zoomPercent(1.5, 1)).toBe(150);
  });

  it('fits the page width into the viewer, and limits the canvas size', () => {
    expect(fitWidthScale(595, 595)).toBe(1);
    expect(fitWidthScale(420, 840)).toBe(0.5);
    expect(fitWidthScale(0, 595)).toBe(1);
    expect(outputScale(600, 800, 2)).toBe(2);
    expect(outputScale(4000, 5000, 2) ** 2 * 4000 * 5000).toBeCloseTo(MAX_CANVAS_PIXELS, -2);
  });
});

describe('image zoom and pan', () => {
  it('zooms in and out by steps within the bounds, by buttons, keys and the wheel', () => {
    let view = imageViewReducer(INITIAL_IMAGE_VIEW, { type: 'zoomIn' });
    expect(view.scale).toBe(1.25);
    view = imageViewReducer(view, imageActionForKey('-')!);
    expect(view.scale).toBe(1);
    view = imageViewReducer(view, { type: 'wheel', deltaY: -100 });
    expect(view.scale).toBe(1.25);
    view = imageViewReducer(view, { type: 'wheel', deltaY: 100 });
    expect(view.scale).toBe(1);
    for (let i = 0; i < 30; i++) view = imageViewReducer(view, { type: 'zoomIn' });
    expect(view.scale).toBe(IMAGE_MAX_SCALE);
    for (let i = 0; i < 60; i++) view = imageViewReducer(view, { type: 'zoomOut' });
    expect(view.scale).toBe(IMAGE_MIN_SCALE);
  });

  it('pans with drags and arrow keys, and resets', () => {
    let view = imageViewReducer(INITIAL_IMAGE_VIEW, { type: 'pan', dx: 10, dy: -5 });
    view = imageViewReducer(view, imageActionForKey('ArrowRight')!);
    view = imageViewReducer(view, imageActionForKey('ArrowUp')!);
    expect(view).toEqual({ scale: 1, x: -30, y: 35 });
    expect(imageViewReducer(view, imageActionForKey('0')!)).toEqual(INITIAL_IMAGE_VIEW);
    expect(imageActionForKey('x')).toBeNull();
  });
});

describe('tab keys', () => {
  it('wraps with the arrows and jumps with Home and End', () => {
    expect(tabIndexForKey('ArrowRight', 2, 3)).toBe(0);
    expect(tabIndexForKey('ArrowLeft', 0, 3)).toBe(2);
    expect(tabIndexForKey('Home', 2, 3)).toBe(0);
    expect(tabIndexForKey('End', 0, 3)).toBe(2);
    expect(tabIndexForKey('Enter', 0, 3)).toBeNull();
  });
});

describe('viewer kinds and text decoding', () => {
  it('maps each allowed media type to its viewer, anything else to text', () => {
    expect(viewerKindOf('application/pdf')).toBe('pdf');
    expect(viewerKindOf('image/png')).toBe('image');
    expect(viewerKindOf('image/jpeg')).toBe('image');
    expect(viewerKindOf('text/csv')).toBe('csv');
    expect(viewerKindOf('text/plain')).toBe('text');
    expect(viewerKindOf('text/html')).toBe('text');
  });

  it('reads UTF-8 (dropping a BOM), falls back to EUC-KR, and cuts long text', () => {
    const utf8 = new TextEncoder().encode('\uFEFF계좌 확인서');
    expect(decodeEvidenceText(utf8)).toEqual({ text: '계좌 확인서', encoding: 'utf-8', cut: 0 });
    const eucKr = new Uint8Array([0xc7, 0xd1, 0xb1, 0xdb]); // "한글"
    expect(decodeEvidenceText(eucKr)).toEqual({ text: '한글', encoding: 'euc-kr', cut: 0 });
    expect(decodeEvidenceText(new TextEncoder().encode('abcdef'), 4)).toEqual({ text: 'abcd', encoding: 'utf-8', cut: 2 });
  });
});

describe('sales chart model', () => {
  const { incident, policy } = kakao1015IncidentAndPolicy();
  const { dailySales } = salesFixture();
  const assessment = assessCase({ claimedLoss: 400_000, dailySales, documents: [] }, incident, policy);

  it('has one bar per date, the first figure of a repeated date', () => {
    expect(firstSalePerDate([{ date: '2022-10-02', amount: 5 }, { date: '2022-10-01', amount: 1 }, { date: '2022-10-02', amount: 9 }])).toEqual([
      { date: '2022-10-01', amount: 1 },
      { date: '2022-10-02', amount: 5 },
    ]);
    const model = salesChartModel(dailySales, assessment)!;
    expect(model.bars).toHaveLength(new Set(dailySales.map((s) => s.date)).size);
  });

  it('marks the baseline week and the outage with the assessment totals, and the missing outage days', () => {
    const model = salesChartModel(dailySales, assessment)!;
    expect(model.baseline).toMatchObject({ from: assessment.baseline!.weekFrom, to: assessment.baseline!.weekTo, total: assessment.baseline!.total });
    expect(model.outage).toMatchObject({ from: '2022-10-15', to: '2022-10-21', total: assessment.outage.total });
    expect(model.missingDays.map((d) => d.date)).toEqual(assessment.outage.missingDays);
    expect(model.bars.filter((b) => b.inBaseline)).toHaveLength(7);
    expect(model.bars.filter((b) => b.inOutage).map((b) => b.date)).not.toContain(assessment.outage.missingDays[0]);
    // ranges lie inside the plot, one band per day
    expect(model.outage.width / 7).toBeCloseTo(model.baseline!.width / 7);
    expect(model.outage.x + model.outage.width).toBeLessThanOrEqual(model.plot.right + 1e-6);
  });

  it('is null with no daily sales; y ticks step by 1, 2 or 5 times a power of ten', () => {
    expect(salesChartModel([], assessment)).toBeNull();
    expect(niceStep(1_234_567)).toBe(500_000);
    expect(niceStep(90)).toBe(50);
  });
});
