/**
 * Backup and restore in real Chromium (issue 14, parts 2 and 3), through browser mode's own
 * server and the real backup handlers. A meeting with votes, decisions and the demo bundle's
 * evidence; a backup passphrase set; the meeting closed (an automatic backup) and "Back up now":
 * the files in <sync>/backup/. A fresh profile of a new app on the same sync folder: a wrong
 * passphrase and a tampered file refused with what failed named, nothing written; then the
 * backup restored, and its counts, decisions, audit log and evidence are the original's, the
 * evidence opens, and the witness of the new app holds the restored log. Restoring over the
 * original profile, which has data, is refused until it is backed up; then, on the same user-data
 * folder, the restore keeps the old witness file beside a new one holding the backup's chain, and
 * a restart finds the log witnessed, not rewritten. A third new profile restores from the welcome
 * and opens on the restored council.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { checkScreen, readAllowlist, type AllowEntry } from './axe-gate';
import { backUpNow, backupFiles, backupSection, goTo, openRestore, PASSPHRASE, readProfile, setPassphrase, startEmpty, startRestore, welcomeRestore, type ProfileRead } from './backup-steps';
import { decideCases, openMeetingWith } from './decided-meeting';

const HOME = mkdtempSync(path.join(tmpdir(), 'council-desk-backup-home-'));
const BACKUPS = path.join(HOME, 'Council Desk', 'sync', 'backup');
let original: RunningApp;
let fresh: RunningApp;
let welcomed: RunningApp;
/** The original profile as it was when "Back up now" read it, and the file it made. */
let before: ProfileRead;
let backupFile: string;

beforeAll(async () => {
  original = await launchApp({ home: HOME });
}, 120_000);
afterAll(async () => {
  await original?.close();
  await fresh?.close();
  await welcomed?.close();
  rmSync(HOME, { recursive: true, force: true });
});

const witnessLines = (app: RunningApp) => {
  try {
    return readFileSync(path.join(app.userDataDir, 'audit-witness.ndjson'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { sequence: number; hash: string });
  } catch {
    return [];
  }
};

async function closeMeeting(page: Page): Promise<void> {
  await page.getByRole('button', { name: /안건으로 돌아가기/ }).click();
  const setup = page.locator('[data-screen="meeting-setup"]');
  await setup.getByRole('button', { name: '회의 종료' }).click();
  await expect.poll(() => setup.getByTestId('meeting-status').textContent(), { timeout: 15_000 }).toBe('상태: 종료');
}

describe('backup', () => {
  it('backs a decided meeting up: automatically when it closes, and on "Back up now", into <sync>/backup/', async () => {
    const { page } = original;
    await loadDemoCouncil(page);
    const section = await backupSection(page);
    expect(await section.getByTestId('backup-folder').textContent()).toBe(`백업 폴더: ${BACKUPS}`);
    await setPassphrase(section);

    await openMeetingWith(page, ['1015-000002', '1015-000004']);
    await decideCases(page, [
      { caseId: '1015-000002', outcome: 'award' },
      { caseId: '1015-000004', outcome: 'reject' },
    ]);
    await closeMeeting(page);
    await expect
      .poll(() => page.getByTestId('automatic-backup').textContent(), { timeout: 60_000 })
      .toMatch(/^자동 백업을 만들었습니다: council-desk-backup-\d{8}-\d{6}-meeting-closed\.cdbackup$/);
    expect(backupFiles(BACKUPS).finished).toEqual([expect.stringMatching(/-meeting-closed\.cdbackup$/)]);

    const now = await backupSection(page);
    before = await readProfile(page);
    expect(before.counts.decisions).toBe(2);
    expect(before.counts.votes).toBeGreaterThanOrEqual(10);
    expect(before.evidence.length).toBeGreaterThan(10);
    const name = await backUpNow(now);
    expect(name).toMatch(/^council-desk-backup-\d{8}-\d{6}-manual\.cdbackup$/);
    expect(backupFiles(BACKUPS)).toEqual({ finished: expect.arrayContaining([name]), partial: [] });
    expect(backupFiles(BACKUPS).finished).toHaveLength(2);
    backupFile = path.join(BACKUPS, name);
    // the list shows both, newest first; the backup made is in the audit log, after what it holds
    await expect.poll(() => now.getByTestId('backup-list').locator('tbody th').allTextContents()).toEqual([name, expect.stringMatching(/-meeting-closed\.cdbackup$/)]);
    const after = await readProfile(page);
    expect(after.audit.at(-1)).toMatchObject({ entity: 'backup', action: 'export', prevHash: before.audit.at(-1)!.hash });
  });

  it('refuses to restore over the original profile, which has data, and offers to back it up first', async () => {
    const dialog = await openRestore(original.page);
    const hasData = dialog.getByTestId('restore-has-data');
    await hasData.waitFor();
    expect(await hasData.textContent()).toContain('자료가 있는 프로필에는 복원하지 않습니다.');
    expect(await dialog.getByLabel('복원할 백업의 암호문').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: '이 프로필 먼저 백업하기' }).isVisible()).toBe(true);
    // the dialog passes the accessibility gate every screen passes
    expect((await checkScreen(original.page, 'ko-settings-restore-dialog', readAllowlist(), new Set<AllowEntry>())).failures).toEqual([]);
    await dialog.getByRole('button', { name: '닫기' }).click();
    expect(original.problems).toEqual([]);
  });
});

describe('restore into a fresh profile on the same sync folder', () => {
  beforeAll(async () => {
    fresh = await launchApp({ home: HOME });
    await startEmpty(fresh.page);
  }, 120_000);

  it('refuses a wrong passphrase, naming it, and writes nothing', async () => {
    const empty = await readProfile(fresh.page);
    const dialog = await openRestore(fresh.page);
    await startRestore(fresh, dialog, backupFile, 'not the passphrase');
    const failed = dialog.getByTestId('restore-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('암호문이 이 백업을 열지 못합니다.');
    expect(await failed.textContent()).toContain('BACKUP_PASSPHRASE_WRONG');
    expect(await failed.textContent()).toContain('아무것도 쓰지 않았습니다.');
    expect(await readProfile(fresh.page)).toEqual(empty);
    await dialog.getByRole('button', { name: '닫기' }).click();
  });

  it('refuses a tampered backup file, naming what failed, and writes nothing', async () => {
    const empty = await readProfile(fresh.page);
    const tampered = path.join(HOME, 'tampered.cdbackup');
    copyFileSync(backupFile, tampered);
    const bytes = readFileSync(tampered);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(tampered, bytes);
    const dialog = await openRestore(fresh.page);
    await startRestore(fresh, dialog, tampered);
    const failed = dialog.getByTestId('restore-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toContain('백업 파일이 손상되었거나 바뀌었습니다.');
    expect(await failed.textContent()).toMatch(/오류 코드 BACKUP_DAMAGED: .+/);
    expect(await readProfile(fresh.page)).toEqual(empty);
    await dialog.getByRole('button', { name: '닫기' }).click();
  });

  it("restores the backup: the counts, the decisions, the audit log and the evidence are the original's", async () => {
    const { page } = fresh;
    const dialog = await openRestore(page);
    await startRestore(fresh, dialog, backupFile);
    const outcome = dialog.getByTestId('restore-outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 50_000 }).toContain(`복원했습니다: ${path.basename(backupFile)}`);
    expect(await dialog.getByTestId('restore-facts').textContent()).toContain('의결 2건');
    await dialog.getByRole('button', { name: '닫기' }).click();

    const restored = await readProfile(page);
    // every table as backed up; the audit log one entry longer: the restore's own, after the backup's last
    expect({ ...restored.counts, audit: restored.counts.audit! - 1 }).toEqual(before.counts);
    expect(restored.decisions).toEqual(before.decisions);
    expect(restored.audit.slice(0, -1)).toEqual(before.audit);
    expect(restored.audit.at(-1)).toMatchObject({ entity: 'backup', action: 'restore', sequence: before.audit.length + 1, prevHash: before.audit.at(-1)!.hash });
    expect(restored.evidence).toEqual(before.evidence);
    expect(restored.evidence.every((e) => e.bytesSha256 === e.sha256)).toBe(true);
    expect(restored.restoring).toBe(false);
    // the witness of this app holds the restored log
    await expect.poll(() => witnessLines(fresh).length, { timeout: 15_000 }).toBe(restored.audit.length);
    expect(witnessLines(fresh)).toEqual(restored.audit.map(({ sequence, hash }) => ({ sequence, hash, at: expect.any(String) })));
  });

  it('opens the restored evidence, and a restart finds the log whole and witnessed', async () => {
    const page = await fresh.reopen();
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '사건', exact: true }).click();
    await page.getByRole('searchbox', { name: '검색' }).fill('1015-000001');
    await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBe(1);
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.locator('[data-screen="case-review"][data-case-id="1015-000001"]').waitFor();
    await page.getByRole('tab').first().click();
    await page.locator('[data-testid="pdf-viewer"][data-rendered-page="1"]').waitFor({ timeout: 30_000 });

    await goTo(page, '의결');
    await expect.poll(() => page.getByTestId('audit-status').textContent(), { timeout: 30_000 }).toContain('이상 없음');
    expect(await page.getByTestId('audit-rewritten-notice').count()).toBe(0);
    expect(await page.getByTestId('audit-broken-notice').count()).toBe(0);
    expect(fresh.problems).toEqual([]);
  });
});

describe('restore over the original profile, backed up first, on the same user-data folder', () => {
  const asideFiles = () => readdirSync(original.userDataDir).filter((n) => n.startsWith('audit-witness-before-restore-'));

  it("keeps the old witness beside a new one that holds the backup's chain", async () => {
    // a restart: the witness catches up with every entry of the original's log, the backups' too
    let page = await original.reopen();
    const longer = await readProfile(page);
    expect(longer.audit.length).toBeGreaterThan(before.audit.length);
    await expect.poll(() => witnessLines(original).length, { timeout: 30_000 }).toBe(longer.audit.length);
    const oldWitness = readFileSync(path.join(original.userDataDir, 'audit-witness.ndjson'), 'utf8');

    const dialog = await openRestore(page);
    await dialog.getByRole('button', { name: '이 프로필 먼저 백업하기' }).click();
    await dialog.getByTestId('restore-backed-up').waitFor({ timeout: 60_000 });
    await dialog.getByLabel('복원할 백업의 암호문').fill(PASSPHRASE);
    original.dialogs.files.push(backupFile);
    await dialog.getByRole('button', { name: '백업 파일 고르고 복원…' }).click();
    await expect.poll(() => dialog.getByTestId('restore-outcome').textContent(), { timeout: 60_000 }).toContain(`복원했습니다: ${path.basename(backupFile)}`);
    await dialog.getByRole('button', { name: '닫기' }).click();

    const restored = await readProfile(page);
    expect(restored.audit.slice(0, -1)).toEqual(before.audit);
    // the old witness kept, whole (it may have been appended to after it was read here), never removed
    expect(asideFiles()).toEqual([expect.stringMatching(/^audit-witness-before-restore-\d{8}-\d{6}\.ndjson$/)]);
    expect(readFileSync(path.join(original.userDataDir, asideFiles()[0]!), 'utf8').startsWith(oldWitness)).toBe(true);
    // the new one: the backup's chain, then the restore's own entry, witnessed the usual way
    await expect.poll(() => witnessLines(original).length, { timeout: 15_000 }).toBe(restored.audit.length);
    expect(witnessLines(original)).toEqual(restored.audit.map(({ sequence, hash }) => ({ sequence, hash, at: expect.any(String) })));

    // restarted: no rewritten notice, and the witness says since which restore it holds the log
    page = await original.reopen();
    await goTo(page, '의결');
    await expect.poll(() => page.getByTestId('audit-status').textContent(), { timeout: 30_000 }).toContain('이상 없음');
    await expect.poll(() => page.getByTestId('audit-witness').textContent(), { timeout: 30_000 }).toContain(`${path.basename(backupFile)}을(를) 복원한 뒤부터`);
    expect(await page.getByTestId('audit-rewritten-notice').count()).toBe(0);
    expect(witnessLines(original)).toHaveLength(restored.audit.length);
    expect(original.problems).toEqual([]);
  });
});

describe('restore from the welcome of a new profile', () => {
  beforeAll(async () => {
    welcomed = await launchApp({ home: HOME });
  }, 120_000);

  it('restores from the welcome and opens the app on the restored council, its witness holding the restored log', async () => {
    const { page } = welcomed;
    const dialog = await welcomeRestore(page);
    // over the welcome too, the dialog passes the accessibility gate every screen passes
    expect((await checkScreen(page, 'ko-welcome-restore-dialog', readAllowlist(), new Set<AllowEntry>())).failures).toEqual([]);
    await startRestore(welcomed, dialog, backupFile);
    await page.locator('[data-screen="bundles"]').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('dialog', { name: '백업에서 복원' }).count()).toBe(0);
    expect(await page.getByTestId('council-name').textContent()).toBe('카카오 1015 피해지원 협의체');

    const restored = await readProfile(page);
    expect(restored.decisions).toEqual(before.decisions);
    expect(restored.audit.slice(0, -1)).toEqual(before.audit);
    await expect.poll(() => witnessLines(welcomed).length, { timeout: 15_000 }).toBe(restored.audit.length);
    expect(readdirSync(welcomed.userDataDir).filter((n) => n.startsWith('audit-witness-before-restore-'))).toEqual([]);
    expect(welcomed.problems).toEqual([]);
  });
});
