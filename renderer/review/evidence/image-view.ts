/**
 * The image viewer's zoom and pan as a pure reducer: scale steps, panning by a drag or the arrow
 * keys, Ctrl+wheel zoom, reset.
 */

export interface ImageView {
  scale: number;
  /** Offset of the image from its centred place, in CSS pixels. */
  x: number;
  y: number;
}

export const IMAGE_MIN_SCALE = 0.25;
export const IMAGE_MAX_SCALE = 8;
export const IMAGE_ZOOM_FACTOR = 1.25;
export const PAN_STEP = 40;
export const INITIAL_IMAGE_VIEW: ImageView = { scale: 1, x: 0, y: 0 };

export type ImageAction =
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  /** deltaY of a wheel event: negative zooms in. */
  | { type: 'wheel'; deltaY: number }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'reset' };

function clampScale(scale: number): number {
  return Math.min(IMAGE_MAX_SCALE, Math.max(IMAGE_MIN_SCALE, Math.round(scale * 1000) / 1000));
}

export function imageViewReducer(view: ImageView, action: ImageAction): ImageView {
  switch (action.type) {
    case 'zoomIn':
      return { ...view, scale: clampScale(view.scale * IMAGE_ZOOM_FACTOR) };
    case 'zoomOut':
      return { ...view, scale: clampScale(view.scale / IMAGE_ZOOM_FACTOR) };
    case 'wheel':
      if (action.deltaY === 0) return view;
      return imageViewReducer(view, { type: action.deltaY < 0 ? 'zoomIn' : 'zoomOut' });
    case 'pan':
      return { ...view, x: view.x + action.dx, y: view.y + action.dy };
    case 'reset':
      return INITIAL_IMAGE_VIEW;
  }
}

/** The action a key stands for in the image viewer, or null. */
export function imageActionForKey(key: string): ImageAction | null {
  switch (key) {
    case '+':
    case '=':
      return { type: 'zoomIn' };
    case '-':
    case '_':
      return { type: 'zoomOut' };
    case '0':
      return { type: 'reset' };
    // the arrows move the view over the image: the image moves the other way
    case 'ArrowLeft':
      return { type: 'pan', dx: PAN_STEP, dy: 0 };
    case 'ArrowRight':
      return { type: 'pan', dx: -PAN_STEP, dy: 0 };
    case 'ArrowUp':
      return { type: 'pan', dx: 0, dy: PAN_STEP };
    case 'ArrowDown':
      return { type: 'pan', dx: 0, dy: -PAN_STEP };
    default:
      return null;
  }
}
