/**
 * Backup and restore in English, in real Chromium (issue 14; backup.e2e.ts runs them in Korean).
 * The demo council loaded in English, a passphrase set and "Back up now" in Settings → Backup;
 * the restore dialog from Settings over that profile, which has data: what it holds and "Back up
 * this profile first", then a wrong passphrase refused and the backup restored; and the restore
 * dialog on the welcome of a new profile, restoring and opening the app on the restored council.
 * Every word is the English strings' (renderer/settings/backup/strings-en.ts), none is Korean,
 * and each state of the dialog passes the accessibility gate every screen passes.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from './app-harness';
import { checkScreen, readAllowlist, type AllowEntry } from './axe-gate';
import { backUpNow, backupSection, chooseAndRestore, fill, oneHome, openRestore, readProfile, setPassphrase, startRestore, STEP_WORDS, welcomeRestore, type ProfileRead } from './backup-steps';

const HOME = oneHome('council-desk-backup-en-home-');
const { backup: B, restore: R, welcome: W } = STEP_WORDS.en;
let original: RunningApp;
let welcomed: RunningApp;
/** The profile as "Back up now" read it, and the file it made. */
let before: ProfileRead;
let backupFile: string;

beforeAll(async () => {
  original = await HOME.launch();
}, 120_000);

/** Hangul syllables or jamo: a word left in Korean. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** The dialog says it in English only, and passes the accessibility gate. */
async function expectEnglishAndAccessible(page: Page, dialog: Locator, screen: string): Promise<void> {
  const text = await dialog.innerText();
  expect(text.match(new RegExp(`.{0,20}${HANGUL.source}.{0,20}`, 'g')), text).toBeNull();
  expect((await checkScreen(page, screen, readAllowlist(), new Set<AllowEntry>())).failures).toEqual([]);
}


describe('backup and restore in English, from Settings', () => {
  it('backs the demo council up in English', async () => {
    const { page } = original;
    await page.locator('[data-screen="welcome"]').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: W.loadDemo }).click();
    await page.getByRole('button', { name: W.continue }).click();
    await page.locator('[data-screen="bundles"]').waitFor();
    const section = await backupSection(page, 'en');
    expect(await section.getByTestId('backup-passphrase-state').textContent()).toBe(B.passphraseNotSet);
    await setPassphrase(section, 'en');
    before = await readProfile(page);
    const name = await backUpNow(section, 'en');
    backupFile = path.join(HOME.backups, name);
    await expect.poll(() => section.getByTestId('backup-list').locator('tbody tr').first().innerText()).toContain(B.kinds.manual);
  });

  it('refuses to restore over a profile with data, in English, and backs it up first', async () => {
    const { page } = original;
    const dialog = await openRestore(page, 'en');
    const hasData = dialog.getByTestId('restore-has-data');
    await hasData.waitFor();
    expect(await hasData.innerText()).toContain(fill(R.hasData, { cases: before.counts.cases!, meetings: 0, decisions: 0, votes: 0 }));
    expect(await dialog.getByLabel(R.passphrase).count()).toBe(0);
    await expectEnglishAndAccessible(page, dialog, 'en-settings-restore-dialog');

    await dialog.getByRole('button', { name: R.backUpFirst }).click();
    const backedUp = dialog.getByTestId('restore-backed-up');
    await backedUp.waitFor({ timeout: 60_000 });
    expect(await backedUp.innerText()).toMatch(new RegExp(`^${fill(R.backedUp, { name: 'NAME' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('NAME', 'council-desk-backup-\\d{8}-\\d{6}-manual\\.cdbackup')}$`));
    await expectEnglishAndAccessible(page, dialog, 'en-settings-restore-dialog-backed-up');
  });

  it('refuses a wrong passphrase in English, then restores the backup and says what it holds', async () => {
    const { page } = original;
    const dialog = page.getByRole('dialog', { name: R.title });
    await chooseAndRestore(original, dialog, backupFile, 'not the passphrase', 'en');
    const failed = dialog.getByTestId('restore-failed');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.innerText()).toContain(R.errors.BACKUP_PASSPHRASE_WRONG);
    expect(await failed.innerText()).toContain('BACKUP_PASSPHRASE_WRONG');
    expect(await failed.innerText()).toContain(R.refused);
    await expectEnglishAndAccessible(page, dialog, 'en-settings-restore-dialog-refused');

    await chooseAndRestore(original, dialog, backupFile, undefined, 'en');
    const outcome = dialog.getByTestId('restore-outcome');
    await expect.poll(() => outcome.innerText(), { timeout: 60_000 }).toContain(fill(R.restored, { name: path.basename(backupFile) }));
    const audit = before.counts.audit!;
    expect(await dialog.getByTestId('restore-facts').innerText()).toBe(
      fill(R.restoredFacts, { cases: before.counts.cases!, meetings: 0, decisions: 0, evidence: before.evidence.length, audit: audit.toLocaleString('en'), head: audit }),
    );
    await expectEnglishAndAccessible(page, dialog, 'en-settings-restore-dialog-restored');
    await dialog.getByRole('button', { name: R.close }).click();

    // every table as backed up; the restore adds its own audit entry, and the audit flush may add its mark (auditDurableThrough) to settings
    const { audit: entries, settings, ...tables } = (await readProfile(page)).counts;
    const { audit: entriesBefore, settings: settingsBefore, ...tablesBefore } = before.counts;
    expect(tables).toEqual(tablesBefore);
    expect(entries).toBe(entriesBefore! + 1);
    expect(settings! - settingsBefore!).toBeLessThanOrEqual(1);
    expect((await readProfile(page)).audit.slice(0, -1)).toEqual(before.audit);
    expect(original.problems).toEqual([]);
  });
});

describe('restore in English from the welcome of a new profile', () => {
  beforeAll(async () => {
    welcomed = await HOME.launch();
  }, 120_000);

  it('restores from the welcome in English and opens the app on the restored council', async () => {
    const { page } = welcomed;
    const dialog = await welcomeRestore(page, 'en');
    expect(await dialog.getByText(R.passphraseHint).count()).toBe(1);
    await expectEnglishAndAccessible(page, dialog, 'en-welcome-restore-dialog');
    await startRestore(welcomed, dialog, backupFile, undefined, 'en');
    await page.locator('[data-screen="bundles"]').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('dialog', { name: R.title }).count()).toBe(0);
    // the app goes on in English, on the restored council
    await page.getByRole('navigation').getByRole('link', { name: 'Bundles', exact: true }).waitFor();
    expect(await page.getByTestId('council-name').textContent()).toBe('카카오 1015 피해지원 협의체');
    const restored = await readProfile(page);
    expect(restored.audit.slice(0, -1)).toEqual(before.audit);
    expect(welcomed.problems).toEqual([]);
  });
});
