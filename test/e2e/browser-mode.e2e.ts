/**
 * The app in browser mode as `council-desk serve` runs it, in real Chromium: files are chosen with
 * the in-app file picker (from the keyboard too), a validation report is saved as a download, the
 * sync folder is chosen as a folder, a call's bytes reach main; and a page of another origin cannot call the API.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { benchStyleBundle, brokenCopy, tempFolder } from './bundle-fixtures';

let app: RunningApp;
const dir = tempFolder();
const files = { small: path.join(dir, 'b-small.cdbundle'), broken: path.join(dir, 'broken.cdbundle'), sync: path.join(dir, 'sync') };

beforeAll(async () => {
  await benchStyleBundle(files.small, 6);
  brokenCopy(files.small, files.broken);
  mkdirSync(path.join(files.sync, 'inbox'), { recursive: true });
  app = await launchApp({ mode: 'browser', home: dir });
  await loadDemoCouncil(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const picker = () => app.page.getByRole('dialog');

describe('browser mode', () => {
  it('opens a bundle file with the in-app file picker, used from the keyboard', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await expect(picker().getByRole('heading').textContent()).resolves.toBe('사건 묶음 파일 고르기');
    const list = picker().getByRole('listbox', { name: `${dir}의 내용` });
    await list.waitFor();
    await expect(list.getByRole('option').allTextContents()).resolves.toEqual(['폴더 sync', 'b-small.cdbundle', 'broken.cdbundle']);
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('[data-outcome="imported"]').waitFor();
    await expect(page.locator('[data-outcome="imported"]').textContent()).resolves.toContain('사건 6건');
    expect(await picker().count()).toBe(0);
  });

  it('saves a broken bundle\'s report as a download', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await picker().getByRole('option', { name: 'broken.cdbundle' }).dblclick();
    const report = page.getByRole('region', { name: '검증 보고서' });
    await report.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: '보고서 저장…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^broken.*\.txt$/);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain('business.registrationNo');
    await expect(report.textContent()).resolves.toContain(download.suggestedFilename());
  });

  it('chooses the sync folder as a folder', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정', exact: true }).click();
    await page.getByRole('button', { name: '동기화 폴더 고르기…' }).click();
    await expect(picker().getByRole('heading').textContent()).resolves.toBe('폴더 고르기');
    await picker().getByRole('option', { name: '폴더 sync' }).dblclick();
    await picker().getByRole('listbox', { name: `${files.sync}의 내용` }).waitFor();
    await picker().getByRole('button', { name: '이 폴더 고르기' }).click();
    // the main process keeps the choice; the screen shows it once main has answered
    await page.getByTestId('sync-folder').filter({ hasText: files.sync }).waitFor();
  });

  it('carries a call\'s bytes from the page to main (a JSON head plus a binary tail): they pass the contract\'s check as a Uint8Array', async () => {
    const reply = await app.page.evaluate(async () => {
      const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => i & 255);
      const api = (window as unknown as { councilDesk: { backupAppend(arg: unknown): Promise<unknown> } }).councilDesk;
      return api.backupAppend({ backupId: '00000000-0000-4000-8000-000000000000', entry: 'rows.json', bytes, last: true });
    });
    // Not BAD_ARGUMENT: the bytes arrived as bytes; no backup of that name is under way.
    expect(reply).toMatchObject({ ok: false, error: { code: 'BACKUP_UNKNOWN' } });
  });

  it('ran without a console error, a page error, a refused request or a CSP violation', () => {
    expect(app.problems).toEqual([]);
  });

  it('does not answer a page of another origin, nor a link from another site', async () => {
    const other: Server = createServer((_req, res) => res.end(`<!doctype html><title>elsewhere</title><a href="${app.server.origin}/">Council Desk</a>`));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const page = await app.context.newPage();
    try {
      await page.goto(`http://localhost:${(other.address() as AddressInfo).port}/`);
      const status = await page.evaluate(async (api) => {
        // A "simple" request needs no preflight, so it does reach the server, which refuses it (and
        // the answer's Cross-Origin-Resource-Policy keeps even the refusal from the other page).
        await fetch(api, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ method: 'getAppInfo', hasArg: false }) }).catch(() => undefined);
        return 'sent';
      }, `${app.server.origin}/__council-api`);
      expect(status).toBe('sent');
      await expect.poll(() => app.problems.some((line) => /refused POST \/__council-api: wrong Origin "http:\/\/localhost:\d+"/.test(line))).toBe(true);
      // A link from another site: the cookie is not sent, and the request is cross-site anyway.
      const [followed] = await Promise.all([page.waitForResponse(`${app.server.origin}/`), page.getByRole('link', { name: 'Council Desk' }).click()]);
      expect(followed.status()).toBe(403);
      await expect(followed.text()).resolves.toMatch(/^Forbidden: Council Desk answers only the window it opened/);
    } finally {
      await page.close();
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
