/**
 * A PNG of every screen, in Korean and in English, into test-results/screenshots/
 * (`npm run screenshots`). Each picture is taken only once its screen shows its real content.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { benchStyleBundle, brokenCopy, tempFolder } from './bundle-fixtures';
import { DEMO_VOTE, openProjectorPage, playVoteScene } from './room-scene';
import { backupMade, PASSPHRASE, STEP_WORDS } from './backup-steps';
import { buildMinutes } from '../../shared/minutes/build-minutes';
import { bundledFontDir, loadBundledFonts } from '../../electron/services/minutes/minutes-fonts';
import { minutesPdf } from '../../electron/services/minutes/minutes-pdf';
import { chromiumPrint } from '../support/chromium-print';
import { firstAndLastPagePng } from '../support/pdf-tools';
import { sampleMinutesInput } from '../support/sample-minutes';

const outDir = path.resolve(__dirname, '../../test-results/screenshots');
let app: RunningApp;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

/** The whole page, or only the part given. */
async function shoot(name: string, page: Page = app.page, part?: Locator): Promise<void> {
  const file = path.join(outDir, `${name}.png`);
  await page.evaluate(() => document.fonts.ready);
  await (part ? part.screenshot({ path: file }) : page.screenshot({ path: file, fullPage: true }));
  expect(statSync(file).size).toBeGreaterThan(10_000);
}

const SCREENS = [
  ['bundles', '사건 묶음', 'Bundles'],
  ['cases', '사건', 'Cases'],
  ['meeting', '회의', 'Meeting'],
  ['decisions', '의결', 'Decisions'],
  ['minutes', '회의록', 'Minutes'],
  ['settings', '설정', 'Settings'],
] as const;

describe('screenshots', () => {
  it('of the welcome and every screen in Korean, with the demo council loaded', async () => {
    const { page } = app;
    await page.locator('[data-screen="welcome"]').waitFor();
    await shoot('ko-01-welcome');
    await page.getByRole('button', { name: '데모 협의체 불러오기' }).click();
    await page.locator('[data-screen="welcome-operator"]').waitFor();
    await shoot('ko-01b-welcome-operator');
    await page.getByRole('button', { name: '시작하기' }).click();
    await page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
    for (const [index, [id, ko]] of SCREENS.entries()) {
      await page.getByRole('navigation').getByRole('link', { name: ko, exact: true }).click();
      await page.locator(`[data-screen="${id}"]`).waitFor();
      await shoot(`ko-${String(index + 2).padStart(2, '0')}-${id}`);
    }
  });

  it('of a broken bundle\'s validation report', async () => {
    const { page } = app;
    const dir = tempFolder();
    const broken = brokenCopy(await benchStyleBundle(path.join(dir, 'b-12.cdbundle'), 12), path.join(dir, 'b-12-broken.cdbundle'));
    await page.getByRole('navigation').getByRole('link', { name: '사건 묶음', exact: true }).click();
    app.dialogs.files.push(broken);
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await page.getByRole('region', { name: '검증 보고서' }).waitFor();
    await shoot('ko-08-bundles-report');
    await page.getByRole('region', { name: '검증 보고서' }).getByRole('button', { name: '닫기' }).click();
  });

  it('of the case review in Korean: the chart, a PDF and a duplicate flag', async () => {
    await reviewShots('ko', '사건', '검색', '소상공인 확인서', '일별 매출');
  });

  it('of every screen in English', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    for (const [index, [id, , en]] of SCREENS.entries()) {
      await page.getByRole('navigation').getByRole('link', { name: en, exact: true }).click();
      await page.locator(`[data-screen="${id}"]`).waitFor();
      await shoot(`en-${String(index + 2).padStart(2, '0')}-${id}`);
    }
    await reviewShots('en', 'Cases', 'Search', '소상공인 확인서', 'Daily sales');
    expect(app.problems).toEqual([]);
  });

  it('of the meeting room with a vote under way, its projector view and the roster, in Korean and in English', async () => {
    const { page } = app;
    // the meeting's own afternoon, so the arrivals read as they would (this app's last test: the clock stays)
    await page.context().clock.setFixedTime(new Date('2023-03-02T14:03:00+09:00'));
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '회의', exact: true }).click();
    const form = page.locator('[data-screen="meeting"]');
    await form.getByLabel('날짜').fill('2023-03-02');
    await form.getByLabel('시작 시각').fill('14:00');
    await form.getByLabel('장소').fill('협의체 회의실');
    await form.getByRole('button', { name: '회의 만들기' }).click();
    await page.getByRole('combobox', { name: '고르는 방법' }).selectOption('unflaggedFixedAward');
    await page.getByRole('button', { name: /건 안건에 추가/ }).click();
    await page.locator('[data-screen="meeting-setup"] table tbody tr').first().waitFor();
    await page.getByRole('button', { name: '회의 시작' }).click();
    await page.getByRole('button', { name: '회의장으로' }).click();
    await playVoteScene(page, DEMO_VOTE);
    await roomShots('ko', '설정');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Meeting', exact: true }).click();
    await page.getByTestId('room-tally').waitFor();
    await roomShots('en', 'Settings');
    expect(app.problems).toEqual([]);
  });
});

/**
 * From the room with the vote under way: the room (tall enough for the attendance, the votes and
 * the tally), the projector view at the wall's 1920x1080, and Settings' council members.
 */
async function roomShots(lang: 'ko' | 'en', settingsLink: string): Promise<void> {
  const { page } = app;
  const viewport = page.viewportSize();
  await page.getByTestId('room-tally').waitFor();
  await fitScreen(page);
  await shoot(`${lang}-16-meeting-room`);
  const category = await page.locator('.room-case__facts dd').nth(1).innerText();
  if (viewport) await page.setViewportSize(viewport);
  const projector = await openProjectorPage(app, '2023-03-02');
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.getByTestId('projector-tally').waitFor();
  // the wall shows the category in words, as the room does
  expect(await projector.locator('.projector__where').innerText()).toContain(category);
  await shoot(`${lang}-17-projector`, projector);
  await projector.close();
  await page.getByRole('navigation').getByRole('link', { name: settingsLink, exact: true }).click();
  const roster = page.getByTestId('roster');
  await roster.getByRole('table').first().waitFor();
  await fitScreen(page);
  await shoot(`${lang}-18-roster`, page, roster);
  if (viewport) await page.setViewportSize(viewport);
}

/** The window made as tall as the screen in the main area, which scrolls inside the frame (so a full-page shot would cut it). */
async function fitScreen(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 1280;
  const height = await page.evaluate(() => {
    const main = document.querySelector('.app-shell__main');
    return main ? main.getBoundingClientRect().top + main.scrollHeight : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width, height: Math.ceil(height) });
}

/** Opens a case from the Cases list's search box (Enter), then shoots its chart, its PDF, and a duplicate case. */
async function reviewShots(lang: 'ko' | 'en', casesLink: string, searchLabel: string, pdfTab: string, chartTab: string): Promise<void> {
  const { page } = app;
  const open = async (caseId: string) => {
    await page.getByRole('navigation').getByRole('link', { name: casesLink, exact: true }).click();
    await page.getByRole('searchbox', { name: searchLabel }).fill(caseId);
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`[data-screen="case-review"][data-case-id="${caseId}"]`).waitFor();
  };
  // tall enough for the whole left column: the suggestion, its reasons, the flags, the documents
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 1900 });
  await open('1015-000001');
  await page.getByRole('tab', { name: pdfTab }).click();
  await page.locator('[data-testid="pdf-viewer"][data-rendered-page="1"]').waitFor({ timeout: 15_000 });
  await shoot(`${lang}-09-case-review-pdf`);
  await page.getByRole('tab', { name: chartTab }).click();
  await page.getByTestId('sales-chart').waitFor();
  await shoot(`${lang}-10-case-review-chart`);
  await open('1015-000015');
  await page.getByTestId('review-flags').waitFor();
  await shoot(`${lang}-11-case-review-duplicate`);
  if (viewport) await page.setViewportSize(viewport);
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox', { name: searchLabel }).fill('');
  await page.locator('[data-screen="cases"]').waitFor();
  await shoot(`${lang}-12-cases-after-review`);
}

describe('screenshots of backup and restore', () => {
  const home = tempFolder();
  const backups = path.join(home, 'Council Desk', 'sync', 'backup');
  const WORDS = STEP_WORDS;
  let backedUp: RunningApp;
  let welcomed: RunningApp;
  beforeAll(async () => {
    backedUp = await launchApp({ home });
    await loadDemoCouncil(backedUp.page);
  });
  afterAll(async () => {
    await backedUp?.close();
    await welcomed?.close();
  });

  it('of Settings → Backup with a passphrase set and backups listed, and the restore dialog over a profile with data, in Korean and in English', async () => {
    const { page } = backedUp;
    const viewport = page.viewportSize();
    for (const lang of ['ko', 'en'] as const) {
      const w = WORDS[lang];
      await page.getByRole('button', { name: w.language }).click();
      await page.getByRole('navigation').getByRole('link', { name: w.settings, exact: true }).click();
      const section = page.getByRole('region', { name: w.backup.title, exact: true });
      await section.getByTestId('backup-passphrase-state').waitFor();
      if (lang === 'ko') {
        await section.getByLabel(w.backup.passphrase, { exact: true }).fill(PASSPHRASE);
        await section.getByLabel(w.backup.passphraseConfirm, { exact: true }).fill(PASSPHRASE);
        await section.getByRole('button', { name: w.backup.setPassphrase }).click();
      }
      await section.getByText(w.backup.passphraseSetThisRun).waitFor({ timeout: 30_000 });
      await section.getByRole('button', { name: w.backup.backUpNow }).click();
      await backupMade(section, 'manual', lang);
      await fitScreen(page);
      await shoot(`${lang}-19-settings-backup`, page, section);
      if (viewport) await page.setViewportSize(viewport);
      await section.getByRole('button', { name: w.backup.restore }).click();
      const dialog = page.getByRole('dialog', { name: w.restore.title });
      await dialog.getByTestId('restore-has-data').waitFor();
      await shoot(`${lang}-20-restore-dialog-has-data`, page);
      await dialog.getByRole('button', { name: w.restore.backUpFirst }).click();
      await dialog.getByTestId('restore-backed-up').waitFor({ timeout: 60_000 });
      await shoot(`${lang}-21-restore-dialog-backed-up`, page);
      await dialog.getByRole('button', { name: w.restore.close }).click();
    }
    expect(backedUp.problems).toEqual([]);
  });

  it('of the restore dialog on the welcome of a new profile, and a wrong passphrase refused, in Korean and in English', async () => {
    welcomed = await launchApp({ home });
    const { page } = welcomed;
    const file = path.join(backups, readdirSync(backups).find((n) => n.endsWith('-manual.cdbackup'))!);
    await page.locator('[data-screen="welcome"]').waitFor();
    for (const lang of ['ko', 'en'] as const) {
      const w = WORDS[lang];
      await page.getByRole('button', { name: w.language }).click();
      await page.getByRole('button', { name: w.backup.restore }).click();
      const dialog = page.getByRole('dialog', { name: w.restore.title });
      await dialog.getByText(w.restore.empty).waitFor();
      await shoot(`${lang}-22-restore-dialog-welcome`, page);
      await dialog.getByLabel(w.restore.passphrase).fill('not the passphrase');
      welcomed.dialogs.files.push(file);
      await dialog.getByRole('button', { name: w.restore.choose }).click();
      await dialog.getByTestId('restore-failed').getByText(w.restore.errors.BACKUP_PASSPHRASE_WRONG).waitFor({ timeout: 60_000 });
      await shoot(`${lang}-23-restore-dialog-refused`, page);
      await dialog.getByRole('button', { name: w.restore.close }).click();
    }
    expect(welcomed.problems).toEqual([]);
  });
});

describe('screenshots of browser mode', () => {
  let browserApp: RunningApp;
  const home = tempFolder();
  beforeAll(async () => {
    await benchStyleBundle(path.join(home, 'b-12.cdbundle'), 12);
    mkdirSync(path.join(home, 'sync', 'inbox'), { recursive: true });
    browserApp = await launchApp({ mode: 'browser', home });
  });
  afterAll(async () => {
    await browserApp?.close();
  });

  it('of the welcome and the operator step in English, and the in-app file picker in both languages', async () => {
    const { page } = browserApp;
    const shootHere = (name: string) => shoot(name, page);
    await page.locator('[data-screen="welcome"]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Load the demo council' }).waitFor();
    await shootHere('en-01-welcome');
    await page.getByRole('button', { name: 'Load the demo council' }).click();
    await page.locator('[data-screen="welcome-operator"]').waitFor();
    await shootHere('en-01b-welcome-operator');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'Open bundle file…' }).click();
    await page.getByRole('dialog').getByRole('option', { name: 'b-12.cdbundle' }).waitFor();
    await shootHere('en-13-browser-mode-file-picker');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await page.getByRole('dialog').getByRole('option', { name: 'b-12.cdbundle' }).waitFor();
    await shootHere('ko-13-browser-mode-file-picker');
    expect(browserApp.problems).toEqual([]);
  });
});

describe('screenshots at 200 % zoom and in forced colours', () => {
  // browser zoom as Chromium does it: a 1280x800 window at 200 % is a 640x400 CSS viewport at 2 device pixels per CSS pixel
  let zoomed: RunningApp;
  beforeAll(async () => {
    zoomed = await launchApp({ zoom: 2 });
    await loadDemoCouncil(zoomed.page);
    await zoomed.page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
  });
  afterAll(async () => {
    await zoomed?.close();
  });

  it('of the Cases list and a case review at 200 %, and both in forced colours', async () => {
    const { page } = zoomed;
    await page.getByRole('navigation').getByRole('link', { name: '사건', exact: true }).click();
    const list = page.getByRole('listbox');
    await list.getByRole('option').first().waitFor();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await shoot('zoom200-ko-14-cases', page);
    await page.emulateMedia({ forcedColors: 'active' });
    await shoot('forced-colors-ko-14-cases', page);
    await page.emulateMedia({ forcedColors: 'none' });
    await page.getByRole('searchbox', { name: '검색' }).fill('1015-000015');
    await list.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="case-review"][data-case-id="1015-000015"]').waitFor();
    await page.locator('[data-testid="pdf-viewer"][data-rendered-page="1"]').waitFor({ timeout: 15_000 });
    await shoot('zoom200-ko-15-case-review', page);
    // in forced colours, the chart: its weeks are told apart by colour otherwise
    await page.getByRole('tab', { name: '일별 매출', exact: true }).click();
    await page.getByTestId('sales-chart').waitFor();
    await page.emulateMedia({ forcedColors: 'active' });
    await shoot('forced-colors-ko-15-case-review', page);
    await page.emulateMedia({ forcedColors: 'none' });
    expect(zoomed.problems).toEqual([]);
  });
});

describe('screenshots of the minutes PDF', () => {
  it('of its first and its last page, printed as the app prints them (pdftoppm)', async () => {
    const print = chromiumPrint();
    try {
      const fonts = await loadBundledFonts(bundledFontDir(path.resolve(__dirname, '../..')));
      const pdf = await minutesPdf(buildMinutes(sampleMinutesInput()), 'ko', { print, fonts });
      const { first, last } = firstAndLastPagePng(pdf, 110);
      for (const [name, png] of [['minutes-first', first], ['minutes-last', last]] as const) {
        const file = path.join(outDir, `${name}.png`);
        writeFileSync(file, png);
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
    } finally {
      await print.close();
    }
  });
});
