/**
 * A whole meeting on the demo bundle, driven from the keyboard alone, in real Chromium with its
 * real IndexedDB: the demo council, the sync folder, a new meeting and its agenda, the meeting
 * opened, attendance, three individual votes (one case with a recusal from a declared conflict),
 * an over-500,000 case whose first proposal fails and whose second (another amount, with a
 * rationale) passes, a deferral naming the missing documents, a bulk vote over the unflagged T1
 * and T2 cases, a member leaving and the decision refused without quorum, then the audit log
 * backed up (automatically on its close and its decision export, then "Back up now"), then the
 * audit log checked and exported. Only page.keyboard moves (no clicks, no element.focus()).
 *
 * It leaves the audit export in test-results/e2e-sync/audit.ndjson and the backups in backup/, for
 * the systems outside the app that read them, checks that file's chain with nothing but the file,
 * recounts every closed vote from it by the counting rules, opens the backups with the passphrase
 * as main's restore does, and prints how many keystrokes the meeting took.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './app-harness';
import { focusComesTo, tabTo, type Want } from './keyboard-focus';
import { countKeystrokes, goToScreen, roomSteps, type RoomSteps } from './meeting-keyboard';
import { checkAuditFile } from './audit-file';
import { expectMeetingRecord } from './meeting-record-check';
import { backUpTheMeeting, expectAutomaticBackup, expectBackupsInAudit, setBackupPassphrase } from './meeting-backup-step';
import { DEFAULT_DEMO_CASES, DEFAULT_DEMO_SEED } from '../../electron/cli/make-demo-bundle';
import type { BundleContent } from '../../electron/services/bundle-content';
import { generateDemoBundleContent } from '../../electron/services/demo-data';

const SYNC = path.resolve(__dirname, '../../test-results/e2e-sync');
const DEMO_SEED = { cases: DEFAULT_DEMO_CASES, seed: DEFAULT_DEMO_SEED };
let DEMO: BundleContent;
const ROOM = '[data-screen="meeting-room"]';

let app: RunningApp;
let page: Page;
/** How many cases the bulk vote is to take (the preset's, less those taken one by one). */
let bulkCases = 0;
/** Every key the test pressed or typed. */
let keys: { count: number };
let steps: RoomSteps;

beforeAll(async () => {
  rmSync(SYNC, { recursive: true, force: true });
  mkdirSync(SYNC, { recursive: true });
  DEMO = await generateDemoBundleContent(DEMO_SEED);
  app = await launchApp();
  page = app.page;
  keys = countKeystrokes(page);
  steps = roomSteps(page);
}, 120_000);
afterEach(async (context) => {
  // what the screen showed when a step failed, to see why
  if (context.task.result?.state === 'fail') await page.screenshot({ path: path.join(SYNC, '..', 'meeting-e2e-failure.png'), fullPage: true });
});
afterAll(async () => {
  await app?.close();
});

const press = (key: string) => page.keyboard.press(key);
const type = (text: string) => page.keyboard.type(text);
const to = (want: Want, options?: { back?: boolean; max?: number }) => tabTo(page, want, options);
const room = () => page.locator(ROOM);

const MENU = ['사건 묶음', '사건', '회의', '의결', '회의록', '설정'] as const;
const goTo = (screen: string, order: readonly string[]) => goToScreen(page, screen, order);
const shownCase = () => room().locator('[data-room-section="case"]').getAttribute('data-case-id');

describe('a meeting from the keyboard alone', () => {
  it('starts with the demo council and sets the sync folder and a backup passphrase', async () => {
    await page.locator('[data-screen="welcome"]').waitFor();
    await to({ role: 'button', name: '데모 협의체 불러오기' });
    await press('Enter');
    await page.locator('[data-screen="welcome-operator"]').waitFor();
    await to({ role: 'button', name: '시작하기' });
    await press('Enter');
    await page.locator('[data-screen="bundles"]').waitFor();
    await focusComesTo(page, { role: 'heading', name: '사건 묶음' });

    await goTo('설정', MENU);
    app.dialogs.folders.push(SYNC);
    app.dialogs.confirms.push(true);
    await to({ role: 'button', name: '동기화 폴더 고르기…' });
    await press('Enter');
    await expect.poll(() => page.getByText(`동기화 폴더: ${SYNC}`).count()).toBe(1);
    await setBackupPassphrase(page);
  });

  it('makes a meeting: date, start time and place typed, the rules prefilled', async () => {
    await goTo('회의', MENU);
    // Chromium's date and time fields take digits in the browser's own order (here month, day, year)
    await to({ role: 'textbox', name: '날짜' });
    const date = page.getByLabel('날짜', { exact: true });
    await type('03022023');
    if ((await date.inputValue()) !== '2023-03-02') {
      // a browser whose fields read year first
      await press('Shift+Tab');
      await press('Tab');
      await type('20230302');
    }
    await expect.poll(() => date.inputValue()).toBe('2023-03-02');
    await to({ role: 'textbox', name: '시작 시각' });
    await type('0200P');
    await expect.poll(() => page.getByLabel('시작 시각').inputValue()).toBe('14:00');
    await to({ role: 'textbox', name: '장소' });
    await type('협의체 회의실');
    await to({ role: 'button', name: '회의 만들기' });
    await press('Enter');
    await page.locator('[data-screen="meeting-setup"]').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: '2023-03-02 회의' }).count()).toBe(1);
    await expect.poll(() => page.getByText('정족수: 재적 위원 과반수가 출석해야 의결합니다.').count()).toBe(1);
  });

  /** Cases taken one by one, in the order the chair calls them; then the uncontested ones in bulk. */
  const SINGLE = [
    '1015-000011', // T2, unflagged, and 이도현 (m3) declared a conflict with its registration number
    '1015-000003', // T1, flagged: a bank account shared with another case
    '1015-000005', // T2, flagged: a registration number shared with another case
    '1015-000010', // over 500,000: decided case by case
    '1015-000012', // over 500,000, documents missing: deferred
  ];
  const agendaRows = () => page.locator('[data-screen="meeting-setup"] table tbody tr');

  it('builds the agenda: five cases by number, then every unflagged T1 and T2 case by the preset', async () => {
    await to({ role: 'searchbox', name: '사건 번호 또는 상호' });
    for (const [i, caseId] of SINGLE.entries()) {
      await type(caseId);
      await press('Enter');
      await expect.poll(() => agendaRows().count()).toBe(i + 1);
      await expect.poll(() => page.getByRole('searchbox', { name: '사건 번호 또는 상호' }).inputValue()).toBe('');
    }
    await to({ role: 'combobox', name: '고르는 방법' }, { back: true });
    const pick = page.getByRole('combobox', { name: '고르는 방법' });
    for (let i = 0; i < 5 && (await pick.inputValue()) !== 'unflaggedFixedAward'; i += 1) await press('ArrowDown');
    expect(await pick.inputValue()).toBe('unflaggedFixedAward');
    // 1015-000011 is on the agenda already: the preset says so and leaves it out
    await expect.poll(() => page.getByTestId('agenda-preview').textContent()).toContain('이미 안건에 있는 사건 1건은 넣지 않음');
    const add = await to({ role: 'button', name: /건 안건에 추가$/ });
    const adding = Number(/(\d+)건 안건에 추가/.exec(add.name)![1]);
    await press('Enter');
    await expect.poll(() => agendaRows().count()).toBe(SINGLE.length + adding);
    bulkCases = adding;
  });

  it('opens the meeting and goes into the room on the first case', async () => {
    await to({ role: 'button', name: '회의 시작' }, { back: true, max: 80 });
    await press('Enter');
    await focusComesTo(page, { role: 'span', name: '상태: 진행 중' });
    await to({ role: 'button', name: '회의장으로' });
    await press('Enter');
    await room().waitFor();
    await expect.poll(shownCase).toBe(SINGLE[0]);
    // the room's panels are drawn (on a busy machine they follow the case by a moment)
    await room().getByRole('button', { name: '정한결 도착' }).waitFor();
  });

  it('records attendance: four members arrive, 강민재 stays away, quorum is met', async () => {
    await press('m');
    for (const name of ['정한결', '박서윤', '이도현', '최지아']) {
      await focusComesTo(page, { role: 'button', name: `${name} 도착` });
      await press('Enter');
      await focusComesTo(page, { role: 'button', name: `${name} 퇴장` });
      if (name !== '최지아') await press('Tab');
    }
    await expect.poll(() => room().getByTestId('room-meeting-quorum').textContent()).toBe('출석 4명 / 재적 5명, 정족수 3명 — 정족수 충족');
  });

  let projector: Page;

  it('opens the projector view with W: the case in front of the council, no personal data', async () => {
    const opened = app.context.waitForEvent('page');
    await press('w');
    projector = await opened;
    const business = projector.getByTestId('projector-business');
    await business.waitFor();
    const record = DEMO.cases.find((c) => c.caseId === SINGLE[0])!;
    await expect.poll(() => business.textContent()).toContain(record.business.name);
    const text = (await projector.locator('body').textContent())!;
    expect(text).toContain(record.business.region);
    for (const personal of [record.business.representative, record.business.registrationNo, record.bankAccountFingerprint, record.statement.slice(0, 20)]) {
      if (personal) expect(text).not.toContain(personal);
    }
    expect(await projector.content()).not.toContain(record.business.registrationNo);
  });

  it('1015-000011: 이도현 recused from the declared conflict, his vote refused, the others approve', async () => {
    const suggested = room().getByTestId('room-suggested-recusals');
    await expect.poll(() => suggested.textContent()).toContain('신고된 이해충돌: 이도현');
    await to({ role: 'button', name: '회피 확정' });
    await press('Enter');
    await expect.poll(() => room().getByTestId('room-recusals').textContent()).toContain('이도현: 회피');

    await press('p');
    await focusComesTo(page, { role: 'button', name: '제안대로 상정: T2 50,000원' });
    await press('Enter');
    await focusComesTo(page, { role: 'button', name: /^정한결 \(위원장\)/ });
    await press('a');
    await focusComesTo(page, { role: 'button', name: /^박서윤 \(위원\)/ });
    // down to the recused member: his vote is refused, and said why
    await press('ArrowDown');
    await focusComesTo(page, { role: 'button', name: /^이도현 \(위원\)/ });
    await press('a');
    await expect.poll(() => room().getByTestId('room-problem').textContent()).toBe('이도현 위원은 이 사건에서 회피했으므로 표결할 수 없습니다.');
    await press('ArrowUp');
    await press('y');
    await focusComesTo(page, { role: 'button', name: /^최지아 \(위원\)/ });
    await press('a');
    // everyone who can vote has: on to closing the vote; the wall shows the tally live
    await focusComesTo(page, { role: 'button', name: '표결 종료' });
    await expect.poll(() => projector.getByTestId('projector-verdict').textContent()).toBe('현재 가결 요건 충족');
    await press('Enter');
    await expect.poll(() => room().getByText('상정안 1: 지원금 50,000원 (T2 구간, 제안대로) — 가결').count()).toBeGreaterThan(0);
  });

  it('refuses the decision once a member leaves and quorum is lost; records it when she is back', async () => {
    // 이도현 recused, 강민재 away: 3 of this case's 4 members are here, quorum 3. 최지아 leaves.
    await press('m');
    await to({ role: 'button', name: '최지아 퇴장' });
    await press('Enter');
    await expect.poll(() => room().getByTestId('room-meeting-quorum').textContent()).toBe('출석 3명 / 재적 5명, 정족수 3명 — 정족수 충족');
    await press('d');
    await focusComesTo(page, { role: 'button', name: '의결 기록' });
    await expect.poll(() => room().getByTestId('room-decision-form').textContent()).toContain('정족수 미달로 기록할 수 없습니다: 출석 2명, 정족수 3명 (재적 4명).');
    await press('Enter');
    await expect.poll(() => room().getByTestId('room-problem').textContent()).toContain('정족수 미달로 기록할 수 없습니다');
    expect(await room().getByTestId('room-decision').count()).toBe(0);

    await press('m');
    await to({ role: 'button', name: '최지아 도착' });
    await press('Enter');
    await press('d');
    await focusComesTo(page, { role: 'button', name: '의결 기록' });
    await press('Enter');
    await expect.poll(() => room().getByTestId('room-decision').getAttribute('data-outcome')).toBe('award');
  });

  const votes = (keysInOrder: string) => steps.votes(keysInOrder);
  const proposeAmount = (amount: string) => steps.proposeAmount(amount);
  const decideWithRationale = (rationale: string) => steps.decideWithRationale(rationale);
  const closedAs = (words: string) => steps.closedAs(words);

  it('1015-000003 (flagged, T1): the suggestion passes 3 to 1 and is decided', async () => {
    await press(']');
    await expect.poll(shownCase).toBe(SINGLE[1]);
    await press('p');
    await focusComesTo(page, { role: 'button', name: '제안대로 상정: T1 30,000원' });
    await press('Enter');
    await focusComesTo(page, { role: 'button', name: /^정한결/ });
    await votes('aaar');
    await closedAs('상정안 1: 지원금 30,000원 (T1 구간, 제안대로) — 가결');
    await press('d');
    await focusComesTo(page, { role: 'button', name: '의결 기록' });
    await press('Enter');
    await expect.poll(() => room().getByTestId('room-decision').getAttribute('data-outcome')).toBe('award');
  });

  it('1015-000005 (flagged, T2): a rejection passes and is decided with its rationale', async () => {
    await press(']');
    await expect.poll(shownCase).toBe(SINGLE[2]);
    await press('p');
    await to({ role: 'button', name: '기각 상정' });
    await press('Enter');
    await focusComesTo(page, { role: 'button', name: /^정한결/ });
    await votes('aaaa');
    await closedAs('상정안 1: 기각 — 가결');
    // rejecting a case with a suggested tier needs a rationale
    await decideWithRationale('같은 사업자등록번호로 두 번 신청되었습니다.');
    await expect.poll(() => room().getByTestId('room-decision').getAttribute('data-outcome')).toBe('reject');
  });

  it('1015-000010 (over 500,000): 500,000 fails, then 300,000 passes and is decided with a rationale', async () => {
    await press(']');
    await expect.poll(shownCase).toBe(SINGLE[3]);
    await proposeAmount('500000');
    await votes('rraa');
    await closedAs('상정안 1: 지원금 500,000원 (T3 구간) — 부결');
    // a failed proposal is followed by another on the same case
    await proposeAmount('300000');
    await votes('aaaa');
    await closedAs('상정안 2: 지원금 300,000원 (T3 구간) — 가결');
    await decideWithRationale('영업 중단 기간의 매출 감소 일부만 증빙되어 300,000원으로 정합니다.');
    const decision = room().getByTestId('room-decision');
    await expect.poll(() => decision.getAttribute('data-outcome')).toBe('award');
    expect(await decision.textContent()).toContain('300,000원');
  });

  it('1015-000012 (documents missing): a deferral naming them passes and is decided', async () => {
    await press(']');
    await expect.poll(shownCase).toBe(SINGLE[4]);
    await press('p');
    await to({ role: 'button', name: '보류 상정 (서류 보완)…' });
    await press('Enter');
    await focusComesTo(page, { role: 'checkbox' });
    // the documents the case lacks come ticked
    const missing = await room().locator('[data-testid="room-defer-form"] label:has(input:checked)').allTextContents();
    expect(missing.length).toBeGreaterThan(0);
    await to({ role: 'button', name: '상정' });
    await press('Enter');
    await focusComesTo(page, { role: 'button', name: /^정한결/ });
    await votes('aaaa');
    await closedAs(`상정안 1: 보류 — 보완 서류 ${missing.join(', ')} — 가결`);
    await press('d');
    await focusComesTo(page, { role: 'button', name: '의결 기록' });
    await press('Enter');
    const decision = room().getByTestId('room-decision');
    await expect.poll(() => decision.getAttribute('data-outcome')).toBe('defer');
    for (const name of missing) expect(await decision.textContent()).toContain(name);
  });

  it('bulk-votes every unflagged T1 and T2 case left: confirmed with its count and total, member by member, then decided', async () => {
    await press('g');
    const preset = page.getByTestId('bulk-preset-summary');
    await expect.poll(() => preset.textContent()).toMatch(new RegExp(`^확인 필요 표시 없는 T1·T2 사건 ${bulkCases}건 · 제안 지원금 합계 [\\d,]+원$`));
    await focusComesTo(page, { role: 'button', name: `${bulkCases}건 제안대로 상정하고 표결` });
    await press('Enter');
    const dialog = page.locator('[data-dialog="bulk-vote"]');
    await dialog.waitFor();
    for (const name of ['정한결', '박서윤', '이도현', '최지아']) {
      await focusComesTo(page, { role: 'radio', name: new RegExp(`^${name} `) });
      await press('a');
      await focusComesTo(page, { role: 'button', name: `${bulkCases}건 기록` });
      // the confirmation says who, which vote, on how many cases, and their total
      expect(await dialog.textContent()).toMatch(new RegExp(`${name} · 찬성 · ${bulkCases}건에 기록 \\(지원금 합계 [\\d,]+원\\)`));
      await press('Enter');
      await expect.poll(() => dialog.textContent()).toContain(`${name}의 찬성 표결을 ${bulkCases}건 기록했습니다.`);
    }
    await press('Escape');
    await focusComesTo(page, { role: 'button', name: '표결 마감하고 가결된 사건 의결' });
    await press('Enter');
    await expect.poll(() => page.getByTestId('bulk-close-result').textContent(), { timeout: 30_000 }).toBe(`의결 ${bulkCases}건, 부결 0건.`);
    await to({ role: 'button', name: '닫기' });
    await press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('closes the meeting: read-only from then on', async () => {
    await to({ role: 'button', name: '← 안건으로 돌아가기' }, { back: true, max: 80 });
    await press('Enter');
    await page.locator('[data-screen="meeting-setup"]').waitFor();
    await expect.poll(() => page.getByTestId('meeting-status').textContent(), { timeout: 30_000 }).toBe('상태: 진행 중');
    await to({ role: 'button', name: '회의 종료' });
    await press('Enter');
    await expect.poll(() => page.getByText('종료된 회의입니다. 더는 바꿀 수 없습니다.').count()).toBe(1);
    // the button is gone: focus stays on the status it changed
    await focusComesTo(page, { role: 'span', name: '상태: 종료' });
    await expectAutomaticBackup(page, SYNC, 'meeting-closed');
  });

  it("makes this device's chair and secretary keys, trusts them, and exports the trust file for the payment side", async () => {
    await goTo('설정', MENU);
    await page.getByRole('button', { name: '위원장 키 만들기' }).waitFor();
    for (const role of ['위원장 키', '간사 키']) {
      await to({ role: 'button', name: `${role} 만들기` }, { max: 80 });
      await press('Enter');
      await expect.poll(() => page.getByTestId(role === '위원장 키' ? 'keyid-chair' : 'keyid-secretary').count()).toBe(1);
    }
    // the roster's chair and secretary named the keys; trusting them asks the native confirmation
    app.dialogs.confirms.push(true);
    await to({ role: 'button', name: '이 기기의 키 신뢰하기…' });
    await press('Enter');
    await expect.poll(() => page.getByText('이 기기의 위원장 키와 간사 키를 신뢰합니다.').count()).toBe(1);
    expect(app.dialogs.asked.at(-1)!.detail).toContain(await page.getByTestId('keyid-chair').textContent());
    app.dialogs.saves.push(path.join(SYNC, 'trust.json'));
    await to({ role: 'button', name: '신뢰 파일 내보내기…' }, { back: true });
    await press('Enter');
    await expect.poll(() => page.getByText(`신뢰 파일을 내보냈습니다: ${path.join(SYNC, 'trust.json')}`).count()).toBe(1);
  });

  it("exports the meeting's decisions as one file signed by the chair's key, after the native confirmation; again, nothing new", async () => {
    await goTo('의결', MENU);
    const table = page.getByTestId('decision-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(SINGLE.length + bulkCases);
    app.dialogs.confirms.push(true);
    await to({ role: 'button', name: '의결 내보내기' });
    await press('Enter');
    const status = page.getByTestId('decision-export-status');
    const file = path.join(SYNC, 'outbox', 'decisions-2023-03-02-0001.dsse.json');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe(`decisions-2023-03-02-0001.dsse.json: 의결 ${SINGLE.length + bulkCases}건을 서명해 썼습니다 (${file}).`);
    // the confirmation said what is signed: the meeting, how many decisions, the total
    expect(app.dialogs.asked.at(-1)!.detail).toMatch(new RegExp(`2023-03-02[\\s\\S]*${SINGLE.length + bulkCases}[\\s\\S]*[\\d,]+원`));
    // every decision now names its file and sequence
    await expect.poll(() => table.locator('tbody tr', { hasText: 'decisions-2023-03-02-0001.dsse.json' }).count()).toBe(SINGLE.length + bulkCases);
    await focusComesTo(page, { role: 'button', name: '의결 내보내기' });
    await press('Enter');
    await expect.poll(() => page.getByTestId('decision-export-why').textContent()).toContain('새로 내보낼 의결이 없습니다.');
    expect(readdirSync(path.join(SYNC, 'outbox'))).toEqual(['decisions-2023-03-02-0001.dsse.json']);
    expect(readdirSync(path.join(SYNC, 'keys'))).toHaveLength(1);
    await expectAutomaticBackup(page, SYNC, 'decision-export');
  });

  it("makes the minutes in both languages, the payment list and the secretary's attestation, into the sync folder's minutes/", async () => {
    await goTo('회의록', MENU);
    await expect.poll(() => page.getByTestId('minutes-readiness').getAttribute('data-ready')).toBe('true');
    // the preview is the PDF's body: the decided cases with their awards, the decision file named
    const preview = page.getByTestId('minutes-preview-page');
    await expect.poll(() => preview.evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toContain('decisions-2023-03-02-0001.dsse.json');
    for (const caseId of SINGLE) expect(await preview.evaluate((el) => el.shadowRoot!.textContent)).toContain(caseId);
    app.dialogs.confirms.push(true);
    await to({ role: 'button', name: '회의록 만들기' });
    await press('Enter');
    await expect.poll(() => page.getByTestId('minutes-export-status').textContent(), { timeout: 60_000 }).toContain('회의록 증명 minutes-2023-03-02.dsse.json을 썼습니다');
    expect(readdirSync(path.join(SYNC, 'minutes')).sort()).toEqual(
      ['minutes-2023-03-02-en.docx', 'minutes-2023-03-02-en.pdf', 'minutes-2023-03-02-ko.docx', 'minutes-2023-03-02-ko.pdf', 'minutes-2023-03-02.dsse.json', 'payments-2023-03-02.csv', 'payments-2023-03-02.xlsx'],
    );
    // said on the screen, and the button now makes them again
    await expect.poll(() => page.getByTestId('minutes-made').textContent()).toContain('minutes-2023-03-02.dsse.json');
    expect(await page.getByRole('button', { name: '회의록 다시 만들기' }).count()).toBe(1);
  });

  it('backs the decided meeting up with "Back up now": the file in backup/ opens with the passphrase and holds this profile', async () => {
    await goTo('설정', MENU);
    await backUpTheMeeting(page, SYNC, { decisions: SINGLE.length + bulkCases });
    await goTo('의결', MENU);
  });

  it('finds the audit chain intact and exports it; the file checks out and every closed vote recounts', async () => {
    // back on the Decisions screen
    const status = page.getByTestId('audit-status');
    await expect.poll(() => status.textContent()).toMatch(/^감사 기록: 이상 없음, [\d,]+개 항목$/);
    const before = new Set(readdirSync(SYNC));
    await to({ role: 'button', name: '감사 기록 내보내기' });
    await press('Enter');
    await expect.poll(() => readdirSync(SYNC).filter((f) => !before.has(f) && f.endsWith('.ndjson')).length).toBe(1);
    const written = readdirSync(SYNC).find((f) => !before.has(f) && f.endsWith('.ndjson'))!;
    expect(written).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.ndjson$/);
    copyFileSync(path.join(SYNC, written), path.join(SYNC, 'audit.ndjson'));

    const { entries, broken } = checkAuditFile(readFileSync(path.join(SYNC, 'audit.ndjson'), 'utf8'));
    expect(broken).toBeNull();
    const shown = Number((await status.textContent())!.replace(/\D/g, ''));
    expect(entries.length).toBe(shown);
    expectMeetingRecord(entries, { sync: SYNC, single: SINGLE, bulkCases });
    expectBackupsInAudit(entries, SYNC);

    console.log(`the meeting took ${keys.count} keystrokes (${SINGLE.length} cases one by one, ${bulkCases} in one bulk vote; ${entries.length} audit entries)`);
    expect(app.problems).toEqual([]);
  });
});
