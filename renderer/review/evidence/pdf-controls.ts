/**
 * The PDF viewer's controls as pure functions: page bounds, zoom steps, fit-to-width and the
 * canvas size a page gets (pdf.js itself is only in PdfViewer).
 */

/** 'fit': the page's width fills the viewer; a number: CSS pixels per PDF point. */
export type PdfZoom = 'fit' | number;

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
/** No canvas larger than this many device pixels (about 64 MB of RGBA). */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

/** A page number within 1..pageCount (1 when there are no pages yet). */
export function clampPage(page: number, pageCount: number): number {
  if (!Number.isFinite(page) || pageCount < 1) return 1;
  return Math.min(Math.max(1, Math.round(page)), pageCount);
}

export function canGoBack(page: number): boolean {
  return page > 1;
}

export function canGoForward(page: number, pageCount: number): boolean {
  return page < pageCount;
}

/** The page a key asks for, or null when the key is not a page key. */
export function pageForKey(key: string, page: number, pageCount: number): number | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
      return clampPage(page + 1, pageCount);
    case 'PageUp':
    case 'ArrowLeft':
      return clampPage(page - 1, pageCount);
    case 'Home':
      return 1;
    case 'End':
      return clampPage(pageCount, pageCount);
    default:
      return null;
  }
}

/** The scale 'fit' stands for: the page's width (in points at scale 1) in the available width. */
export function fitWidthScale(availableWidth: number, pageWidth: number): number {
  if (!(availableWidth > 0) || !(pageWidth > 0)) return 1;
  return Math.min(Math.max(availableWidth / pageWidth, 0.1), MAX_ZOOM);
}

/** The effective scale of a zoom. */
export function scaleOf(zoom: PdfZoom, fitScale: number): number {
  return zoom === 'fit' ? fitScale : zoom;
}

/** The next step above the current scale (from 'fit', the step above the fit scale). */
export function zoomIn(zoom: PdfZoom, fitScale: number): number {
  const current = scaleOf(zoom, fitScale);
  return ZOOM_STEPS.find((s) => s > current + 1e-6) ?? MAX_ZOOM;
}

/** The next step below the current scale. */
export function zoomOut(zoom: PdfZoom, fitScale: number): number {
  const current = scaleOf(zoom, fitScale);
  for (let i = ZOOM_STEPS.length - 1; i >= 0; i -= 1) {
    if (ZOOM_STEPS[i]! < current - 1e-6) return ZOOM_STEPS[i]!;
  }
  return MIN_ZOOM;
}

/** "125%" */
export function zoomPercent(zoom: PdfZoom, fitScale: number): number {
  return Math.round(scaleOf(zoom, fitScale) * 100);
}

/**
 * Device pixels per CSS pixel for the canvas: the screen's ratio, lowered when the page would
 * otherwise need more than MAX_CANVAS_PIXELS.
 */
export function outputScale(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const ratio = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const pixels = cssWidth * cssHeight * ratio * ratio;
  if (pixels <= MAX_CANVAS_PIXELS) return ratio;
  return Math.sqrt(MAX_CANVAS_PIXELS / (cssWidth * cssHeight));
}
