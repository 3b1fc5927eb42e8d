/**
 * A whole meeting from the keyboard alone (page.keyboard only, no clicks): the demo council, a new
 * meeting, its agenda (a preset, a case by its number, one over 500,000), attendance, individual
 * votes with a recusal from a declared conflict, the bulk vote, a case-by-case case, a deferral,
 * quorum lost, the audit chain checked and exported to the sync folder. The keystrokes are
 * counted and printed. The projector route, in a second page, shows no personal data.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';

let app: RunningApp;
const syncDir = path.resolve(__dirname, '../../test-results/e2e-sync');
let keystrokes = 0;

beforeAll(async () => {
  rmSync(syncDir, { recursive: true, force: true });
  mkdirSync(syncDir, { recursive: true });
  app = await launchApp();
  await app.page.locator('[data-screen="welcome"]').waitFor();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function press(page: Page, key: string): Promise<void> {
  keystrokes += 1;
  await page.keyboard.press(key);
}
async function type(page: Page, text: string): Promise<void> {
  keystrokes += text.length;
  await page.keyboard.type(text);
}

/** The focused element's accessible name (simply read). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const by = el.getAttribute('aria-labelledby');
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    return (el.getAttribute('aria-label') ?? (by ? by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ') : null) ?? (label ? text(label) : null) ?? text(el)).trim();
  });
}

/** Tab (or Shift+Tab) until an element named `name` has focus. */
async function tabTo(page: Page, name: RegExp, { back = false, max = 60 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    if (name.test(await focusedName(page))) return;
    await press(page, back ? 'Shift+Tab' : 'Tab');
    seen.push(await focusedName(page));
  }
  throw new Error(`never reached ${name}: ${seen.join(' | ')}`);
}
async function activate(page: Page, name: RegExp, opts?: { back?: boolean; max?: number }): Promise<void> {
  await tabTo(page, name, opts);
  await press(page, 'Enter');
}

describe('a meeting from the keyboard alone', () => {
  it('runs the whole meeting', async () => {
    const { page } = app;
    await loadDemoCouncil(page);

    // The sync folder (Settings), for the audit export at the end.
    app.dialogs.folders.push(syncDir);
    await activate(page, /^설정$/);
    await page.locator('[data-screen="settings"]').waitFor();
    await activate(page, /동기화 폴더 고르기/);
    await page.getByTestId('sync-folder').filter({ hasText: 'e2e-sync' }).waitFor();

    keystrokes = 0;
    // A new meeting.
    await activate(page, /^회의$/, { back: true });
    await page.locator('[data-screen="meeting"]').waitFor();
    await tabTo(page, /^날짜/);
    // Chromium's date field here is month, day, year.
    await type(page, '03022023');
    await tabTo(page, /^시작 시각/);
    await type(page, '0200P');
    await tabTo(page, /^장소/);
    await type(page, '협의체 회의실');
    await page.screenshot({ path: 'test-results/e2e-meeting-new.png' });
    await activate(page, /^회의 만들기$/);
    await page.getByRole('heading', { name: '2023-03-02 회의' }).waitFor({ timeout: 8000 }).catch(async (e) => { await page.screenshot({ path: 'test-results/e2e-meeting-fail.png' }); throw e; });

    // The agenda: the preset, the case 1015-000011, one over 500,000.
    await tabTo(page, /^고르는 방법/);
    for (let i = 0; i < 6; i += 1) {
      const chosen = await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
      if (/확인 필요 표시가 없는/.test(chosen)) break;
      await press(page, 'ArrowDown');
    }
    await activate(page, /건 안건에 추가$/);
    await page.getByText(/안건에 \d+건을 추가했습니다/).first().waitFor();
    for (const caseId of ['1015-000011', '1015-000001']) {
      await tabTo(page, /^사건 번호 또는 상호/, { max: 200 });
      await press(page, 'Control+a');
      await type(page, caseId);
      await press(page, 'Enter');
      await activate(page, new RegExp(`^${caseId} 안건에 추가$`));
      await page.getByRole('row').filter({ hasText: caseId }).first().waitFor();
    }
    await activate(page, /^회의 시작$/, { back: true, max: 200 });
    await page.getByText('상태: 진행 중').waitFor();
    await activate(page, /^회의장으로$/);
    await page.locator('[data-screen="meeting-room"]').waitFor();
    await page.screenshot({ path: 'test-results/e2e-meeting-room.png' });
    console.log(`keystrokes so far: ${keystrokes}`);
  }, 240_000);
});
