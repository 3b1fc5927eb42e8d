/**
 * Importing bundles in real Chromium with real IndexedDB, through the very handlers ipc.ts binds:
 * a new bundle, the same one again, a batch that revises cases, a cancel half way, a broken
 * bundle's report (and saving it), an unsigned bundle refused, then imported once signature checks
 * are turned off in the main process (with its confirmation), the sync folder's inbox, and a
 * window closed in the middle of an import.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { benchStyleBundle, brokenCopy, demoBatch, tempFolder } from './bundle-fixtures';

let app: RunningApp;
const dir = tempFolder();
const files = {
  small: path.join(dir, 'b-small.cdbundle'),
  large: path.join(dir, 'b-large.cdbundle'),
  scans: path.join(dir, 'b-scans.cdbundle'),
  batch7: path.join(dir, 'batch-07.cdbundle'),
  broken: path.join(dir, 'broken.cdbundle'),
  unsigned: path.join(dir, 'unsigned.cdbundle'),
  report: path.join(dir, 'reports', 'broken-report.txt'),
  sync: path.join(dir, 'sync'),
};

beforeAll(async () => {
  await benchStyleBundle(files.small, 12);
  await benchStyleBundle(files.large, 1500, 3, 8192);
  await benchStyleBundle(files.scans, 3, 2, 300_000);
  await demoBatch(files.batch7, 8, 7);
  await demoBatch(files.unsigned, 3, 9, false);
  brokenCopy(files.small, files.broken);
  mkdirSync(path.dirname(files.report), { recursive: true });
  mkdirSync(path.join(files.sync, 'inbox'), { recursive: true });
  app = await launchApp({ imports: { chunkCases: 100, chunkBytes: 256 * 1024 } });
  await loadDemoCouncil(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** What IndexedDB holds for a bundle: its row's status and how many cases and documents carry its id. */
async function stored(page: Page, bundleId: string) {
  return page.evaluate(async (id) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('council-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    // cases are indexed by bundleId; documents are keyed [bundleId+file]
    const count = (store: string, range: IDBKeyRange, index?: string) =>
      new Promise<number>((resolve, reject) => {
        const objectStore = db.transaction(store).objectStore(store);
        const req = (index ? objectStore.index(index) : objectStore).count(range);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const bundle = await new Promise<{ status: string } | undefined>((resolve) => {
      const req = db.transaction('bundles').objectStore('bundles').get(id);
      req.onsuccess = () => resolve(req.result);
    });
    const result = { status: bundle?.status ?? null, cases: await count('cases', IDBKeyRange.only(id), 'bundleId'), documents: await count('documents', IDBKeyRange.bound([id], [id, []])) };
    db.close();
    return result;
  }, bundleId);
}

async function openBundle(file: string): Promise<void> {
  app.dialogs.files.push(file);
  await app.page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
}

const notice = (kind: string) => app.page.locator(`[data-outcome="${kind}"]`);

describe('importing bundles', () => {
  it('imports a signed bundle with its evidence, and says so', async () => {
    await openBundle(files.small);
    await notice('imported').waitFor();
    await expect(notice('imported').textContent()).resolves.toContain('사건 12건, 증빙 24건');
    expect(await stored(app.page, 'BENCH-E12')).toEqual({ status: 'ready', cases: 12, documents: 24 });
    const row = app.page.locator('[data-bundle-id="BENCH-E12"]');
    await expect(row.textContent()).resolves.toContain('서명됨: 데모 사무국');
  });

  it('treats the same bundle again as a no-op with a notice', async () => {
    await openBundle(files.small);
    await notice('already-imported').waitFor();
    expect(await stored(app.page, 'BENCH-E12')).toEqual({ status: 'ready', cases: 12, documents: 24 });
  });

  it('stores cases that come back from an earlier bundle as their next revision', async () => {
    await openBundle(files.batch7);
    await notice('imported').waitFor();
    await expect(notice('imported').textContent()).resolves.toContain('보완된 사건 8건');
    const history = await app.page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve) => {
        const open = indexedDB.open('council-desk');
        open.onsuccess = () => resolve(open.result);
      });
      const rows = await new Promise<{ caseId: string; revision: number; bundleId: string }[]>((resolve) => {
        const req = db.transaction('caseHistory').objectStore('caseHistory').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      const current = await new Promise<{ revision: number; bundleId: string }>((resolve) => {
        const req = db.transaction('cases').objectStore('cases').get('1015-000001');
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return { earlier: rows.filter((r) => r.caseId === '1015-000001'), current };
    });
    expect(history.current).toMatchObject({ revision: 2, bundleId: '1015-2023-B07' });
    expect(history.earlier).toEqual([expect.objectContaining({ revision: 1, bundleId: '1015-2023-B25' })]);
  });

  it('shows progress and leaves nothing behind when the import is cancelled half way', async () => {
    await openBundle(files.large);
    const bar = app.page.getByRole('progressbar', { name: '사건 묶음 불러오기 진행률' });
    await bar.waitFor();
    await app.page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 5);
    await expect(app.page.getByTestId('import-counts').textContent()).resolves.toMatch(/\/ 1,500/);
    await app.page.getByRole('button', { name: '불러오기 취소' }).click();
    await notice('cancelled').waitFor();
    expect(await stored(app.page, 'BENCH-E1500')).toEqual({ status: null, cases: 0, documents: 0 });
    expect(await app.page.locator('[data-bundle-id="BENCH-E1500"]').count()).toBe(0);
  });

  it('shows a broken bundle\'s report grouped by kind, stores nothing, and saves the report', async () => {
    await openBundle(files.broken);
    const report = app.page.getByRole('region', { name: '검증 보고서' });
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('cases.ndjson');
    expect(text).toContain('2행');
    expect(text).toContain('business.registrationNo');
    expect(await report.locator('[data-kind="hash"]').count()).toBe(1);
    expect(await report.locator('[data-kind="files"]').count()).toBe(1);
    expect(await stored(app.page, 'BENCH-E12')).toEqual({ status: 'ready', cases: 12, documents: 24 });
    app.dialogs.saves.push(files.report);
    await report.getByRole('button', { name: '보고서 저장…' }).click();
    await expect.poll(() => existsSync(files.report)).toBe(true);
    const saved = readFileSync(files.report, 'utf8');
    expect(saved).toContain('business.registrationNo');
    expect(saved).toContain('evidence/');
  });

  it('refuses an unsigned bundle while signed bundles are required', async () => {
    await openBundle(files.unsigned);
    const report = app.page.getByRole('region', { name: '검증 보고서' });
    await report.locator('[data-kind="signature"]').waitFor();
    await expect(app.page.getByTestId('report-signature').textContent()).resolves.toContain('서명 없음');
  });

  it('turns signature checks off only once the main process\'s confirmation is accepted, then imports the unsigned bundle', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    const settingsFile = path.join(app.userDataDir, 'security-settings.json');
    await nav.getByRole('link', { name: '설정', exact: true }).click();
    const toggle = page.locator('[data-screen="settings"]').getByRole('checkbox', { name: '서명된 사건 묶음만 허용' });
    expect(await toggle.isChecked()).toBe(true);

    app.dialogs.confirms.push(false);
    await toggle.click();
    await page.getByTestId('change-declined').waitFor();
    expect(await toggle.isChecked()).toBe(true);
    expect(app.dialogs.asked).toHaveLength(1);
    expect(app.dialogs.asked[0]).toMatchObject({ title: '보안 설정 바꾸기', confirmLabel: '끄기' });
    expect(app.dialogs.asked[0]?.detail).toContain('신뢰하는 키로 서명되지 않은 사건 묶음도 불러오게 됩니다');
    expect(existsSync(settingsFile)).toBe(false);

    app.dialogs.confirms.push(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ requireSignature: false });

    await nav.getByRole('link', { name: '사건 묶음', exact: true }).click();
    await openBundle(files.unsigned);
    await notice('imported').waitFor();
    await expect(notice('imported').textContent()).resolves.toContain('사건 3건');

    // Back on: no confirmation needed, and the main process refuses unsigned bundles again.
    await nav.getByRole('link', { name: '설정', exact: true }).click();
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    expect(app.dialogs.asked).toHaveLength(2);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ requireSignature: true });
    await nav.getByRole('link', { name: '사건 묶음', exact: true }).click();
  });

  it('lists the sync folder\'s inbox with what is new, and imports from it', async () => {
    renameSync(files.small, path.join(files.sync, 'inbox', 'b-small.cdbundle'));
    await benchStyleBundle(path.join(files.sync, 'inbox', 'b-new.cdbundle'), 5);
    app.dialogs.folders.push(files.sync);
    await app.page.getByRole('button', { name: '동기화 폴더 고르기…' }).first().click();
    const inbox = app.page.getByRole('table', { name: '받은 파일함의 사건 묶음 파일' });
    await inbox.waitFor();
    await expect(inbox.locator('[data-inbox-state="imported"]').textContent()).resolves.toContain('b-small.cdbundle');
    await expect(inbox.locator('[data-inbox-state="new"]').textContent()).resolves.toContain('b-new.cdbundle');
    // The folder listed is the one main keeps; the page cannot name another to list or a trust file to read.
    expect(JSON.parse(readFileSync(path.join(app.userDataDir, 'security-settings.json'), 'utf8'))).toMatchObject({ syncFolder: files.sync });
    const refused = await app.page.evaluate(async (other) => {
      const bridge = (window as unknown as { councilDesk: Record<string, (arg: unknown) => Promise<{ ok: boolean; error?: { code: string } }>> }).councilDesk;
      const replies = [await bridge.listInbox!({ syncFolder: other }), await bridge.describeTrust!({ trustFile: `${other}/trust.json` })];
      return replies.map((reply) => (reply.ok ? 'ok' : reply.error?.code));
    }, dir);
    expect(refused).toEqual(['BAD_ARGUMENT', 'BAD_ARGUMENT']);
    await inbox.getByRole('button', { name: 'b-new.cdbundle 불러오기' }).click();
    await notice('imported').waitFor();
    // its five cases B-000001… were in b-small too: they are now revision 2, from BENCH-E5
    expect(await stored(app.page, 'BENCH-E5')).toEqual({ status: 'ready', cases: 5, documents: 10 });
    expect(await stored(app.page, 'BENCH-E12')).toEqual({ status: 'ready', cases: 7, documents: 24 });
  });

  it('rolls back an import cut short by closing the window, at the next start', async () => {
    const before = [await stored(app.page, 'BENCH-E12'), await stored(app.page, 'BENCH-E5')];
    await openBundle(files.large);
    await app.page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 5);
    const page = await app.reopen();
    app.page = page;
    await page.locator('[data-screen="bundles"]').waitFor();
    expect(await stored(page, 'BENCH-E1500')).toEqual({ status: null, cases: 0, documents: 0 });
    expect([await stored(page, 'BENCH-E12'), await stored(page, 'BENCH-E5')]).toEqual(before);
  });

  it('stores large evidence, which crosses over as ranges of one Blob, byte for byte and with its type', async () => {
    // last: its cases B-000001… come back from BENCH-E12 as revisions
    await openBundle(files.scans);
    await app.page.locator('[data-outcome="imported"]', { hasText: '사건 3건, 증빙 6건' }).waitFor();
    const documents = await app.page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve) => {
        const open = indexedDB.open('council-desk');
        open.onsuccess = () => resolve(open.result);
      });
      const rows = await new Promise<{ sha256: string; size: number; blob: Blob }[]>((resolve) => {
        const req = db.transaction('documents').objectStore('documents').getAll(IDBKeyRange.bound(['BENCH-E3'], ['BENCH-E3', []]));
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
      return Promise.all(rows.map(async (r) => ({ listed: r.sha256, stored: hex(await crypto.subtle.digest('SHA-256', await r.blob.arrayBuffer())), size: r.size, blobSize: r.blob.size, type: r.blob.type })));
    });
    expect(documents).toHaveLength(6);
    for (const d of documents) expect(d).toEqual({ listed: d.stored, stored: expect.stringMatching(/^[0-9a-f]{64}$/), size: 300_000, blobSize: 300_000, type: 'application/pdf' });
  });

  it('ran without a console error, a page error or a CSP violation', () => {
    expect(app.problems).toEqual([]);
  });
});
