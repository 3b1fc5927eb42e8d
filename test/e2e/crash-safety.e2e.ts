/**
 * Crash tests (issue 14, part 5), in real Chromium with its real IndexedDB: the page's renderer
 * is killed (Page.crash, a real renderer crash) in the middle of an operation, the app is started
 * again in the same profile, and each operation is found whole or absent, never half: the audit
 * chain checks entry by entry (the app's own walker), the witness file holds no hash the chain
 * does not, and the app's own start-up checks find the log intact and agreeing with its witness,
 * with no notice in the header.
 *
 * What each operation promises, and so what is asserted:
 * - a member's bulk vote is ONE transaction (bulk-vote-db.ts): all the member's votes with their
 *   audit entries, or none; it is killed while a read of the votes from outside is held up by it,
 *   the renderer slowed down so that it lasts;
 * - closing and deciding after the bulk vote (close-and-decide.ts) is one transaction per case:
 *   a case is closed and decided, with both audit entries and its status, or still open; watched
 *   from outside until some are decided, then killed;
 * - a bundle import (bundles/import/) writes in chunks under an 'importing' bundle, rolled back
 *   as a whole at the next start; killed once its first chunks are stored;
 * - a decision export killed while the notary waits for the chair's confirmation: the file is
 *   signed and written by main once, the renderer's 'signing' row is settled against the ledger
 *   at the next export, and nothing is signed twice.
 * (A page closed in the middle of an import, rather than killed: bundle-import.e2e.ts.)
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmRequest } from '../../electron/services/dialog-port';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { benchStyleBundle, tempFolder } from './bundle-fixtures';
import { countDocuments, countRows, crashRenderer, expectChainAndWitness, expectStartupChecksClean, goToScreen, openObserver, readStores, restart, throttleCpu, useSyncFolderAndTrustKeys, waitForWriteUnderWay } from './crash-kit';
import { makeMeeting, MEETING_ID, openRoom } from './decided-meeting';
import { checkDecisionFiles } from './decision-files-check';

const MEMBERS = [
  ['m1', '정한결'],
  ['m2', '박서윤'],
  ['m3', '이도현'],
  ['m4', '최지아'],
  ['m5', '강민재'],
] as const;
const SYNC = mkdtempSync(path.join(tmpdir(), 'council-desk-crash-sync-'));
const FILE_1 = `decisions-${MEETING_ID}-0001.dsse.json`;
const bundles = tempFolder();

let app: RunningApp;
/** The cases of the room's bulk preset (every unflagged T1 and T2 case of the demo bundle). */
let bulkCases: string[] = [];

beforeAll(async () => {
  app = await launchApp({ imports: { chunkCases: 100, chunkBytes: 256 * 1024 } });
  await loadDemoCouncil(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
  rmSync(SYNC, { recursive: true, force: true });
  rmSync(bundles, { recursive: true, force: true });
});

/** A meeting whose agenda is the setup's preset of every unflagged T1 and T2 case, opened, every member arrived, in the room. */
async function openPresetMeeting(page: Page): Promise<void> {
  const setup = await makeMeeting(page);
  await setup.getByRole('combobox', { name: '고르는 방법' }).selectOption('unflaggedFixedAward');
  const add = setup.getByRole('button', { name: /[1-9][\d,]*건 안건에 추가$/ });
  const adding = Number(/([\d,]+)건/.exec((await add.textContent())!)![1]!.replace(/,/g, ''));
  await add.click();
  await expect.poll(() => setup.locator('table tbody tr').count()).toBe(adding);
  await openRoom(page, setup);
  for (const [memberId] of MEMBERS) {
    await page.getByTestId(`room-attendance-${memberId}`).click();
    await page.getByTestId('room-attendance').locator(`tr[data-member-id="${memberId}"][data-present="true"]`).waitFor();
  }
}

/** After a restart: the Meeting screen, the meeting's setup, the room. */
async function backToRoom(page: Page): Promise<void> {
  await goToScreen(page, '회의');
  await page.locator(`[data-meeting-id="${MEETING_ID}"] button`).click();
  await page.locator('[data-screen="meeting-setup"]').getByRole('button', { name: '회의장으로' }).click();
  await page.getByTestId('room-case-name').waitFor();
}

/** G's preset in the room, its proposals opened: the bulk vote dialog; returns how many cases the preset holds. */
async function openBulkVote(page: Page): Promise<number> {
  await page.getByTestId('room-bulk').click();
  const summary = page.getByTestId('bulk-preset-summary');
  await summary.waitFor();
  const count = Number(/사건 ([\d,]+)건/.exec((await summary.textContent())!)![1]!.replace(/,/g, ''));
  await page.getByTestId('bulk-preset-open').click();
  await page.locator('[data-dialog="bulk-vote"]').waitFor();
  return count;
}

const bulkDialog = (page: Page) => page.locator('[data-dialog="bulk-vote"]');

/** In the dialog, the member it has chosen: their approval, up to the confirmation (not confirmed). */
async function prepareApproval(page: Page, name: string, cases: number): Promise<void> {
  const dialog = bulkDialog(page);
  await expect.poll(() => dialog.getByRole('radio', { name: new RegExp(`^${name} `) }).isChecked(), { timeout: 30_000 }).toBe(true);
  await page.keyboard.press('a');
  await dialog.getByText(new RegExp(`^${name} · 찬성 · ${cases}건에 기록`)).waitFor();
}

async function recordApproval(page: Page, name: string, cases: number): Promise<void> {
  await prepareApproval(page, name, cases);
  await bulkDialog(page).locator('button[type="submit"]').click();
  await bulkDialog(page).getByText(`${name}의 찬성 표결을 ${cases}건 기록했습니다.`).waitFor({ timeout: 30_000 });
}

const MEETING_STORES = ['cases', 'proposals', 'votes', 'decisions', 'audit'] as const;

/**
 * The bulk vote as stored: the preset's proposals opened (`open`: and none closed yet), each with
 * its audit entry; each member's votes on every case or on none, each vote with exactly one audit
 * entry and no entry without its vote. Returns how many votes each member has.
 */
function expectBulkVoteWhole(stored: Record<(typeof MEETING_STORES)[number], any[]>, open = true): Map<string, number> {
  const proposals = stored.proposals.filter((p) => p.meetingId === MEETING_ID);
  expect(proposals.map((p) => p.caseId).sort()).toEqual([...bulkCases].sort());
  for (const p of proposals) expect([p.no, p.fromSuggestion]).toEqual([1, true]);
  if (open) for (const p of proposals) expect([p.status, p.tally]).toEqual(['open', null]);
  const opened = stored.audit.filter((e) => e.entity === 'proposal' && e.action === 'open');
  expect(opened.map((e) => e.entityId).sort()).toEqual(proposals.map((p) => `${MEETING_ID}/${p.caseId}/1`).sort());

  const votes = stored.votes.filter((v) => v.meetingId === MEETING_ID);
  const entries = stored.audit.filter((e) => e.entity === 'vote');
  expect(entries.map((e) => `${e.entityId}:${e.detail.vote}`).sort()).toEqual(votes.map((v) => `${v.meetingId}/${v.caseId}/${v.proposalNo}/${v.memberId}:${v.vote}`).sort());
  const perMember = new Map<string, number>();
  for (const [memberId] of MEMBERS) {
    const mine = votes.filter((v) => v.memberId === memberId);
    expect([0, bulkCases.length], `${memberId}'s votes`).toContain(mine.length);
    perMember.set(memberId, mine.length);
  }
  return perMember;
}

afterEach(async (context) => {
  // what the screen showed when a step failed, to see why
  if (context.task.result?.state === 'fail') await app.page.screenshot({ path: path.resolve(__dirname, '../../test-results/crash-safety-failure.png'), fullPage: true }).catch(() => undefined);
});

describe('killed in the middle of an operation, the app started again', () => {
  it("a bulk vote killed during a member's vote: each member's votes are on every case or on none, each with its audit entry", async () => {
    const { page } = app;
    await openPresetMeeting(page);
    const cases = await openBulkVote(page);
    expect(cases).toBeGreaterThan(20);
    bulkCases = (await readStores(page, ['proposals'])).proposals.filter((p) => p.meetingId === MEETING_ID).map((p) => p.caseId);
    expect(bulkCases).toHaveLength(cases);
    await recordApproval(page, '정한결', cases);
    await recordApproval(page, '박서윤', cases);

    // 이도현's vote, the renderer slowed down, killed while its transaction is under way
    await prepareApproval(page, '이도현', cases);
    const observer = await openObserver(app);
    await throttleCpu(page, 20);
    const watching = waitForWriteUnderWay(observer, 'votes');
    await bulkDialog(page).locator('button[type="submit"]').click();
    const underWay = await watching;
    await crashRenderer(page);
    expect(underWay).toBe(true);

    const after = await restart(app);
    const stored = await readStores(after, MEETING_STORES);
    const perMember = expectBulkVoteWhole(stored);
    expect(Object.fromEntries(perMember)).toEqual({ m1: cases, m2: cases, m3: 0, m4: 0, m5: 0 });
    const chain = expectChainAndWitness(stored.audit, app.userDataDir);
    await expectStartupChecksClean(app, after, chain.entries);
  });

  it('the bulk vote goes on after the restart; closing and deciding killed half way leaves each case decided whole or still open', async () => {
    const { page } = app;
    await backToRoom(page);
    expect(await openBulkVote(page)).toBe(bulkCases.length);
    for (const [, name] of MEMBERS.slice(2)) await recordApproval(page, name, bulkCases.length);
    await bulkDialog(page).getByRole('button', { name: '닫기' }).click();
    const closeDecide = page.getByTestId('bulk-close-decide');
    await closeDecide.waitFor();

    const observer = await openObserver(app);
    await throttleCpu(page, 4);
    await closeDecide.click();
    // Watched from outside: every moment committed shows each case open, or closed and decided.
    const halves = new Set<string>();
    let decided = 0;
    for (const until = Date.now() + 60_000; decided < 3 && Date.now() < until; ) {
      const seen = await readStores(observer, ['proposals', 'decisions']);
      const decisionOf = new Set(seen.decisions.filter((d) => d.meetingId === MEETING_ID).map((d) => d.caseId));
      for (const p of seen.proposals) if (p.meetingId === MEETING_ID && p.status !== 'open' && !decisionOf.has(p.caseId)) halves.add(p.caseId);
      decided = decisionOf.size;
    }
    await crashRenderer(page);
    expect([...halves]).toEqual([]);

    const after = await restart(app);
    const stored = await readStores(after, MEETING_STORES);
    const cases = new Map(stored.cases.map((c) => [c.caseId, c]));
    const decidedNow: string[] = [];
    for (const caseId of bulkCases) {
      const proposal = stored.proposals.find((p) => p.meetingId === MEETING_ID && p.caseId === caseId)!;
      const decisions = stored.decisions.filter((d) => d.caseId === caseId);
      const closeEntries = stored.audit.filter((e) => e.entity === 'proposal' && e.action === 'close' && e.entityId === `${MEETING_ID}/${caseId}/1`);
      const decisionEntries = stored.audit.filter((e) => e.entity === 'decision' && e.detail.caseId === caseId);
      if (decisions.length === 0) {
        // still open, as before the close: no close, no decision, no entry of either
        expect([proposal.status, proposal.closedAt, proposal.tally, closeEntries.length, decisionEntries.length], caseId).toEqual(['open', null, null, 0, 0]);
        expect(cases.get(caseId).status, caseId).toBe('undecided');
      } else {
        // closed and decided: the proposal passed with its tally, the decision from it, the case locked, both entries
        const [d] = decisions;
        expect(decisions, caseId).toHaveLength(1);
        expect([proposal.status, d.proposalNo, d.revision, d.outcome, cases.get(caseId).status], caseId).toEqual(['passed', 1, 1, 'award', 'decided']);
        expect(d.tally, caseId).toEqual(proposal.tally);
        expect(closeEntries.map((e) => e.detail.tally), caseId).toEqual([proposal.tally]);
        expect(decisionEntries.map((e) => [e.action, e.entityId, e.detail.caseStatus.after]), caseId).toEqual([['record', `${caseId}/1`, 'decided']]);
        decidedNow.push(caseId);
      }
    }
    // killed half way: some decided, some not
    expect(decidedNow.length).toBeGreaterThan(0);
    expect(decidedNow.length).toBeLessThan(bulkCases.length);
    expect(Object.fromEntries(expectBulkVoteWhole(stored, false))).toEqual({ m1: bulkCases.length, m2: bulkCases.length, m3: bulkCases.length, m4: bulkCases.length, m5: bulkCases.length });
    const chain = expectChainAndWitness(stored.audit, app.userDataDir);
    await expectStartupChecksClean(app, after, chain.entries);

    // G again: the preset holds what is left; its proposals are open already, its votes cast; closed and decided to the end
    await backToRoom(after);
    const left = bulkCases.length - decidedNow.length;
    expect(await openBulkVote(after)).toBe(left);
    await bulkDialog(after).getByRole('button', { name: '닫기' }).click();
    await after.getByTestId('bulk-close-decide').click();
    await expect.poll(() => after.getByTestId('bulk-close-result').textContent(), { timeout: 60_000 }).toBe(`의결 ${left}건, 부결 0건.`);
    await after.getByRole('dialog').getByRole('button', { name: '닫기' }).click();
    const end = await readStores(after, MEETING_STORES);
    expect(end.decisions.filter((d) => d.meetingId === MEETING_ID).map((d) => d.caseId).sort()).toEqual([...bulkCases].sort());
    expect(end.decisions.filter((d) => d.meetingId === MEETING_ID).every((d) => d.revision === 1)).toBe(true);
    expectChainAndWitness(end.audit, app.userDataDir);
  });

  it("a bundle import killed half way is rolled back whole at the next start: the bundle gone, the cases it revised back as they were", async () => {
    const small = await benchStyleBundle(path.join(bundles, 'b-small.cdbundle'), 12);
    const large = await benchStyleBundle(path.join(bundles, 'b-large.cdbundle'), 1500, 3, 8192);
    let page = app.page;
    await goToScreen(page, '사건 묶음');
    app.dialogs.files.push(small);
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await page.locator('[data-outcome="imported"]').waitFor({ timeout: 30_000 });
    const before = await readStores(page, ['cases', 'caseHistory']);
    const revisedBefore = before.cases.filter((c) => c.bundleId === 'BENCH-E12').map((c) => [c.caseId, c.revision, c.bundleId]);
    expect(revisedBefore).toHaveLength(12);

    app.dialogs.files.push(large);
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    const observer = await openObserver(app);
    // killed once chunks of it are stored: its first cases written, and the earlier revisions set aside
    await expect.poll(() => countRows(observer, 'cases', 'bundleId', 'BENCH-E1500'), { timeout: 60_000, interval: 50 }).toBeGreaterThan(100);
    expect(await countRows(observer, 'cases', 'bundleId', 'BENCH-E1500')).toBeLessThan(1500);
    expect(await countRows(observer, 'caseHistory', 'supersededBy', 'BENCH-E1500')).toBe(12);
    await crashRenderer(page);

    page = await restart(app);
    const stored = await readStores(page, ['bundles', 'cases', 'caseHistory', 'audit']);
    expect(stored.bundles.map((b) => [b.bundleId, b.status]).sort()).toEqual([
      ['1015-2023-B25', 'ready'],
      ['BENCH-E12', 'ready'],
    ]);
    expect(stored.cases.filter((c) => c.bundleId === 'BENCH-E1500')).toEqual([]);
    expect(await countDocuments(page, 'BENCH-E1500')).toBe(0);
    expect(await countDocuments(page, 'BENCH-E12')).toBe(24);
    expect(stored.cases.filter((c) => c.bundleId === 'BENCH-E12').map((c) => [c.caseId, c.revision, c.bundleId])).toEqual(revisedBefore);
    expect(stored.caseHistory).toEqual(before.caseHistory);
    expect(stored.audit.filter((e) => e.entity === 'bundle' && e.action === 'import').map((e) => e.entityId)).toEqual(['1015-2023-B25', 'BENCH-E12']);
    const chain = expectChainAndWitness(stored.audit, app.userDataDir);
    await expectStartupChecksClean(app, page, chain.entries);

    // nothing of the cut-off import is left in the way: the same file imports to the end
    await goToScreen(page, '사건 묶음');
    app.dialogs.files.push(large);
    await page.getByRole('button', { name: '사건 묶음 파일 열기…' }).click();
    await expect.poll(() => page.locator('[data-outcome="imported"]').textContent(), { timeout: 120_000 }).toContain('사건 1,500건');
    expect(await countRows(page, 'cases', 'bundleId', 'BENCH-E1500')).toBe(1500);
    expect(await countRows(page, 'caseHistory', 'supersededBy', 'BENCH-E1500')).toBe(12);
    expectChainAndWitness((await readStores(page, ['audit'])).audit, app.userDataDir);
  });

  it('a decision export killed while the notary signs: the file is written once, and the next export settles it without signing again', async () => {
    let page = app.page;
    await useSyncFolderAndTrustKeys(app, SYNC);

    // The native confirmation held open until the page is dead: then the chair confirms it.
    const confirm = app.dialogs.confirm;
    let release!: (answer: boolean) => void;
    const answer = new Promise<boolean>((resolve) => (release = resolve));
    let asked: ConfirmRequest | null = null;
    app.dialogs.confirm = async (request) => {
      asked = request;
      return answer;
    };
    try {
      await goToScreen(page, '의결');
      const table = page.getByTestId('decision-table');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(bulkCases.length);
      await page.getByRole('button', { name: '의결 내보내기' }).click();
      await expect.poll(() => asked !== null, { timeout: 30_000 }).toBe(true);
      const observer = await openObserver(app);
      expect((await readStores(observer, ['exports'])).exports.map((r) => [r.fileName, r.state])).toEqual([[FILE_1, 'signing']]);
      await crashRenderer(page);
      release(true);
      await expect.poll(() => existsSync(path.join(SYNC, 'outbox', FILE_1)), { timeout: 30_000 }).toBe(true);
    } finally {
      app.dialogs.confirm = confirm;
    }
    expect(asked!.detail).toContain(MEETING_ID);

    page = await restart(app);
    const [checked] = checkDecisionFiles(SYNC);
    expect(readdirSync(path.join(SYNC, 'outbox'))).toEqual([FILE_1]);
    expect([checked!.valid, checked!.errors, checked!.openssl]).toEqual([true, [], 'Signature Verified Successfully']);
    expect(checked!.payload.decisions.map((d) => d.caseId).sort()).toEqual([...bulkCases].sort());
    const stored = await readStores(page, ['exports', 'audit']);
    // the answer never reached the page: its row says 'signing', and no export entry is in the log
    expect(stored.exports.map((r) => [r.fileName, r.state])).toEqual([[FILE_1, 'signing']]);
    expect(stored.audit.filter((e) => e.entity === 'export')).toEqual([]);
    const chain = expectChainAndWitness(stored.audit, app.userDataDir);
    expect([...chain.hashes.values()]).toContain(checked!.payload.auditHead);
    await expectStartupChecksClean(app, page, chain.entries);

    // Export again: the row is settled against the ledger, nothing new is signed or written, no confirmation asked
    const confirmations = app.dialogs.asked.length;
    await page.getByRole('button', { name: '의결 내보내기' }).click();
    await expect.poll(() => page.getByTestId('decision-export-status').textContent(), { timeout: 30_000 }).toBe('새로 내보낼 의결이 없어 아무것도 쓰지 않았습니다.');
    expect(app.dialogs.asked.length).toBe(confirmations);
    expect(readdirSync(path.join(SYNC, 'outbox'))).toEqual([FILE_1]);
    const settled = await readStores(page, ['exports', 'audit']);
    const [row] = settled.exports;
    expect([settled.exports.length, row.state, row.payloadSha256]).toEqual([1, 'written', stored.exports[0].payloadSha256]);
    expect(settled.audit.filter((e) => e.entity === 'export').map((e) => [e.action, e.entityId, e.detail.recovered, e.detail.payloadSha256])).toEqual([['sign', FILE_1, true, row.payloadSha256]]);
    await expect.poll(() => page.getByTestId('decision-table').locator('tbody tr', { hasText: FILE_1 }).count()).toBe(bulkCases.length);
    expectChainAndWitness(settled.audit, app.userDataDir);
  });

  it('ran without a console error, a page error or a request refused', () => {
    expect(app.problems).toEqual([]);
  });
});
