/**
 * The end-to-end meeting's keyboard steps (meeting.e2e.ts): the main menu walked with the arrow
 * keys, the room's vote, amount and rationale steps, and a count of every key pressed or typed.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { focusComesTo, focused, matches, tabTo } from './keyboard-focus';

/** Counts every key pressed or typed on the page's keyboard from now on. */
export function countKeystrokes(page: Page): { count: number } {
  const keys = { count: 0 };
  const keyboard = page.keyboard;
  const press = keyboard.press.bind(keyboard);
  const type = keyboard.type.bind(keyboard);
  keyboard.press = async (key, options) => {
    keys.count += 1;
    return press(key, options);
  };
  keyboard.type = async (text, options) => {
    keys.count += [...text].length;
    return type(text, options);
  };
  return keys;
}

/** From a screen's title, back to the main menu and down or up it to another screen. */
export async function goToScreen(page: Page, screen: string, order: readonly string[]): Promise<void> {
  await tabTo(page, { role: 'link', name: order[order.length - 1]! }, { back: true, max: 60 });
  for (let i = order.length - 1; order[i] !== screen; i -= 1) await page.keyboard.press('ArrowUp');
  expect(matches(await focused(page), { role: 'link', name: screen })).toBe(true);
  await page.keyboard.press('Enter');
  await focusComesTo(page, { role: 'heading', name: screen });
}

export interface RoomSteps {
  /** The members' votes, one key each, from the first member's row; the absent and recused are passed over; then the vote closed. */
  votes(keysInOrder: string): Promise<void>;
  /** P, "an amount…", the amount typed and Enter: the proposal opens and focus is on the first member's vote. */
  proposeAmount(amount: string): Promise<void>;
  /** D, where the rules ask for a rationale: focus is on it; typed, then recorded. */
  decideWithRationale(rationale: string): Promise<void>;
  /** The room shows the closed proposal in these words. */
  closedAs(words: string): Promise<void>;
}

export function roomSteps(page: Page, roomSelector = '[data-screen="meeting-room"]'): RoomSteps {
  const press = (key: string) => page.keyboard.press(key);
  return {
    async votes(keysInOrder) {
      for (const key of keysInOrder) {
        const before = (await focused(page)).name;
        await press(key);
        // the vote is read back, then focus moves on to the next member who has not voted
        await expect.poll(async () => (await focused(page)).name).not.toBe(before);
      }
      await focusComesTo(page, { role: 'button', name: '표결 종료' });
      await press('Enter');
    },
    async proposeAmount(amount) {
      await press('p');
      await tabTo(page, { role: 'button', name: '금액을 정해 상정…' });
      await press('Enter');
      await focusComesTo(page, { role: 'textbox', name: '지원금 (원, 정수)' });
      await page.keyboard.type(amount);
      await press('Enter');
      await focusComesTo(page, { role: 'button', name: /^정한결/ });
    },
    async decideWithRationale(rationale) {
      await press('d');
      await focusComesTo(page, { role: 'textbox', name: '의결 이유 (필수)' });
      await page.keyboard.type(rationale);
      await tabTo(page, { role: 'button', name: '의결 기록' });
      await press('Enter');
    },
    closedAs: (words) => expect.poll(() => page.locator(roomSelector).getByText(words).count()).toBeGreaterThan(0),
  };
}
