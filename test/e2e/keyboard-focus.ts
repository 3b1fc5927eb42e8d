/**
 * Where keyboard focus is, read as a screen reader would (simply): the focused element's role and
 * accessible name, and moving it with Tab until a wanted control has it. Shared by the end-to-end
 * tests that drive the app with the keyboard alone (keyboard.e2e.ts, meeting.e2e.ts).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Focus {
  role: string;
  name: string;
  /** Inside the in-app file picker. */
  inDialog: boolean;
  activeDescendant: string | null;
  /** The focus ring as drawn: outline style and width in CSS pixels. */
  outline: string;
}

/** Where focus is: the element's role and accessible name, read as a screen reader would (simply). */
export function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return { role: 'none', name: '', inDialog: false, activeDescendant: null, outline: 'none' };
    const implicit: Record<string, string> = { A: 'link', BUTTON: 'button', H1: 'heading', H2: 'heading', SELECT: 'combobox', TEXTAREA: 'textbox', MAIN: 'main' };
    const input = el instanceof HTMLInputElement ? ({ search: 'searchbox', checkbox: 'checkbox', radio: 'radio' } as Record<string, string>)[el.type] ?? 'textbox' : null;
    const role = el.getAttribute('role') ?? implicit[el.tagName] ?? input ?? el.tagName.toLowerCase();
    const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const labelledBy = el.getAttribute('aria-labelledby');
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    const name =
      el.getAttribute('aria-label') ??
      (labelledBy ? labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ') : null) ??
      (label ? text(label) : null) ??
      (el.closest('label') ? text(el.closest('label')) : text(el));
    const style = getComputedStyle(el);
    return {
      role,
      name: name.replace(/\s+/g, ' ').trim(),
      inDialog: el.closest('[role="dialog"]') !== null,
      activeDescendant: el.getAttribute('aria-activedescendant'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

export type Want = { role: string; name?: string | RegExp };

export function matches(focus: Focus, want: Want): boolean {
  if (focus.role !== want.role) return false;
  if (want.name === undefined) return true;
  return typeof want.name === 'string' ? focus.name === want.name : want.name.test(focus.name);
}

/** Presses Tab (or Shift+Tab) until `want` has focus; fails, naming each stop, when it never comes. */
export async function tabTo(page: Page, want: Want, { back = false, max = 40 } = {}): Promise<Focus> {
  const stops: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (matches(focus, want)) return focus;
    stops.push(`${focus.role} "${focus.name.slice(0, 40)}"`);
  }
  throw new Error(`${want.role} ${String(want.name)} not reached by ${back ? 'Shift+Tab' : 'Tab'}; stops: ${stops.join(' → ')}`);
}

/** Waits for focus to come to `want` (after a screen change or a dialog closing). */
export async function focusComesTo(page: Page, want: Want): Promise<Focus> {
  let last: Focus | null = null;
  await expect
    .poll(
      async () => {
        last = await focused(page);
        // the focus seen, so a failure says where it was instead
        return matches(last, want) ? 'there' : `${last.role} "${last.name.slice(0, 60)}"`;
      },
      { timeout: 15_000 },
    )
    .toBe('there');
  return last!;
}

/** A ring a user can see: a solid outline at least 2 px wide (outline, so it stays in forced colours). */
export function expectRing(focus: Focus): void {
  const [style, width] = focus.outline.split(' ');
  expect(style).toBe('solid');
  expect(parseFloat(width!)).toBeGreaterThanOrEqual(2);
}

