/**
 * A sync folder that cannot be written during a decision export (a read-only share, a locked USB
 * stick): the notary signs the file and keeps it (`<userData>/notary/pending/`), the export is
 * recorded queued and says so with main's reason, nothing is lost, retries fail while the folder
 * stays so; once it can be written again, Retry writes the very file signed, it verifies, and the
 * export is recorded written, each step with its audit entry.
 *
 * How the folder is made unwritable: `chmod 0555` on `<sync>/outbox`, which stops any user but
 * root; tests run as root on some machines, where a mode stops nothing, so there `<sync>/outbox`
 * is a regular file in place of the folder: the file cannot be made inside it either (ENOTDIR).
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, loadDemoCouncil, type RunningApp } from './app-harness';
import { expectChainAndWitness, goToScreen, readStores, useSyncFolderAndTrustKeys } from './crash-kit';
import { decideCases, MEETING_ID, openMeetingWith } from './decided-meeting';
import { checkDecisionFiles } from './decision-files-check';

const SYNC = mkdtempSync(path.join(tmpdir(), 'council-desk-readonly-sync-'));
const OUTBOX = path.join(SYNC, 'outbox');
const FILE_1 = `decisions-${MEETING_ID}-0001.dsse.json`;
const CASES = ['1015-000002', '1015-000004'];
const asRoot = process.getuid?.() === 0;

let app: RunningApp;

beforeAll(async () => {
  app = await launchApp();
  await loadDemoCouncil(app.page);
}, 120_000);
afterAll(async () => {
  await app?.close();
  if (existsSync(OUTBOX) && !asRoot) chmodSync(OUTBOX, 0o755);
  rmSync(SYNC, { recursive: true, force: true });
});

/** The outbox made so that nothing can be written into it (see the file's comment). */
function lockOutbox(): void {
  if (asRoot) {
    rmSync(OUTBOX, { recursive: true, force: true });
    writeFileSync(OUTBOX, 'not a folder: the decision files cannot be written here\n');
  } else {
    mkdirSync(OUTBOX, { recursive: true });
    chmodSync(OUTBOX, 0o555);
  }
}

function unlockOutbox(): void {
  if (asRoot) {
    rmSync(OUTBOX);
    mkdirSync(OUTBOX);
  } else {
    chmodSync(OUTBOX, 0o755);
  }
}

const pendingDir = () => path.join(app.userDataDir, 'notary', 'pending');
const decisionFiles = () => readdirSync(OUTBOX).filter((f) => f.endsWith('.dsse.json'));

async function ledger(): Promise<{ files: { fileName: string; state: string; payloadSha256: string }[] }> {
  return app.page.evaluate(async (meetingId) => {
    const bridge = (window as unknown as { councilDesk: { getDecisionLedger(arg: unknown): Promise<{ ok: boolean; value: unknown }> } }).councilDesk;
    const reply = await bridge.getDecisionLedger({ meetingId });
    return reply.value as { files: { fileName: string; state: string; payloadSha256: string }[] };
  }, MEETING_ID);
}

/** Retry on the notice, and its end waited for: the notice is busy while main tries, then not. */
async function retry(notice: Locator): Promise<void> {
  const tried = notice.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let busy = false;
        const watch = new MutationObserver(() => {
          if (el.getAttribute('aria-busy') === 'true') busy = true;
          else if (busy) {
            watch.disconnect();
            resolve();
          }
        });
        watch.observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
      }),
  );
  await notice.getByRole('button', { name: '다시 시도' }).click();
  await tried;
}

describe('a sync folder that cannot be written during a decision export', () => {
  it('signs and keeps the file, records the export queued with the reason said, and loses nothing', async () => {
    const { page } = app;
    await useSyncFolderAndTrustKeys(app, SYNC);
    await openMeetingWith(page, CASES);
    await decideCases(page, CASES.map((caseId) => ({ caseId, outcome: 'award' as const })));

    lockOutbox();
    await goToScreen(page, '의결');
    app.dialogs.confirms.push(true);
    await page.getByRole('button', { name: '의결 내보내기' }).click();
    await expect.poll(() => page.getByTestId('decision-export-status').textContent(), { timeout: 30_000 }).toBe(`${FILE_1}: 의결 2건을 서명했습니다. 동기화 폴더에 아직 쓸 수 없어, 쓸 수 있게 되면 씁니다.`);
    const notice = page.getByTestId('decision-outbox');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain(`기다리는 파일: ${FILE_1}`);
    const said = (await notice.textContent())!;
    // the folder is there, it cannot be written: said so, with main's own reason naming the outbox
    expect(said).toContain('동기화 폴더는 있지만 파일을 쓸 수 없습니다');
    expect(said).toContain(`마지막 시도: ${FILE_1}: writing it into ${OUTBOX} failed (${asRoot ? 'ENOTDIR' : 'EACCES'}`);

    // nothing lost: the signed file kept, the ledger and this device both saying it waits
    expect(readdirSync(pendingDir())).toEqual([FILE_1]);
    expect((await ledger()).files.map((f) => [f.fileName, f.state])).toEqual([[FILE_1, 'queued']]);
    const stored = await readStores(page, ['exports', 'audit']);
    expect(stored.exports.map((r) => [r.fileName, r.state])).toEqual([[FILE_1, 'queued']]);
    expect(stored.audit.filter((e) => e.entity === 'export').map((e) => [e.action, e.detail.state])).toEqual([['sign', 'queued']]);
    await expect.poll(() => page.getByTestId('decision-table').locator('tbody tr', { hasText: `${FILE_1} 대기 중` }).count()).toBe(2);

    // Retry while it stays unwritable: still waiting, nothing half-written in the sync folder
    await retry(notice);
    expect((await ledger()).files.map((f) => f.state)).toEqual(['queued']);
    if (!asRoot) expect(readdirSync(OUTBOX)).toEqual([]);
    expectChainAndWitness(stored.audit, app.userDataDir);
  });

  it('writes the queued file once the folder can be written again: it verifies, and the export is recorded written', async () => {
    const { page } = app;
    const signed = (await readStores(page, ['exports'])).exports[0].payloadSha256;
    unlockOutbox();
    await page.getByTestId('decision-outbox').getByRole('button', { name: '다시 시도' }).click();
    await expect.poll(() => page.getByTestId('decision-outbox-written').textContent(), { timeout: 30_000 }).toBe('기다리던 의결 파일 1개를 동기화 폴더에 썼습니다.');
    await expect.poll(() => page.getByTestId('decision-outbox').count()).toBe(0);
    expect(decisionFiles()).toEqual([FILE_1]);
    const [checked] = checkDecisionFiles(SYNC);
    expect([checked!.valid, checked!.errors, checked!.openssl]).toEqual([true, [], 'Signature Verified Successfully']);
    expect(checked!.payload.decisions.map((d) => d.caseId).sort()).toEqual(CASES);
    expect((await ledger()).files.map((f) => [f.fileName, f.state, f.payloadSha256])).toEqual([[FILE_1, 'written', signed]]);
    await expect.poll(() => readdirSync(pendingDir()), { timeout: 15_000 }).toEqual([]);

    const stored = await readStores(page, ['exports', 'audit']);
    expect(stored.exports.map((r) => [r.fileName, r.state, r.path])).toEqual([[FILE_1, 'written', path.join(OUTBOX, FILE_1)]]);
    expect(stored.audit.filter((e) => e.entity === 'export').map((e) => [e.action, e.detail.state])).toEqual([
      ['sign', 'queued'],
      ['write', 'written'],
    ]);
    await expect.poll(() => page.getByTestId('decision-table').locator('tbody tr', { hasText: FILE_1 }).filter({ hasNotText: '대기 중' }).count()).toBe(2);
    expectChainAndWitness(stored.audit, app.userDataDir);
    expect(app.problems).toEqual([]);
  });
});
