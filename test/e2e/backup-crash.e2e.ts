/**
 * A backup and a restore cut off by the page dying, in real Chromium. Killed mid-backup (main
 * holding a piece unanswered): no backup file appears, and the next start of the app removes the
 * partial one. Killed mid-restore (once the rows are written, before the evidence is): reopened,
 * the profile is empty again, the user is told, and the witness heard nothing of the half log.
 * Killed once main began the witness again with the backup's chain (restoreFinish answered, the
 * restore not yet recorded): reopened, the restore is finished, not undone, and the log is
 * witnessed, not rewritten.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { backUpNow, backupFiles, backupSection, goTo, openRestore, readProfile, setPassphrase, startEmpty, startRestore } from './backup-steps';

const HOME = mkdtempSync(path.join(tmpdir(), 'council-desk-backup-crash-'));
const BACKUPS = path.join(HOME, 'Council Desk', 'sync', 'backup');
let first: RunningApp;
let again: RunningApp;
/** A whole backup of the demo council, to restore. */
let backupFile: string;

beforeAll(async () => {
  first = await launchApp({ home: HOME });
  await loadDemoCouncil(first.page);
  const section = await backupSection(first.page);
  await setPassphrase(section);
  backupFile = path.join(BACKUPS, await backUpNow(section));
}, 180_000);
afterAll(async () => {
  await first?.close();
  await again?.close();
  rmSync(HOME, { recursive: true, force: true });
});

/** The kind of restore piece an answer of browser mode's bridge carries: its JSON head (after 4 bytes of length) holds the Result. */
function pieceKind(answer: Buffer): string | undefined {
  const head = JSON.parse(answer.subarray(4, 4 + answer.readUInt32BE(0)).toString('utf8')) as { value: { ok: boolean; value?: { kind?: string } } };
  return head.value.value?.kind;
}

describe('a backup and a restore cut off', () => {
  it('leaves no backup file when the page dies mid-backup, and the next start removes the partial one', async () => {
    const { page } = first;
    let appends = 0;
    let held = false;
    await page.route('**/__council-api', async (route) => {
      if (route.request().postDataBuffer()?.includes('"backupAppend"')) {
        appends += 1;
        // the second piece is never answered: the backup stays under way until the page dies
        if (appends === 2) {
          held = true;
          return;
        }
      }
      await route.continue();
    });
    const finished = backupFiles(BACKUPS).finished;
    const section = await backupSection(page);
    // a second of the clock on, so this backup's name is not the first one's
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await section.getByRole('button', { name: '지금 백업' }).click();
    await expect.poll(() => held, { timeout: 60_000 }).toBe(true);
    expect(backupFiles(BACKUPS).partial).toHaveLength(1);
    await page.close();
    expect(backupFiles(BACKUPS).finished).toEqual(finished);

    // the next start of the app, on the same sync folder
    again = await launchApp({ home: HOME });
    await expect.poll(() => backupFiles(BACKUPS).partial, { timeout: 30_000 }).toEqual([]);
    expect(backupFiles(BACKUPS).finished).toEqual(finished);
  });

  it('leaves the profile empty again when the page dies mid-restore, and says so after reopening', async () => {
    const { page } = again;
    await startEmpty(page);
    let stalled = false;
    await page.route('**/__council-api', async (route) => {
      if (!route.request().postDataBuffer()?.includes('"restoreNext"')) return route.continue();
      const response = await route.fetch();
      const body = await response.body();
      // the first evidence file is never handed over: the rows are written, the evidence not yet
      if (!stalled && pieceKind(body) === 'evidence') {
        stalled = true;
        return;
      }
      await route.fulfill({ response, body });
    });
    const dialog = await openRestore(page);
    await startRestore(again, dialog, backupFile);
    await expect.poll(() => stalled, { timeout: 60_000 }).toBe(true);
    await expect.poll(async () => (await readProfile(page)).counts.cases, { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await readProfile(page)).restoring).toBe(true);
    await page.close();

    const reopened = await again.reopen();
    const notice = reopened.getByTestId('restore-interrupted');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain(`백업 ${path.basename(backupFile)}을(를) 복원하는 도중에 앱이 끝났습니다.`);
    const profile = await readProfile(reopened);
    for (const [table, rows] of Object.entries(profile.counts)) if (table !== 'settings') expect(rows, table).toBe(0);
    expect(profile.restoring).toBe(false);
    // the app shell, not the welcome: the user reads why, where a restore is made again
    await reopened.getByRole('navigation').getByRole('link', { name: '설정', exact: true }).waitFor();
    const witness = (() => {
      try {
        return readFileSync(path.join(again.userDataDir, 'audit-witness.ndjson'), 'utf8').trim();
      } catch {
        return '';
      }
    })();
    expect(witness).toBe('');
  });

  it('finishes the restore at the next start when the page died once main had begun the witness again', async () => {
    const page = await again.reopen();
    await page.locator('[data-screen="bundles"]').waitFor();
    let finished = false;
    await page.route('**/__council-api', async (route) => {
      if (!route.request().postDataBuffer()?.includes('"restoreFinish"')) return route.continue();
      // main begins the witness again; its answer never reaches the page, which then dies
      await route.fetch();
      finished = true;
    });
    const dialog = await openRestore(page);
    await startRestore(again, dialog, backupFile);
    await expect.poll(() => finished, { timeout: 60_000 }).toBe(true);
    expect((await readProfile(page)).restoring).toBe(true);
    await page.close();

    const reopened = await again.reopen();
    const notice = reopened.getByTestId('restore-interrupted');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('지난번 복원을 앱을 시작하면서 마무리했습니다');
    const profile = await readProfile(reopened);
    expect(profile.restoring).toBe(false);
    expect(profile.counts.cases).toBeGreaterThan(0);
    expect(profile.audit.at(-1)).toMatchObject({ entity: 'backup', action: 'restore' });
    const witnessed = () => {
      try {
        return readFileSync(path.join(again.userDataDir, 'audit-witness.ndjson'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { sequence: number; hash: string });
      } catch {
        return [];
      }
    };
    await expect.poll(() => witnessed().length, { timeout: 15_000 }).toBe(profile.audit.length);
    expect(witnessed().map(({ sequence, hash }) => ({ sequence, hash }))).toEqual(profile.audit.map(({ sequence, hash }) => ({ sequence, hash })));
    await goTo(reopened, '의결');
    await expect.poll(() => reopened.getByTestId('audit-witness').textContent(), { timeout: 30_000 }).toContain('복원한 뒤부터');
    expect(await reopened.getByTestId('audit-rewritten-notice').count()).toBe(0);
  });
});
