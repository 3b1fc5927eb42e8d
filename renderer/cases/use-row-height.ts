/**
 * The Cases list's row height: one line of columns in a wide window, three lines when the window
 * is narrow (under 60rem of CSS pixels: a 1280 px window zoomed past 125 %, or a small one), as
 * cases.css lays the row out. The virtualizer needs the height as a number, so it follows the same
 * media query here.
 */
import { useSyncExternalStore } from 'react';

export const WIDE_ROW_HEIGHT = 56;
export const NARROW_ROW_HEIGHT = 88;
/** Keep in step with the @media rule of cases.css (and shell.css's narrow layout). */
export const NARROW_QUERY = '(max-width: 60rem)';

function narrowQuery(): MediaQueryList | null {
  // jsdom has no matchMedia: the wide layout
  return typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = narrowQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

export function useCaseRowHeight(): number {
  const narrow = useSyncExternalStore(subscribe, () => narrowQuery()?.matches ?? false);
  return narrow ? NARROW_ROW_HEIGHT : WIDE_ROW_HEIGHT;
}
