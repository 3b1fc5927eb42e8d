/**
 * Two devices, one sync folder: two launches of the app, each with its own user-data folder
 * (keys, ledger, settings), its own browser profile (IndexedDB) and its own keychain, sharing
 * one sync folder as a USB stick or a synced share would be.
 *
 * Device A decides two cases, exports them (file 0001), reopens one and decides it again, and
 * exports that as its next revision in file 0002. Device B, trusting A's exported trust file,
 * decides one of those cases otherwise. B's Decisions screen shows A's two files verified, in
 * their chain, with the disagreement shown as a conflict and nothing applied; a tampered copy
 * in the inbox is shown as failed, with its reason, and none of its decisions.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { decideCases, MEETING_ID, openMeetingWith } from './decided-meeting';
import { checkScreen, readAllowlist, type AllowEntry } from './axe-gate';
import { checkDecisionFiles } from './decision-files-check';

const SYNC = mkdtempSync(path.join(tmpdir(), 'council-desk-shared-sync-'));
const OUTBOX = path.join(SYNC, 'outbox');
const FILE_1 = `decisions-${MEETING_ID}-0001.dsse.json`;
const FILE_2 = `decisions-${MEETING_ID}-0002.dsse.json`;
let a: RunningApp;
let b: RunningApp;

beforeAll(async () => {
  [a, b] = await Promise.all([launchApp(), launchApp()]);
  await Promise.all([loadDemoCouncil(a.page), loadDemoCouncil(b.page)]);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  rmSync(SYNC, { recursive: true, force: true });
});

async function goTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

const allowlist = readAllowlist();
const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/**
 * A screen only this test reaches, in Korean and then in English: the accessibility gate
 * (accessibility.e2e.ts's) on each, and a picture of each beside `npm run screenshots`' own.
 */
async function gate(page: Page, screen: string, shown?: Locator): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [lang, button] of [['ko', 'English'], ['en', '한국어']] as const) {
    const verdict = await checkScreen(page, `${lang}-${screen}`, allowlist, new Set<AllowEntry>());
    expect(verdict.failures).toEqual([]);
    await page.evaluate(() => document.fonts.ready);
    await shown?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${lang}-30-${screen}.png`) });
    await page.getByRole('banner').getByRole('button', { name: button, exact: true }).click();
    await page.locator(`html[lang="${lang === 'ko' ? 'en' : 'ko'}"]`).waitFor();
  }
}

async function useSyncFolder(app: RunningApp): Promise<void> {
  await goTo(app.page, '설정');
  app.dialogs.folders.push(SYNC);
  app.dialogs.confirms.push(true);
  await app.page.getByRole('button', { name: '동기화 폴더 고르기…' }).click();
  await app.page.getByText(`동기화 폴더: ${SYNC}`).waitFor();
}

async function exportDecisions(app: RunningApp, fileName: string): Promise<void> {
  await goTo(app.page, '의결');
  app.dialogs.confirms.push(true);
  await app.page.getByRole('button', { name: '의결 내보내기' }).click();
  await expect.poll(() => app.page.getByTestId('decision-export-status').textContent(), { timeout: 30_000 }).toContain(`${fileName}: 의결`);
}

describe('two devices sharing one sync folder', () => {
  it('A: makes and trusts its keys, exports its trust file, decides two cases and exports them as file 0001', async () => {
    await useSyncFolder(a);
    const page = a.page;
    await page.getByRole('button', { name: '위원장 키 만들기' }).click();
    await page.getByRole('button', { name: '간사 키 만들기' }).click();
    await page.getByTestId('keyid-secretary').waitFor();
    a.dialogs.confirms.push(true);
    await page.getByRole('button', { name: '이 기기의 키 신뢰하기…' }).click();
    await page.getByText('이 기기의 위원장 키와 간사 키를 신뢰합니다.').waitFor();
    a.dialogs.saves.push(path.join(SYNC, 'trust.json'));
    await page.getByRole('button', { name: '신뢰 파일 내보내기…' }).click();
    await page.getByText(/^신뢰 파일을 내보냈습니다/).waitFor();
    await gate(page, 'settings-keys-trusted', page.getByTestId('device-key-chair'));

    await openMeetingWith(page, ['1015-000002', '1015-000004']);
    await decideCases(page, [
      { caseId: '1015-000002', outcome: 'award' },
      { caseId: '1015-000004', outcome: 'award' },
    ]);
    await exportDecisions(a, FILE_1);
    expect(readdirSync(OUTBOX)).toEqual([FILE_1]);
  });

  it('A: reopens 1015-000004, decides it again as a rejection, and exports that revision alone in file 0002', async () => {
    const page = a.page;
    // back to the meeting: the room, on the case decided last
    await page.getByRole('navigation').getByRole('link', { name: '회의', exact: true }).click();
    await page.locator('[data-screen="meeting-room"] .room-case[data-case-id="1015-000004"]').waitFor();
    await page.getByTestId('room-decision').waitFor();
    await page.getByTestId('room-reopen').click();
    await page.getByLabel('다시 여는 사유').fill('의결 뒤 제출된 서류로 매출 감소가 증빙되지 않았습니다.');
    await page.getByLabel('다시 여는 사유').press('Enter');
    await page.getByTestId('room-propose-reject').click();
    await page.getByTestId('room-open-proposal').waitFor();
    for (const m of ['m1', 'm2', 'm3', 'm4', 'm5']) {
      await page.getByTestId('room-vote-list').locator('li', { has: page.locator(`button[data-member-id="${m}"]`) }).locator('.room-vote__choices button').first().click();
      await page.getByTestId('room-vote-list').locator(`button[data-member-id="${m}"][data-state="approve"]`).waitFor();
    }
    await page.getByTestId('room-close-vote').click();
    await page.getByTestId('room-decision-form').getByRole('textbox').fill('증빙이 없어 기각합니다.');
    await page.getByTestId('room-record-decision').click();
    await page.locator('[data-testid="room-decision"][data-outcome="reject"]').waitFor();

    await exportDecisions(a, FILE_2);
    expect(readdirSync(OUTBOX).sort()).toEqual([FILE_1, FILE_2]);
    const [first, second] = checkDecisionFiles(SYNC);
    expect([first!.valid, second!.valid]).toEqual([true, true]);
    expect(second!.payload.decisions.map((d) => [d.caseId, d.revision])).toEqual([['1015-000004', 2]]);
    const reopened = (second!.payload.decisions[0] as unknown as { reopened: { previousRevision: { file: string } } }).reopened;
    expect(reopened.previousRevision.file).toBe(FILE_1);
    // the Decisions table lists all three decisions, each with its file
    await goTo(page, '의결');
    const rows = page.getByTestId('decision-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => rows.filter({ hasText: FILE_2 }).count()).toBe(1);
    await gate(page, 'decisions-exported', page.getByTestId('decision-table'));

    // the meeting closed, its minutes can be made: the Minutes screen offers them
    await page.getByRole('navigation').getByRole('link', { name: '회의', exact: true }).click();
    await page.getByTestId('room-back').click();
    await page.getByRole('button', { name: '회의 종료' }).click();
    await page.getByText('종료된 회의입니다. 더는 바꿀 수 없습니다.').waitFor();
    await goTo(page, '회의록');
    await expect.poll(() => page.getByTestId('minutes-readiness').getAttribute('data-ready')).toBe('true');
    await gate(page, 'minutes-ready', page.getByTestId('minutes-export'));
    // the preview: the PDF's body, in its shadow root, with the files' decisions
    const sheet = page.getByTestId('minutes-preview-page');
    await expect.poll(() => sheet.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toContain(FILE_2);
    await gate(page, 'minutes-preview', page.getByTestId('minutes-preview'));
  });

  it("B: trusting A's trust file, decides 1015-000002 otherwise; A's files are verified, chained, and the disagreement shown as a conflict", async () => {
    const page = b.page;
    await useSyncFolder(b);
    b.dialogs.files.push(path.join(SYNC, 'trust.json'));
    b.dialogs.confirms.push(true);
    await page.getByRole('button', { name: '신뢰 파일 고르기…' }).click();
    await page.getByText(`고른 신뢰 파일: ${path.join(SYNC, 'trust.json')}`).waitFor();
    // a tampered copy of file 0002 waits in the inbox: one approval turned into a rejection
    mkdirSync(path.join(SYNC, 'inbox'), { recursive: true });
    const envelope = JSON.parse(readFileSync(path.join(OUTBOX, FILE_2), 'utf8'));
    envelope.payload = Buffer.from(Buffer.from(envelope.payload, 'base64').toString('utf8').replace('"approve"', '"reject"')).toString('base64');
    writeFileSync(path.join(SYNC, 'inbox', 'decisions-2023-03-02-0003.dsse.json'), JSON.stringify(envelope));
    copyFileSync(path.join(OUTBOX, FILE_1), path.join(SYNC, 'inbox', '.syncthing.decisions-2023-03-02-0001.dsse.json.tmp'));

    await openMeetingWith(page, ['1015-000002']);
    await decideCases(page, [{ caseId: '1015-000002', outcome: 'reject' }]);
    await goTo(page, '의결');
    const panel = page.getByRole('region', { name: '받은 의결 파일', exact: true });
    const row = (fileName: string) => panel.locator('tbody tr', { hasText: fileName }).first();
    await expect.poll(() => row(FILE_1).textContent(), { timeout: 30_000 }).toContain('검증됨');
    expect(await row(FILE_1).textContent()).toContain('첫 파일');
    expect(await row(FILE_2).textContent()).toContain('앞 파일에 이어짐');
    await expect.poll(() => row(FILE_1).textContent()).toContain('충돌 1건');
    // the tampered copy: failed, with its reason; the sync engine's temporary file never listed
    const tampered = row('decisions-2023-03-02-0003.dsse.json');
    expect(await tampered.textContent()).toContain('검증 실패');
    expect(await panel.textContent()).not.toContain('.syncthing.');
    await panel.getByRole('button', { name: `${FILE_1}: 의결 2건 보기` }).click();
    await expect.poll(() => panel.textContent()).toContain('충돌: 이 기기의 의결은 기각');
    await gate(page, 'decisions-received', page.locator('.received-files button[aria-expanded="true"]'));
    // nothing applied: B's own decision stands
    await goTo(page, '의결');
    const own = page.getByTestId('decision-table').locator('tbody tr');
    await expect.poll(() => own.count()).toBe(1);
    expect(await own.first().textContent()).toContain('기각');
    expect([...a.problems, ...b.problems]).toEqual([]);
  });
});
