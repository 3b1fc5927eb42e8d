/**
 * The crash tests' kit (crash-safety.e2e.ts, sync-folder-readonly.e2e.ts): the renderer killed
 * for real (Chrome DevTools' Page.crash: the tab's process dies, as when Electron's renderer
 * crashes or is killed; the browser process and its IndexedDB live on), the CPU slowed so that
 * an operation lasts long enough to be killed in the middle, a page of the app's origin that
 * does not run the app (to watch IndexedDB from outside while the app writes), the stores read
 * in one read-only transaction, the audit chain checked by the app's own walker
 * (shared/audit-chain.ts), the witness file compared with it, and the app's own start-up checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { AuditChainWalker, type AuditBreak } from '../../shared/audit-chain';
import type { AuditEntry } from '../../shared/schemas/audit-entry';
import type { RunningApp } from './app-harness';

/** Kills the page's renderer process and waits until Playwright has seen it die. */
export async function crashRenderer(page: Page): Promise<void> {
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  const cdp = await page.context().newCDPSession(page);
  // The renderer dies before it can answer: the call is left to fail (much later, when the
  // session is torn down), and the crash is what is waited for.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

/** Slows the page's JavaScript `rate` times (1: full speed again), as DevTools' CPU throttling does. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * A page of the app's origin (so the same IndexedDB) with an empty document of the test's in
 * place of the app: it watches the database while the app's page writes, and runs none of the
 * app's start-up (which would roll back the import the other page is making).
 */
export async function openObserver(app: Pick<RunningApp, 'context' | 'url'>): Promise<Page> {
  const page = await app.context.newPage();
  const address = `${new URL(app.url).origin}/crash-observer`;
  await page.route(address, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>observer</title>' }));
  await page.goto(address);
  return page;
}

/** Every row of the stores, read in one read-only transaction (one consistent moment), with IndexedDB itself. */
export function readStores<S extends string>(page: Page, stores: readonly S[]): Promise<Record<S, any[]>> {
  return page.evaluate(async (names) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('council-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(names, 'readonly');
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      const req = tx.objectStore(name).getAll();
      req.onsuccess = () => (out[name] = req.result);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return out;
  }, stores as readonly string[]) as Promise<Record<S, any[]>>;
}

/** How many rows of `store` there are (by `index` equal to `key`, when given). */
export function countRows(page: Page, store: string, index?: string, key?: string): Promise<number> {
  return page.evaluate(
    async ({ store, index, key }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('council-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const objectStore = db.transaction(store, 'readonly').objectStore(store);
      const req = index === undefined ? objectStore.count() : objectStore.index(index).count(IDBKeyRange.only(key));
      const count = await new Promise<number>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return count;
    },
    { store, index, key },
  );
}

/** How many documents (evidence files) are stored under the bundle (keyed [bundleId+file]). */
export function countDocuments(page: Page, bundleId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('council-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const req = db.transaction('documents', 'readonly').objectStore('documents').count(IDBKeyRange.bound([id], [id, []]));
    const count = await new Promise<number>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return count;
  }, bundleId);
}

export interface ChainCheck {
  /** Entries that continue the chain, oldest first. */
  entries: number;
  broken: AuditBreak | null;
  /** Each entry's hash by its sequence. */
  hashes: Map<number, string>;
}

/** The audit table's rows checked by the app's own chain walker, oldest first. */
export function checkChain(rows: readonly AuditEntry[]): ChainCheck {
  const walker = new AuditChainWalker();
  const sorted = [...rows].sort((a, b) => a.sequence - b.sequence);
  let broken: AuditBreak | null = null;
  for (const row of sorted) {
    broken = walker.step(row);
    if (broken) break;
  }
  return { entries: walker.entries, broken, hashes: new Map(sorted.map((r) => [r.sequence, r.hash])) };
}

export interface WitnessLine {
  sequence: number;
  hash: string;
  at: string;
}

/** The witness file's lines (a torn last line, a crash mid-append, is skipped as main skips it). */
export function witnessLines(userDataDir: string): WitnessLine[] {
  const file = path.join(userDataDir, 'audit-witness.ndjson');
  if (!existsSync(file)) return [];
  const lines: WitnessLine[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      lines.push(JSON.parse(line) as WitnessLine);
    } catch {
      // a torn tail
    }
  }
  return lines;
}

/**
 * The audit log as stored checks entry by entry, and the witness holds no hash the chain does
 * not: every witnessed entry is in the chain with that very hash. Returns the chain.
 */
export function expectChainAndWitness(audit: readonly AuditEntry[], userDataDir: string): ChainCheck {
  const chain = checkChain(audit);
  expect(chain.broken).toBeNull();
  expect(chain.entries).toBe(audit.length);
  for (const w of witnessLines(userDataDir)) expect(chain.hashes.get(w.sequence), `witnessed entry ${w.sequence}`).toBe(w.hash);
  return chain;
}

export async function goToScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/**
 * The app's own start-up checks, as the Decisions screen shows them once they are done: the chain
 * intact with `entries` entries, the log agreeing with the witness; and no header notice of a
 * broken or rewritten log. Then the witness, caught up at start-up, holds every entry.
 */
export async function expectStartupChecksClean(app: RunningApp, page: Page, entries: number): Promise<void> {
  await goToScreen(page, '의결');
  await expect.poll(() => page.getByTestId('audit-status').textContent(), { timeout: 60_000 }).toBe(`감사 기록: 이상 없음, ${entries.toLocaleString('en-US')}개 항목`);
  await expect.poll(() => page.getByTestId('audit-witness').textContent(), { timeout: 60_000 }).toMatch(/^증인 파일과 일치: 증인 파일에 남은 [\d,]+개 항목$/);
  expect(await page.getByTestId('audit-broken-notice').count()).toBe(0);
  expect(await page.getByTestId('audit-rewritten-notice').count()).toBe(0);
  await expect.poll(() => witnessLines(app.userDataDir).length, { timeout: 30_000 }).toBe(entries);
}

/**
 * Settings: the sync folder chosen; this device's chair and secretary keys made and trusted (so
 * that `council-desk verify --trust <sync>/trust.json` checks its decision files), the trust file
 * exported into the sync folder.
 */
export async function useSyncFolderAndTrustKeys(app: RunningApp, syncFolder: string): Promise<void> {
  const { page } = app;
  await goToScreen(page, '설정');
  app.dialogs.folders.push(syncFolder);
  app.dialogs.confirms.push(true);
  await page.getByRole('button', { name: '동기화 폴더 고르기…' }).click();
  await page.getByText(`동기화 폴더: ${syncFolder}`).waitFor();
  app.dialogs.confirms.length = 0;
  await page.getByRole('button', { name: '위원장 키 만들기' }).click();
  await page.getByRole('button', { name: '간사 키 만들기' }).click();
  await page.getByTestId('keyid-secretary').waitFor();
  app.dialogs.confirms.push(true);
  await page.getByRole('button', { name: '이 기기의 키 신뢰하기…' }).click();
  await page.getByText('이 기기의 위원장 키와 간사 키를 신뢰합니다.').waitFor();
  app.dialogs.saves.push(path.join(syncFolder, 'trust.json'));
  await page.getByRole('button', { name: '신뢰 파일 내보내기…' }).click();
  await page.getByText(/^신뢰 파일을 내보냈습니다/).waitFor();
}

/** After a crash: a fresh page in the same profile, as the app started again, once its start-up is done. */
export async function restart(app: RunningApp): Promise<Page> {
  const page = await app.reopen();
  app.page = page;
  await page.locator('[data-screen="bundles"]').waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Waits until the app's page is in the middle of a read-write transaction on `store`: a read of
 * the store from the observer, started meanwhile, is held up (IndexedDB lets no reader of a store
 * in while an earlier read-write transaction over it runs). Reads that finish at once (the write
 * not begun yet, or committed already) follow one another without a pause, inside the observer's
 * page, until one is held `heldMs` or `timeoutMs` have passed. Returns whether one was held up.
 */
export function waitForWriteUnderWay(observer: Page, store: string, { heldMs = 50, timeoutMs = 30_000 } = {}): Promise<boolean> {
  return observer.evaluate(
    async ({ store, heldMs, timeoutMs }) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const open = indexedDB.open('council-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = () =>
        new Promise<void>((resolve) => {
          const req = db.transaction(store, 'readonly').objectStore(store).count();
          req.onsuccess = req.onerror = () => resolve();
        });
      try {
        for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
          const held = await Promise.race([read().then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), heldMs))]);
          if (held) return true;
        }
        return false;
      } finally {
        db.close(); // once its transactions are done
      }
    },
    { store, heldMs, timeoutMs },
  );
}
