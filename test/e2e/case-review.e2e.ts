/**
 * Reviewing cases in real Chromium with the demo council: find a case over 500,000 in the Cases
 * list, open it with the keyboard, read the suggestion (the same figures and sentences as the
 * command line's `suggest`), see the baseline and outage weeks on the chart, the PDF's first page
 * painted, and follow a duplicate flag to the other case and back.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suggestion } from '../../electron/cli/suggest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';

const root = path.resolve(__dirname, '../..');
let app: RunningApp;


/** What `council-desk suggest --json --lang ko` says of every demo case. */
function cliSuggestions(): Map<string, Suggestion> {
  const out = execFileSync(process.execPath, [path.join(root, 'dist/cli/council-desk.cjs'), 'suggest', path.join(root, 'dist/demo/demo.cdbundle'), '--json', '--lang', 'ko'], { encoding: 'utf8' });
  const cases = out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Suggestion);
  return new Map(cases.map((c) => [c.caseId, c]));
}

const won = (n: number) => `${n.toLocaleString('en-US')}원`;

beforeAll(async () => {
  app = await launchApp();
  const { page } = app;
  await loadDemoCouncil(page);
  await page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
});
afterAll(async () => {
  await app?.close();
});

/** Types the case id in the Cases list's search box and opens the one case found with Enter, from the box or from the list. */
async function openFromList(caseId: string, from: 'search' | 'list'): Promise<void> {
  const { page } = app;
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '사건', exact: true }).click();
  const search = page.getByRole('searchbox', { name: '검색' });
  await search.fill(caseId);
  const list = page.getByRole('listbox');
  await expect.poll(() => list.getByRole('option').count()).toBe(1);
  if (from === 'list') await list.focus();
  await page.keyboard.press('Enter');
  await page.locator(`[data-screen="case-review"][data-case-id="${caseId}"]`).waitFor();
}

describe('case review', () => {
  const cli = cliSuggestions();

  it('opens an over-500,000 case from the list with the same suggestion, figures and reasons as the command line', async () => {
    const { page } = app;
    const expected = cli.get('1015-000001')!;
    expect(expected.tier).toBe('T3');
    expect(expected.claimedLoss).toBeGreaterThan(500_000);
    await openFromList('1015-000001', 'search');
    const suggestion = page.getByTestId('review-suggestion');
    expect(await suggestion.getAttribute('data-tier')).toBe(expected.tier);
    expect(await suggestion.textContent()).toBe('T3 구간 — 협의체가 사건별로 심의');
    expect(await page.getByTestId('review-assessed-loss').textContent()).toBe(won(expected.assessedLoss!));
    expect(await page.getByTestId('review-claimed-loss').textContent()).toBe(won(expected.claimedLoss));
    const reasons = page.getByTestId('review-reasons');
    expect(await reasons.locator('[data-reason]').allTextContents()).toEqual(expected.reasons);
    // the week-by-week lines are folded under a line that counts them, and open on a click
    const weeks = reasons.locator('details');
    const counted = expected.reasons.filter((r) => r.includes('(비교 대상)')).length;
    expect(await weeks.locator('summary').textContent()).toContain(`${counted}주 비교`);
    expect(await weeks.locator('[data-reason="WEEK_COUNTED"]').first().isVisible()).toBe(false);
    await weeks.locator('summary').click();
    expect(await weeks.locator('[data-reason="WEEK_COUNTED"]').first().isVisible()).toBe(true);
  });

  it('marks the baseline and outage weeks on the sales chart with the totals the reasons give', async () => {
    const { page } = app;
    const reasons = cli.get('1015-000001')!.reasons;
    const baseline = reasons.find((r) => r.startsWith('기준 주간'))!;
    const [, from, to] = /(\d{4}-\d{2}-\d{2}) \(.\)~(\d{4}-\d{2}-\d{2})/.exec(baseline)!;
    await page.getByRole('tab', { name: '일별 매출' }).click();
    const chart = page.getByTestId('sales-chart');
    await chart.waitFor();
    expect(await chart.getByTestId('sales-bar').count()).toBe(61);
    const range = chart.getByTestId('chart-range-baseline');
    expect([await range.getAttribute('data-from'), await range.getAttribute('data-to')]).toEqual([from, to]);
    const outage = chart.getByTestId('chart-range-outage');
    expect([await outage.getAttribute('data-from'), await outage.getAttribute('data-to')]).toEqual(['2022-10-15', '2022-10-21']);
    const baselineTotal = /([\d,]+)원/.exec(baseline.split('매출')[1]!)![1]!;
    expect(await chart.getByTestId('chart-total-baseline').textContent()).toContain(baselineTotal);
  });

  it('shows the certificate PDF, the first evidence of the case, with its first page painted', async () => {
    const { page } = app;
    const first = page.getByRole('tab').first();
    expect(await first.textContent()).toBe('소상공인 확인서');
    await first.click();
    const viewer = page.locator('[data-testid="pdf-viewer"][data-rendered-page="1"]');
    await viewer.waitFor({ timeout: 15_000 });
    const inked = await viewer.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark += 1;
      return dark;
    });
    expect(inked).toBeGreaterThan(500);
  });

  it('names a duplicate in words and opens the other case from the flag', async () => {
    const { page } = app;
    const expected = cli.get('1015-000015')!;
    expect(expected.duplicates).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['1015-000003'] }]);
    await openFromList('1015-000015', 'list');
    const flag = page.getByTestId('review-flags').locator('[data-flag="DUPLICATE_BANK_ACCOUNT"]');
    expect(await flag.textContent()).toContain('입금 계좌가 다른 사건과 같습니다');
    await flag.getByRole('button', { name: '사건 1015-000003 열기' }).click();
    await page.locator('[data-screen="case-review"][data-case-id="1015-000003"]').waitFor();
    const back = page.getByTestId('review-flags').locator('[data-flag="DUPLICATE_BANK_ACCOUNT"]');
    await expect.poll(() => back.getByRole('button').allTextContents()).toEqual(['1015-000015']);
    await page.keyboard.press('Escape');
    await page.locator('[data-screen="cases"]').waitFor();
    expect(app.problems).toEqual([]);
  });
});
