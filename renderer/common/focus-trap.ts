/**
 * Tab and Shift+Tab kept inside a modal dialog: from its last control Tab goes to its first, and
 * back. For dialogs drawn in the page (the in-app file picker, and any later one); the rest of the
 * page is made inert meanwhile by whoever opens the dialog, and focus given back when it closes.
 */
import type { KeyboardEvent } from 'react';

/** What Tab can reach inside a dialog (disabled controls and tabIndex=-1 elements are skipped). */
export const TABBABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

/** The dialog's tabbable elements in document order (a selector list does not promise it everywhere). */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('*')].filter((el) => el.matches(TABBABLE) && !el.closest('[inert]'));
}

/** Call from the dialog's keydown: wraps Tab at either end; other keys are left alone. */
export function keepTabInside(container: HTMLElement | null, event: KeyboardEvent | globalThis.KeyboardEvent): void {
  if (event.key !== 'Tab' || !container) return;
  const all = tabbables(container);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  const outside = !container.contains(active);
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}
