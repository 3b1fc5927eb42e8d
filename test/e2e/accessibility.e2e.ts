/**
 * The accessibility gate over every screen and state worth checking, in Korean throughout and in
 * English on a few, with the demo council loaded: axe-core (WCAG 2.2 A/AA and best practices) on
 * each, the reports in test-results/a11y/. A screen a later issue adds gets a line in STATES; a
 * state shown in a window of its own (the projector) is reached by returning that page.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './app-harness';
import { AxeBuilder } from '@axe-core/playwright';
import { AXE_TAGS, checkScreen, judge, readAllowlist, writeSummary, type AllowEntry, type ScreenVerdict } from './axe-gate';
import { benchStyleBundle, brokenCopy, tempFolder } from './bundle-fixtures';
import { DEMO_VOTE, openProjectorPage, playVoteScene } from './room-scene';

let app: RunningApp;
let broken: string;
const allowlist = readAllowlist();
const used = new Set<AllowEntry>();
const verdicts: ScreenVerdict[] = [];

beforeAll(async () => {
  const dir = tempFolder();
  broken = brokenCopy(await benchStyleBundle(path.join(dir, 'b-12.cdbundle'), 12), path.join(dir, 'b-12-broken.cdbundle'));
  app = await launchApp();
  await app.page.locator('[data-screen="welcome"]').waitFor();
});
afterAll(async () => {
  writeSummary(verdicts, allowlist.filter((e) => !used.has(e)));
  await app?.close();
});

/** The sidebar's names of the screens, per language. */
const NAV = {
  ko: { bundles: '사건 묶음', cases: '사건', meeting: '회의', decisions: '의결', minutes: '회의록', settings: '설정' },
  en: { bundles: 'Bundles', cases: 'Cases', meeting: 'Meeting', decisions: 'Decisions', minutes: 'Minutes', settings: 'Settings' },
} as const;
type Lang = keyof typeof NAV;
type ScreenId = keyof (typeof NAV)['ko'];

async function go(page: Page, lang: Lang, screen: ScreenId): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: NAV[lang][screen], exact: true }).click();
  await page.locator(`[data-screen="${screen}"]`).waitFor();
}

/** Opens a case from the Cases list's search box with Enter. */
async function openCase(page: Page, lang: Lang, caseId: string): Promise<void> {
  await go(page, lang, 'cases');
  await page.getByRole('searchbox', { name: lang === 'ko' ? '검색' : 'Search' }).fill(caseId);
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`[data-screen="case-review"][data-case-id="${caseId}"]`).waitFor();
}

/** What each evidence tab shows once its content is in (a PDF: its first page painted). */
const VIEWER_READY = ['[data-testid="pdf-viewer"][data-rendered-page="1"]', '[data-testid="csv-viewer"]', '[data-testid="image-viewer"] img', '[data-testid="text-viewer"]', '[data-testid="sales-chart"]'].join(', ');

async function showTab(page: Page, index: number): Promise<void> {
  await page.getByRole('tab').nth(index).click();
  await page.getByRole('tabpanel').locator(VIEWER_READY).first().waitFor({ timeout: 15_000 });
}

/** The room's keys' help (?), a dialog. */
async function openKeysHelp(page: Page): Promise<void> {
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** The roster's words the dialog states use; in English another member's conflict, as 박서윤's is declared by then. */
const ROSTER = {
  ko: { edit: '수정: 이도현', name: '이름 *', save: '저장', noName: '이름을 입력하세요.', declare: '이해충돌 신고: 박서윤', target: '대상 *', reason: '사유 *', why: '가족이 운영하는 사업장입니다.', submit: '신고', badNumber: '사업자등록번호는 숫자 10자리입니다 (예: 123-45-67891).' },
  en: { edit: 'Edit: 이도현', name: 'Name *', save: 'Save', noName: 'Enter a name.', declare: 'Declare conflict: 최지아', target: 'Matches *', reason: 'Reason *', why: 'A family member runs the business.', submit: 'Declare', badNumber: 'A business registration number has 10 digits (e.g. 123-45-67891).' },
} as const;

/** A member's dialog (Settings on screen) showing its refusal of an empty name. */
async function memberDialogRefused(page: Page, lang: Lang): Promise<void> {
  const words = ROSTER[lang];
  await page.getByRole('button', { name: words.edit }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: words.name }).fill('');
  await page.getByRole('dialog').getByRole('button', { name: words.save }).click();
  await page.getByText(words.noName).waitFor();
}

/** The member's dialog closed, a conflict's dialog showing its refusal of a 9-digit registration number. */
async function conflictDialogRefused(page: Page, lang: Lang): Promise<void> {
  const words = ROSTER[lang];
  await closeDialog(page);
  await page.getByRole('button', { name: words.declare }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: words.target }).fill('742-24-1939');
  await dialog.getByRole('textbox', { name: words.reason }).fill(words.why);
  await dialog.getByRole('button', { name: words.submit }).click();
  await page.getByText(words.badNumber).waitFor();
}

/** The projector window of the meeting the room runs, its proposal's tally shown: checked, then closed. */
async function projector(): Promise<Page> {
  const page = await openProjectorPage(app, '2023-03-02');
  await page.getByTestId('projector-tally').waitFor();
  return page;
}

/**
 * Every state checked, in the order it is reached (each from where the one before left off).
 * The names are the report files' names: <lang>-<screen>[-<state>]. A reach that returns a page
 * has that page checked (and closed) in place of the app's.
 */
const STATES: [name: string, reach: (page: Page) => Promise<Page | void>][] = [
  ['ko-welcome', async () => {}],
  ['en-welcome', async (page) => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Load the demo council' }).waitFor();
  }],
  ['ko-welcome-operator', async (page) => {
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('button', { name: '데모 협의체 불러오기' }).click();
    await page.locator('[data-screen="welcome-operator"]').waitFor();
  }],
  ['ko-bundles', async (page) => {
    await page.getByRole('button', { name: '시작하기' }).click();
    await page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
  }],
  ['ko-bundles-report', async (page) => {
    app.dialogs.files.push(broken);
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await page.getByRole('region', { name: '검증 보고서' }).waitFor();
  }],
  ['ko-cases', async (page) => {
    await go(page, 'ko', 'cases');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
  }],
  ['ko-cases-filtered', async (page) => {
    await page.getByRole('combobox', { name: '제안 구간' }).selectOption('T3');
    await page.getByRole('combobox', { name: '정렬' }).selectOption({ index: 2 });
    await page.getByRole('listbox').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').getByRole('option', { selected: true }).waitFor();
  }],
  ['ko-cases-no-match', async (page) => {
    await page.getByRole('searchbox', { name: '검색' }).fill('없는 상호 zzz');
    await page.getByText('조건에 맞는 사건이 없습니다.').waitFor();
    await page.getByTestId('cases-no-matches').getByRole('button', { name: '조건 모두 지우기' }).click();
  }],
  // 1015-000001 has one document of each kind: a PDF, a CSV, an image, a text file; then the chart
  ...[0, 1, 2, 3, 4].map((tab): [string, (page: Page) => Promise<void>] => [`ko-case-review-tab${tab + 1}`, async (page) => {
    if (tab === 0) await openCase(page, 'ko', '1015-000001');
    await showTab(page, tab);
  }]),
  ['ko-case-review-duplicate', async (page) => {
    await openCase(page, 'ko', '1015-000015');
    await page.getByTestId('review-flags').waitFor();
  }],
  ['ko-meeting', (page) => go(page, 'ko', 'meeting')],
  // A meeting made, its agenda by the preset, opened, and run in the room with the keys' help shown.
  ['ko-meeting-setup', async (page) => {
    const form = page.locator('[data-screen="meeting"]');
    await form.getByLabel('날짜').fill('2023-03-02');
    await form.getByLabel('시작 시각').fill('14:00');
    await form.getByLabel('장소').fill('협의체 회의실');
    await form.getByRole('button', { name: '회의 만들기' }).click();
    await page.locator('[data-screen="meeting-setup"]').waitFor();
  }],
  ['ko-meeting-setup-agenda', async (page) => {
    await page.getByRole('combobox', { name: '고르는 방법' }).selectOption('unflaggedFixedAward');
    await page.getByRole('button', { name: /건 안건에 추가/ }).click();
    await page.locator('[data-screen="meeting-setup"] table tbody tr').first().waitFor();
  }],
  ['ko-meeting-room', async (page) => {
    await page.getByRole('button', { name: '회의 시작' }).click();
    await page.getByRole('button', { name: '회의장으로' }).click();
    await page.getByTestId('room-case-name').waitFor();
  }],
  ['ko-meeting-room-keys', openKeysHelp],
  // A vote under way on the case of the demo's declared conflict: arrivals, the recusal, votes, the tally.
  ['ko-meeting-room-vote', async (page) => {
    await closeDialog(page);
    await playVoteScene(page, DEMO_VOTE);
  }],
  ['ko-projector', projector],
  ['ko-meeting-back-to-list', async (page) => {
    await page.getByTestId('room-back').click();
    await page.getByRole('button', { name: '회의 목록으로' }).click();
    await page.locator('[data-screen="meeting"]').waitFor();
  }],
  ['ko-decisions', (page) => go(page, 'ko', 'decisions')],
  ['ko-minutes', (page) => go(page, 'ko', 'minutes')],
  ['ko-settings', (page) => go(page, 'ko', 'settings')],
  // The roster (Settings → 협의체 위원): a member's dialog showing a field's error, a conflict's
  // dialog showing one, then the conflict declared and listed.
  ['ko-settings-member-dialog', (page) => memberDialogRefused(page, 'ko')],
  ['ko-settings-conflict-dialog', (page) => conflictDialogRefused(page, 'ko')],
  ['ko-settings-conflict-declared', async (page) => {
    await page.getByRole('dialog').getByRole('textbox', { name: '대상 *' }).fill('742-24-19399');
    await page.getByRole('dialog').getByRole('button', { name: '신고' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('table', { name: '위원이 신고한 이해충돌' }).getByRole('row').nth(2).waitFor();
  }],
  ['en-settings', async (page) => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-screen="settings"] h1', { hasText: 'Settings' }).waitFor();
  }],
  ['en-bundles', (page) => go(page, 'en', 'bundles')],
  ['en-cases', async (page) => {
    await go(page, 'en', 'cases');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
  }],
  ['en-case-review-chart', async (page) => {
    await openCase(page, 'en', '1015-000001');
    await showTab(page, 4);
  }],
  ['en-meeting', (page) => go(page, 'en', 'meeting')],
  // Back in the room: the vote under way (박서윤's conflict declared since meets the case too).
  ['en-meeting-room', async (page) => {
    await page.locator('[data-screen="meeting"] tr[data-meeting-id="2023-03-02"]').getByRole('button').click();
    await page.getByRole('button', { name: 'Go to the meeting room' }).click();
    await page.getByTestId('room-tally').waitFor();
  }],
  ['en-meeting-room-keys', openKeysHelp],
  ['en-projector', async (page) => {
    await closeDialog(page);
    return projector();
  }],
  ['en-settings-member-dialog', async (page) => {
    await go(page, 'en', 'settings');
    await memberDialogRefused(page, 'en');
  }],
  ['en-settings-conflict-dialog', (page) => conflictDialogRefused(page, 'en')],
];

describe('accessibility gate (axe-core)', () => {
  for (const [name, reach] of STATES) {
    it(`has no serious, critical or unlisted violation: ${name}`, async () => {
      const own = await reach(app.page);
      const verdict = await checkScreen(own ?? app.page, name, allowlist, used);
      verdicts.push(verdict);
      await own?.close();
      expect(verdict.failures).toEqual([]);
    });
  }

  it('fails a page with a serious violation or an unlisted moderate one, and lets a listed one through', async () => {
    const page = await app.context.newPage();
    // an image without a text alternative (critical), a heading level skipped (moderate), twice
    await page.setContent('<html lang="en"><title>Self-test</title><main><h1>Title</h1><h3 id="a">Skipped</h3><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"></main>');
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    await page.close();
    const listed: AllowEntry = { rule: 'heading-order', screen: 'self-test', selector: '#a', reason: 'the gate checking itself' };
    const img: AllowEntry = { rule: 'image-alt', screen: '*', reason: 'serious and critical are never let through' };
    const bare = judge('self-test', results, [], new Set());
    expect(bare.failures.map((f) => f.split(':')[0])).toEqual(expect.arrayContaining(['critical image-alt', 'moderate heading-order']));
    const seen = new Set<AllowEntry>();
    const allowed = judge('self-test', results, [listed, img], seen);
    expect(allowed.failures.map((f) => f.split(':')[0])).toEqual(['critical image-alt']);
    expect(allowed.allowed).toHaveLength(1);
    expect([...seen]).toEqual([listed]);
  });

  it('needs every allowlist entry it has, and raised no page error', () => {
    expect(allowlist.filter((e) => !used.has(e)).map((e) => `${e.rule} on ${e.screen}`)).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
