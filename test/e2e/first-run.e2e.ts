/**
 * A new user's first minutes, in real Chromium with real IndexedDB: the welcome, the demo council
 * and its secretary as the operator, every screen, a restart, English, and the evidence stored as
 * Blobs that match their SHA-256.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './app-harness';

let app: RunningApp;

beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const screen = (id: string) => `[data-screen="${id}"]`;

describe('first run with the demo council', () => {
  it('welcomes a new user in Korean and offers the demo council', async () => {
    const { page } = app;
    await page.waitForSelector(screen('welcome'));
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('환영합니다');
    expect(await page.getByRole('button', { name: '데모 협의체 불러오기' }).isEnabled()).toBe(true);
  });

  it('loads the demo council, offers its secretary as the operator, and shows the signed demo bundle', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '데모 협의체 불러오기' }).click();
    const step = page.locator(screen('welcome-operator'));
    await step.waitFor();
    expect(await step.getByRole('radio', { name: '윤하늘 · 간사 (협의체 사무국)' }).isChecked()).toBe(true);
    await step.getByRole('button', { name: '시작하기' }).click();
    const bundles = page.locator(screen('bundles'));
    await bundles.waitFor();
    const row = bundles.getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toMatch(/1015-/);
    await expect(row.textContent()).resolves.toContain('서명됨: 데모 사무국 (demo secretariat)');
    await expect(row.textContent()).resolves.toContain('60');
  });

  it('shows the operator in the header, the one every audit entry names', async () => {
    const { page } = app;
    const operator = page.getByRole('combobox', { name: '입력 담당' });
    expect(await operator.inputValue()).toBe('s1');
    await expect(operator.locator('option:checked').textContent()).resolves.toBe('윤하늘 (간사)');
    const actors = await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('council-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows: { action: string; actor: string | null }[] = await new Promise((resolve, reject) => {
        const req = db.transaction('audit').objectStore('audit').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return rows.map((r) => [r.action, r.actor]);
    });
    expect(actors).toEqual([['store-demo-members', 's1'], ['import', 's1']]);
  });

  it('shows every screen from the sidebar, with what is real already', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await nav.getByRole('link', { name: '사건', exact: true }).click();
    const cases = page.locator(screen('cases'));
    await cases.waitFor();
    // the list is read from IndexedDB after the screen shows ("사건 목록을 불러오는 중…" until then)
    await expect.poll(() => cases.textContent()).toContain('전체 사건: 60건');

    await nav.getByRole('link', { name: '회의', exact: true }).click();
    const meeting = page.locator(screen('meeting'));
    await meeting.waitFor();
    for (const name of ['정한결', '박서윤', '이도현', '최지아', '강민재', '윤하늘']) {
      await expect.poll(() => meeting.textContent()).toContain(name);
    }

    for (const [label, id] of [['의결', 'decisions'], ['회의록', 'minutes'], ['설정', 'settings'], ['사건 묶음', 'bundles']] as const) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      await page.locator(screen(id)).waitFor();
      expect(await nav.getByRole('link', { name: label, exact: true }).getAttribute('aria-current')).toBe('page');
    }
  });

  it('stores every evidence file as a Blob whose SHA-256 is the one the bundle lists', async () => {
    const result = await app.page.evaluate(async () => {
      const open = indexedDB.open('council-desk');
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = <T,>(store: string): Promise<T[]> =>
        new Promise((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as T[]);
          req.onerror = () => reject(req.error);
        });
      const docs = await all<{ blob: Blob; sha256: string; mediaType: string }>('documents');
      let mismatches = 0;
      for (const doc of docs) {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await doc.blob.arrayBuffer()));
        const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
        if (hex !== doc.sha256 || doc.blob.type !== doc.mediaType) mismatches += 1;
      }
      const cases = await all<unknown>('cases');
      const members = await all<unknown>('members');
      db.close();
      return { documents: docs.length, mismatches, cases: cases.length, members: members.length };
    });
    expect(result.cases).toBe(60);
    expect(result.members).toBe(6);
    expect(result.documents).toBeGreaterThan(100);
    expect(result.mismatches).toBe(0);
  });

  it('keeps everything after a restart and goes straight to the app', async () => {
    const page = await app.reopen();
    app.page = page;
    await page.locator(screen('bundles')).waitFor();
    expect(await page.locator(screen('welcome')).count()).toBe(0);
    await expect(page.locator(screen('bundles')).textContent()).resolves.toContain('데모 사무국');
    expect(await page.getByRole('combobox', { name: '입력 담당' }).inputValue()).toBe('s1');
  });

  it('switches to English, and stays in English after a restart', async () => {
    let page = app.page;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Bundles' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    page = await app.reopen();
    app.page = page;
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cases' }).click();
    // the count is read from IndexedDB after the screen shows: wait for it
    await expect.poll(() => page.locator(screen('cases')).textContent()).toMatch(/All cases: 60/);
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor();
  });

  it('ran without a console error, a page error or a CSP violation', () => {
    expect(app.problems).toEqual([]);
  });
});
