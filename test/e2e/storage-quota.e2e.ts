/**
 * Storage running out in real Chromium: the origin's quota is set (DevTools protocol,
 * Storage.overrideQuotaForOrigin) below what a bundle's evidence takes. The import is first put to
 * the user (it will not fit); told to go on, it runs until IndexedDB refuses a chunk, ends with
 * STORAGE_FULL in plain words with what was used and left, and is rolled back whole: as many cases
 * as before, no 'importing' bundle row. With the quota lifted the same bundle imports whole.
 */
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { benchStyleBundle, tempFolder } from './bundle-fixtures';

const CASES = 20;
const FILES_PER_CASE = 2;
const FILE_SIZE = 300_000;
/** What the bundle's evidence takes: 12 MB. */
const EVIDENCE_BYTES = CASES * FILES_PER_CASE * FILE_SIZE;
const BUNDLE_ID = `BENCH-E${CASES}`;
/** The origin's quota: room for the demo council and its bundle, not for this bundle's evidence. */
const QUOTA = 6_000_000;

let app: RunningApp;
let cdp: CDPSession;
let origin: string;
const bundle = path.join(tempFolder(), 'b-quota.cdbundle');

beforeAll(async () => {
  await benchStyleBundle(bundle, CASES, FILES_PER_CASE, FILE_SIZE);
  app = await launchApp({
    // On disk, as the desktop app keeps it; several chunks, so some are stored before the storage runs out.
    profileOnDisk: true,
    imports: { chunkCases: 4, chunkBytes: 512 * 1024 },
    // Set before the app opens its database: Chromium's IndexedDB keeps the quota it saw at the open.
    beforePage: async (context, appOrigin) => {
      origin = appOrigin;
      cdp = await context.newCDPSession(await context.newPage());
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA });
    },
  });
  await loadDemoCouncil(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** What IndexedDB holds: every case and document, the bundles still 'importing', and this bundle's row. */
async function held(page: Page) {
  return page.evaluate(async (bundleId) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('council-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ask = <T>(request: () => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const req = request();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const store = (name: string) => db.transaction(name).objectStore(name);
    const result = {
      cases: await ask(() => store('cases').count()),
      documents: await ask(() => store('documents').count()),
      importing: await ask(() => store('bundles').index('status').count('importing')),
      bundle: ((await ask(() => store('bundles').get(bundleId))) as { status: string } | undefined)?.status ?? null,
    };
    db.close();
    return result;
  }, BUNDLE_ID);
}

async function openBundle(): Promise<void> {
  app.dialogs.files.push(bundle);
  await app.page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
}

/** A size as the app shows it (formatBytes: powers of 1000, Korean digits) back in bytes, to the shown precision. */
function bytesOf(shown: string): number {
  const [number, unit] = shown.split(' ') as [string, string];
  return Math.round(Number(number.replaceAll(',', '')) * 1000 ** ['B', 'kB', 'MB', 'GB'].indexOf(unit));
}

const notice = (kind: string) => app.page.locator(`[data-outcome="${kind}"]`);

describe('an import when the storage runs out', () => {
  it('asks first, then ends with STORAGE_FULL and the figures, and keeps nothing of the import', async () => {
    const { page } = app;
    const before = await held(page);
    expect(before).toMatchObject({ importing: 0, bundle: null });
    // The page is told the quota that is enforced (the real one, electron/services/storage-quota.ts).
    const estimate = await page.evaluate(async () => navigator.storage.estimate());
    expect(estimate.quota).toBe(QUOTA);
    expect(QUOTA - (estimate.usage ?? 0)).toBeLessThan(EVIDENCE_BYTES / 2);

    await openBundle();
    const question = page.getByRole('dialog', { name: '저장 공간이 부족할 수 있습니다' });
    await question.waitFor({ timeout: 30_000 });
    await expect(question.textContent()).resolves.toContain('b-quota.cdbundle을(를) 불러오려면');
    // Nothing written while the question waits.
    expect(await held(page)).toEqual(before);
    await question.getByRole('button', { name: '그래도 불러오기' }).click();

    await notice('refused').waitFor({ timeout: 60_000 });
    const alert = notice('refused').getByRole('alert');
    await expect(alert.locator('.notice__title').textContent()).resolves.toBe(
      '저장 공간이 부족해 b-quota.cdbundle을(를) 불러오지 못했습니다. 불러오기를 통째로 되돌려, 이 묶음의 사건과 증빙은 하나도 저장되지 않았습니다.',
    );
    const detail = (await alert.locator('.notice__detail').textContent()) ?? '';
    expect(detail).toMatch(/^오류 코드 STORAGE_FULL: 이 컴퓨터에서 앱이 쓸 수 있는 저장 공간\(브라우저의 저장 할당량\)이 가득 찼습니다\. /);
    // The figures as they were when it ran out, before the rollback: the quota, nearly all of it used by the chunks stored by then.
    const figures = /전체 ([\d.,]+ [kMG]?B) 중 ([\d.,]+ [kMG]?B)를 쓰고 있어 남은 공간은 ([\d.,]+ [kMG]?B)입니다\./.exec(detail);
    expect(figures, detail).not.toBeNull();
    const [quota, used] = [bytesOf(figures![1]!), bytesOf(figures![2]!)];
    expect(quota).toBe(QUOTA);
    expect(used).toBeGreaterThan((estimate.usage ?? 0) + 1_000_000);
    expect(detail).toMatch(/디스크의 다른 파일을 지워 공간을 비운 뒤 다시 하세요\.$/);

    // Rolled back whole: as many cases and documents as before, no bundle row, none left 'importing'.
    await expect.poll(() => held(page)).toEqual(before);
    expect(await page.locator(`[data-bundle-id="${BUNDLE_ID}"]`).count()).toBe(0);
  }, 120_000);

  it('imports the same bundle whole once the quota is lifted', async () => {
    const { page } = app;
    const before = await held(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await expect.poll(async () => (await page.evaluate(async () => (await navigator.storage.estimate()).quota)) ?? 0).toBeGreaterThan(EVIDENCE_BYTES * 4);

    await notice('refused').getByRole('button', { name: '닫기' }).click();
    await openBundle();
    await notice('imported').waitFor({ timeout: 60_000 });
    await expect(notice('imported').textContent()).resolves.toContain(`사건 ${CASES}건, 증빙 ${CASES * FILES_PER_CASE}건`);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await held(page)).toEqual({ cases: before.cases + CASES, documents: before.documents + CASES * FILES_PER_CASE, importing: 0, bundle: 'ready' });
  }, 120_000);
});
