/**
 * The app at 200 % zoom of a 1280x800 window, as Chromium zooms (a 640x400 CSS viewport, two device
 * pixels per CSS pixel: what Ctrl+Plus and Electron's zoom factor do, media queries included), and
 * in forced-colors mode (Windows high contrast): nothing cut off, no sideways scrolling of the page,
 * the main actions reachable, the axe gate still clean, and focus and flags still visible.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { checkScreen, readAllowlist, type AllowEntry } from './axe-gate';

let app: RunningApp;
const allowlist = readAllowlist();
const used = new Set<AllowEntry>();

beforeAll(async () => {
  app = await launchApp({ zoom: 2 });
  await loadDemoCouncil(app.page);
  await app.page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
});
afterAll(async () => {
  await app?.close();
});

const VIEW = { width: 640, height: 400 };

/** How far the page itself scrolls sideways (0: not at all). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Scrolled into view, the element lies within the window's width and shows at least partly. */
async function expectReachable(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  expect(box, 'laid out').not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(VIEW.width + 0.5);
  expect(box.y).toBeLessThan(VIEW.height);
  expect(box.y + box.height).toBeGreaterThan(0);
}

/** Text cells that show their whole text: no ellipsis, no clipping. */
async function clippedCells(row: Locator, selectors: string[]): Promise<string[]> {
  return row.evaluate(
    (el, sels) =>
      sels.flatMap((sel) => Array.from(el.querySelectorAll<HTMLElement>(sel)).filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1).map((cell) => `${sel}: ${cell.textContent}`)),
    selectors,
  );
}

async function go(page: Page, name: string, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name, exact: true }).click();
  await page.locator(`[data-screen="${screen}"]`).waitFor();
}

describe('at 200 % zoom (640x400 CSS pixels)', () => {
  it('zooms as the browser does: a 640 px wide viewport at two device pixels per CSS pixel', async () => {
    expect(await app.page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([VIEW.width, VIEW.height, 2]);
  });

  it('shows the Cases list whole: every row in the window, its figures not cut off, no sideways scroll', async () => {
    const { page } = app;
    await go(page, '사건', 'cases');
    const list = page.getByRole('listbox', { name: '사건 목록' });
    await list.getByRole('option').first().waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    await expectReachable(page.getByRole('searchbox', { name: '검색' }));
    await expectReachable(page.getByRole('button', { name: '조건 모두 지우기' }).first());
    await expectReachable(list);
    const listBox = (await list.boundingBox())!;
    // tall enough for two rows at least, in a 400 px high window
    expect(listBox.height).toBeGreaterThanOrEqual(2 * 88);
    const rows = list.getByRole('option');
    for (let i = 0; i < 3; i += 1) {
      const row = rows.nth(i);
      const box = (await row.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(listBox.x + listBox.width + 0.5);
      expect(await clippedCells(row, ['.case-row__id .mono', '.case-row__claimed', '.case-row__assessed', '.case-row__tier', '.status-chip', '.flag-chip'])).toEqual([]);
    }
    // the column names the hidden header row gave are shown in the row
    expect(await rows.first().locator('.case-row__spoken').first().isVisible()).toBe(true);
    // the keyboard still walks the list, and the selected row stays in view
    await list.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    const selected = list.getByRole('option', { selected: true });
    const selectedBox = (await selected.boundingBox())!;
    expect(selectedBox.y).toBeGreaterThanOrEqual(listBox.y - 0.5);
    expect(selectedBox.y + selectedBox.height).toBeLessThanOrEqual(listBox.y + listBox.height + 0.5);
    expect((await checkScreen(page, 'zoom200-ko-cases', allowlist, used)).failures).toEqual([]);
  });

  it('lays the rows out again when the zoom changes with the list open', async () => {
    const { page } = app;
    const rowHeight = () => page.getByRole('listbox').getByRole('option').first().evaluate((el) => el.getBoundingClientRect().height);
    expect(await rowHeight()).toBe(88);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(rowHeight).toBe(56);
    expect(await page.getByRole('listbox').getByRole('option').nth(1).evaluate((el) => el.getBoundingClientRect().top - el.previousElementSibling!.getBoundingClientRect().top)).toBe(56);
    await page.setViewportSize(VIEW);
    await expect.poll(rowHeight).toBe(88);
  });

  it('keeps the case review usable: its actions, tabs and evidence within the window, no sideways scroll', async () => {
    const { page } = app;
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="case-review"]').waitFor();
    expect(await sidewaysScroll(page)).toBe(0);
    for (const action of [page.getByTestId('review-back'), page.getByTestId('review-previous'), page.getByTestId('review-next'), page.getByTestId('review-title'), page.getByTestId('review-suggestion')]) {
      await expectReachable(action);
    }
    const tabs = page.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i += 1) await expectReachable(tabs.nth(i));
    await tabs.last().click();
    await page.getByTestId('sales-chart').waitFor();
    await expectReachable(page.getByTestId('sales-chart'));
    expect(await sidewaysScroll(page)).toBe(0);
    await tabs.first().click();
    await page.locator('[data-testid="pdf-viewer"][data-rendered-page="1"]').waitFor({ timeout: 15_000 });
    await expectReachable(page.getByTestId('pdf-viewer'));
    expect(await sidewaysScroll(page)).toBe(0);
    expect((await checkScreen(page, 'zoom200-ko-case-review', allowlist, used)).failures).toEqual([]);
  });

  it('fits the Bundles, Settings and Meeting screens and the main menu in the width too', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    for (const [name, screen] of [['사건 묶음', 'bundles'], ['설정', 'settings'], ['회의', 'meeting']] as const) {
      await go(page, name, screen);
      expect(await sidewaysScroll(page), screen).toBe(0);
      await expectReachable(page.locator(`[data-screen="${screen}"] h1`));
      expect((await checkScreen(page, `zoom200-ko-${screen}`, allowlist, used)).failures).toEqual([]);
    }
    // the main menu holds every screen, in the window
    for (const link of await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link').all()) await expectReachable(link);
  });
});

describe('in forced-colors mode', () => {
  it('still marks flags, statuses and the selected case, and shows focus as an outline', async () => {
    const { page } = app;
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      await go(page, '사건', 'cases');
      const list = page.getByRole('listbox', { name: '사건 목록' });
      await list.getByRole('option').first().waitFor();
      await list.focus();
      await page.keyboard.press('ArrowDown');
      const style = (locator: Locator, props: string[]) =>
        locator.evaluate((el, names) => {
          const css = getComputedStyle(el);
          return Object.fromEntries(names.map((n) => [n, css.getPropertyValue(n)]));
        }, props);
      // the keyboard's place: an outline (a box-shadow is dropped in forced colors)
      expect((await style(list, ['outline-style']))['outline-style']).toBe('solid');
      // the selected case in the system's highlight, not only a tint
      expect((await style(list.getByRole('option', { selected: true }), ['outline-style']))['outline-style']).toBe('solid');
      // flags and statuses, coloured chips otherwise, keep a border of their own
      await page.getByRole('combobox', { name: '확인 필요 표시' }).selectOption({ index: 1 });
      const chip = list.locator('.flag-chip').first();
      await chip.waitFor();
      expect((await style(chip, ['border-top-style']))['border-top-style']).toBe('solid');
      expect((await style(list.locator('.status-chip').first(), ['border-top-style']))['border-top-style']).toBe('solid');
      await page.getByRole('button', { name: '조건 모두 지우기' }).first().click();
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
    }
    expect(app.problems).toEqual([]);
  });
});
