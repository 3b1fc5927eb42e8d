/**
 * The app with the keyboard alone, in real Chromium (browser mode, so files are chosen with the
 * in-app file picker): the welcome with the demo council, the skip link, the picker's focus trap
 * and its focus given back, an import, the Cases list, a case review with its evidence tabs and
 * the previous case, and back to the list on the row last reviewed. Only page.keyboard moves: no
 * clicks and no element.focus(); after every step the test says where focus is, by role and
 * accessible name (a small reading of document.activeElement, below), and that it shows a ring.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './app-harness';
import { expectRing, focusComesTo, focused, matches, tabTo } from './keyboard-focus';
import { benchStyleBundle, tempFolder } from './bundle-fixtures';

let app: RunningApp;
const home = tempFolder();
const incoming = path.join(home, 'incoming');

beforeAll(async () => {
  mkdirSync(incoming, { recursive: true });
  await benchStyleBundle(path.join(incoming, 'b-12.cdbundle'), 12);
  await benchStyleBundle(path.join(home, 'other.cdbundle'), 3);
  app = await launchApp({ mode: 'browser', home });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const said = (page: Page) => page.getByTestId('announcer-polite').textContent();

describe('the keyboard alone', () => {
  it('starts with the demo council from the welcome', async () => {
    const { page } = app;
    await page.locator('[data-screen="welcome"]').waitFor();
    expectRing(await tabTo(page, { role: 'button', name: '데모 협의체 불러오기' }));
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="welcome-operator"]').waitFor();
    await tabTo(page, { role: 'button', name: '시작하기' });
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="bundles"]').waitFor();
    await focusComesTo(page, { role: 'heading', name: '사건 묶음' });
  });

  it('has a skip link first, shown when focused, that jumps into the main landmark', async () => {
    const { page } = app;
    const skip = await tabTo(page, { role: 'link', name: '본문으로 건너뛰기' }, { back: true });
    expectRing(skip);
    const box = await page.getByRole('link', { name: '본문으로 건너뛰기' }).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    // nothing before it
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).role).toBe('none');
    await page.keyboard.press('Tab');
    expect(matches(await focused(page), { role: 'link', name: '본문으로 건너뛰기' })).toBe(true);
    await page.keyboard.press('Enter');
    await focusComesTo(page, { role: 'heading', name: '사건 묶음' });
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    // hidden again once left
    expect((await page.getByRole('link', { name: '본문으로 건너뛰기' }).boundingBox())!.y).toBeLessThan(0);
  });

  it('keeps Tab inside the file picker and gives focus back when it is cancelled with Escape', async () => {
    const { page } = app;
    expectRing(await tabTo(page, { role: 'button', name: '사건 묶음 파일 열기…' }));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await focusComesTo(page, { role: 'listbox', name: `${home}의 내용` });
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await focusComesTo(page, { role: 'button', name: '사건 묶음 파일 열기…' });
  });

  it('imports a bundle chosen in the picker with the arrows and Enter, says so, and keeps focus on the button', async () => {
    const { page } = app;
    await page.keyboard.press('Space');
    await page.getByRole('dialog').waitFor();
    const list = await focusComesTo(page, { role: 'listbox', name: `${home}의 내용` });
    expectRing(list);
    const option = (id: string | null) => page.evaluate((i) => (i ? document.getElementById(i)?.textContent : null), id);
    await expect.poll(async () => option((await focused(page)).activeDescendant)).toBe('폴더 incoming');
    await page.keyboard.press('ArrowDown');
    expect(await option((await focused(page)).activeDescendant)).toBe('other.cdbundle');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await focusComesTo(page, { role: 'listbox', name: `${incoming}의 내용` });
    await expect.poll(async () => option((await focused(page)).activeDescendant)).toBe('b-12.cdbundle');
    await page.keyboard.press('Enter');
    await page.locator('[data-outcome="imported"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => said(page)).toBe('b-12.cdbundle을(를) 불러왔습니다: 사건 12건, 증빙 24건, 보완된 사건 0건.');
    // the button was aria-disabled during the import, never disabled: focus stayed on it
    expect(matches(await focused(page), { role: 'button', name: '사건 묶음 파일 열기…' })).toBe(true);
  });

  let reviewed = '';

  it('goes to the Cases list by the main menu, lands on its title, and opens a case far down the list', async () => {
    const { page } = app;
    await tabTo(page, { role: 'link', name: '설정' }, { back: true, max: 3 });
    for (const name of ['회의록', '의결', '회의', '사건']) {
      await page.keyboard.press('ArrowUp');
      expect(matches(await focused(page), { role: 'link', name })).toBe(true);
    }
    await page.keyboard.press('Enter');
    await focusComesTo(page, { role: 'heading', name: '사건' });
    const list = await tabTo(page, { role: 'listbox' });
    expectRing(list);
    // the demo's last case, 60th of 72 (the imported bundle's twelve come after it), far down the list
    await page.keyboard.press('End');
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowUp');
    const last = (await focused(page)).activeDescendant;
    expect(last).toBe('case-option-1015-000060');
    expect(await page.locator(`#${last}`).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(`#${last}`).getAttribute('aria-posinset')).toBe('60');
    reviewed = last!.replace('case-option-', '');
    await page.keyboard.press('Enter');
    await page.locator(`[data-screen="case-review"][data-case-id="${reviewed}"]`).waitFor();
    const title = await focusComesTo(page, { role: 'heading', name: new RegExp(reviewed) });
    expect(title.name).toContain(reviewed);
  });

  it('walks the case review: evidence tabs with the arrows, the chart\'s table, the PDF page, then the previous case', async () => {
    const { page } = app;
    const review = page.locator(`[data-screen="case-review"][data-case-id="${reviewed}"]`);
    // the first document, a PDF, shows when the case opens: its page of pages, then its keys
    const firstTab = await tabTo(page, { role: 'tab' });
    expectRing(firstTab);
    await review.locator('[data-testid="pdf-viewer"][data-rendered-page="1"]').waitFor({ timeout: 15_000 });
    await expect(review.getByTestId('pdf-page-of').textContent()).resolves.toMatch(/^1 \/ \d+ 쪽$/);
    const pdf = await tabTo(page, { role: 'region', name: new RegExp(`^${firstTab.name}\\.`) });
    expectRing(pdf);
    // back to the tabs, and to the daily sales with End
    await tabTo(page, { role: 'tab', name: firstTab.name }, { back: true });
    await page.keyboard.press('End');
    expect(matches(await focused(page), { role: 'tab', name: '일별 매출' })).toBe(true);
    await review.getByTestId('sales-chart').waitFor();
    expect(await review.getByRole('table', { name: '비교한 두 주간의 매출 합계' }).count()).toBe(1);

    await page.keyboard.press('Alt+ArrowLeft');
    // the previous case in the list's order: the position settles first, then the screen's case is read
    await expect.poll(() => page.getByTestId('review-position').textContent(), { timeout: 15_000 }).toBe('59 / 72');
    // the screen's case and the focused title read together, until they agree on a case other than the last
    let id = '';
    await expect
      .poll(
        async () => {
          id = (await page.locator('[data-screen="case-review"]').getAttribute('data-case-id')) ?? '';
          const focus = await focused(page);
          return id !== reviewed && matches(focus, { role: 'heading', name: new RegExp(id) }) ? 'there' : `case ${id}, focus on ${focus.role} "${focus.name.slice(0, 60)}"`;
        },
        { timeout: 15_000 },
      )
      .toBe('there');
    reviewed = id;
  });

  it('goes back to the list with Escape, on the row last reviewed, scrolled into view', async () => {
    const { page } = app;
    await page.keyboard.press('Escape');
    await page.locator('[data-screen="cases"]').waitFor();
    const list = await focusComesTo(page, { role: 'listbox' });
    await expect.poll(async () => (await focused(page)).activeDescendant).toBe(`case-option-${reviewed}`);
    expectRing(list);
    const inView = await page.evaluate((id) => {
      const row = document.getElementById(id)!.getBoundingClientRect();
      const box = document.querySelector('[role="listbox"]')!.getBoundingClientRect();
      return row.top >= box.top && row.bottom <= box.bottom;
    }, `case-option-${reviewed}`);
    expect(inView).toBe(true);
    // and the list goes on from there
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).activeDescendant).toBe('case-option-1015-000060');
    expect(app.problems).toEqual([]);
  });
});
