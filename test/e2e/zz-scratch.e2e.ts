import { afterAll, beforeAll, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
let app: RunningApp;
beforeAll(async () => { app = await launchApp({ zoom: 2 }); });
afterAll(async () => { await app?.close(); });
it('shots', async () => {
  const { page } = app;
  await loadDemoCouncil(page);
  await page.locator('[data-screen="bundles"]').getByRole('row').nth(1).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: '사건', exact: true }).click();
  await page.getByRole('searchbox', { name: '검색' }).fill('1015-000015');
  await page.getByRole('listbox').getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('[data-screen="case-review"]').waitFor();
  await page.getByRole('tab', { name: '일별 매출', exact: true }).click();
  await page.getByTestId('sales-chart').waitFor();
  const r = await page.evaluate(() => {
    const out: string[] = [`doc ${document.documentElement.scrollHeight} body ${document.body.scrollHeight} root ${document.getElementById('root')!.scrollHeight}`];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const b = el.getBoundingClientRect();
      if (b.bottom + scrollY > 2200) out.push(`${el.tagName}.${el.className} ${Math.round(b.top + scrollY)}-${Math.round(b.bottom + scrollY)} ${getComputedStyle(el).position}`);
    }
    return out.slice(0, 30);
  });
  console.log(r.join('\n'));
}, 120000);
