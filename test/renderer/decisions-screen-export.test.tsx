/**
 * The Decisions screen's decision files: every decision of the meeting in a table, exported or not,
 * with its file name and sequence once exported; "Export decisions" from the keyboard, inert with
 * its reason when nothing is new or no chair key can sign; the queued notice and Retry while the
 * sync folder is gone; main's refusal shown, naming the decision and the field.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCouncilApi } from '../../renderer/common/council-api';
import type { CouncilDb } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { exportMeetingDecisions } from '../../renderer/decisions/export/export-decisions';
import { recordDecision, reopenDecision } from '../../renderer/meeting/room/decision-db';
import { decideTwoCases } from './support/decided-meeting';
import { demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { fakeNotary, type NotaryOptions } from './support/fake-notary';
import { renderApp } from './support/render-app';
import { ALL_APPROVE, at, C1, C2, M, roomDbKit } from './support/room-db-kit';

const FILE1 = `decisions-${M}-0001.dsse.json`;
const SLOW = { timeout: 8000 };

let db: CouncilDb;
const kit = roomDbKit();
beforeEach(() => {
  db = kit.db();
});

function withNotary(options: NotaryOptions = {}) {
  const bridge = fakeBridge(demoCouncil());
  return { bridge, notary: fakeNotary(bridge, options) };
}

async function openDecisions(app: ReturnType<typeof renderApp>, region = '회의의 의결과 의결 파일') {
  await app.user.click(await screen.findByRole('link', { name: /^(의결|Decisions)$/ }));
  return within(await screen.findByRole('region', { name: region }));
}

/** The table's rows as [case, revision, outcome, award, file, sequence] (the time left out). */
async function tableRows(panel: ReturnType<typeof within>) {
  const table = await panel.findByRole('table', { name: `${M} 회의의 의결` });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent))
    .map(([caseId, revision, outcome, award, , file, sequence]) => [caseId, revision, outcome, award, file, sequence]);
}

const exportButton = (panel: ReturnType<typeof within>) => panel.getByRole('button', { name: '의결 내보내기' });

describe('the decision files on the Decisions screen', () => {
  it('lists every decision; exported from the keyboard, they show their file and sequence, and the button says nothing is new', async () => {
    const { bridge } = withNotary();
    await decideTwoCases(db, kit.putToVote);
    const app = renderApp(db);
    const panel = await openDecisions(app);
    expect(await tableRows(panel)).toEqual([
      [C1, '1', '지원', '30,000원', '', ''],
      [C2, '1', '지원', '50,000원', '', ''],
    ]);
    expect(panel.getByText('새로 내보낼 의결: 2건')).toBeTruthy();

    exportButton(panel).focus();
    await app.user.keyboard('{Enter}');
    await waitFor(() => expect(panel.getByTestId('decision-export-status').textContent).toBe(`${FILE1}: 의결 2건을 서명해 썼습니다 (/media/usb/sync/outbox/${FILE1}).`), SLOW);
    await waitFor(async () =>
      expect(await tableRows(panel)).toEqual([
        [C1, '1', '지원', '30,000원', FILE1, '1'],
        [C2, '1', '지원', '50,000원', FILE1, '1'],
      ]),
    );
    await waitFor(() => expect(exportButton(panel).getAttribute('aria-disabled')).toBe('true'));
    expect(panel.getByTestId('decision-export-why').textContent).toBe('새로 내보낼 의결이 없습니다. 다시 내보내도 새로 쓰이는 파일은 없습니다.');
    expect(document.activeElement).toBe(exportButton(panel));
    await app.user.keyboard('{Enter}');
    expect(bridge.exportDecisions).toHaveBeenCalledTimes(1);
  });

  it('shows a reopened decision beside its next revision, which waits for the next file', async () => {
    const { bridge } = withNotary();
    await decideTwoCases(db, kit.putToVote);
    await exportMeetingDecisions(db, createCouncilApi(() => bridge), M);
    await reopenDecision(db, { meetingId: M, caseId: C1, reason: '청구 금액 정정 서류 접수' }, at(40));
    const again = await kit.putToVote(C1, { kind: 'reject' }, { m1: 'approve', m2: 'approve', m4: 'approve', m5: 'approve' }, 45);
    await recordDecision(db, { meetingId: M, caseId: C1, proposalNo: again.no, rationale: '정정 서류로 손실 없음 확인' }, at(47));
    const panel = await openDecisions(renderApp(db));
    expect(await tableRows(panel)).toEqual([
      [C1, '1', '지원 다시 심의함', '30,000원', FILE1, '1'],
      [C2, '1', '지원', '50,000원', FILE1, '1'],
      [C1, '2', '기각', '', '', ''],
    ]);
    expect(panel.getByText('새로 내보낼 의결: 1건')).toBeTruthy();
  });

  it('says the file is signed and waits while the sync folder is gone, and writes it on Retry once it is back', async () => {
    const { notary } = withNotary();
    notary.setAvailable(false);
    await decideTwoCases(db, kit.putToVote);
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await app.user.click(exportButton(panel));
    await waitFor(() => expect(panel.getByTestId('decision-export-status').textContent).toBe(`${FILE1}: 의결 2건을 서명했습니다. 동기화 폴더에 아직 쓸 수 없어, 쓸 수 있게 되면 씁니다.`), SLOW);
    const notice = within(await panel.findByRole('region', { name: '동기화 폴더를 기다리는 의결 파일' }));
    expect(notice.getByText('동기화 폴더에 연결할 수 없습니다. 파일은 서명되어 있으며 폴더가 돌아오면 쓰입니다.')).toBeTruthy();
    await waitFor(() => expect(notice.getByText(`기다리는 파일: ${FILE1}`)).toBeTruthy());
    expect((await tableRows(panel))[0]).toEqual([C1, '1', '지원', '30,000원', `${FILE1} 대기 중`, '1']);

    notary.setAvailable(true);
    await app.user.click(notice.getByRole('button', { name: '다시 시도' }));
    await waitFor(() => expect(panel.getByTestId('decision-outbox-written').textContent).toBe('기다리던 의결 파일 1개를 동기화 폴더에 썼습니다.'));
    await waitFor(() => expect(panel.queryByRole('region', { name: '동기화 폴더를 기다리는 의결 파일' })).toBeNull());
    expect((await tableRows(panel))[0]).toEqual([C1, '1', '지원', '30,000원', FILE1, '1']);
    expect(await db.exports.get([M, 1])).toMatchObject({ state: 'written', path: `/media/usb/sync/outbox/${FILE1}` });
  });

  it("shows main's refusal in an alert naming the decision and the field, and records nothing", async () => {
    const { bridge } = withNotary();
    bridge.exportDecisions.mockResolvedValueOnce({ ok: false, error: { code: 'DECISION_REFUSED', message: `decisions[1].award (case ${C2}): the award 50,000 exceeds the claimed loss 40,000.` } });
    await decideTwoCases(db, kit.putToVote);
    const app = renderApp(db);
    const panel = await openDecisions(app);
    await app.user.click(exportButton(panel));
    const alert = await panel.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('공증 절차가 의결 파일을 거부해 아무것도 서명하지 않았습니다.');
    expect(alert.textContent).toContain(`decisions[1].award (case ${C2})`);
    expect(alert.textContent).toContain('DECISION_REFUSED');
    expect((await tableRows(panel)).map((r) => r[4])).toEqual(['', '']);
    expect(exportButton(panel).getAttribute('aria-disabled')).toBe('false');
  });

  it("is inert with the reason when no chair key can be made here, and points to Settings → This device's signing keys; in English too", async () => {
    const { bridge } = withNotary({ chairKey: 'passphrase' });
    await decideTwoCases(db, kit.putToVote);
    await writeSetting(db, 'language', 'en');
    const app = renderApp(db);
    const panel = await openDecisions(app, "A meeting's decisions and decision files");
    const button = panel.getByRole('button', { name: 'Export decisions' });
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    const why = panel.getByTestId('decision-export-why');
    expect(why.textContent).toContain("Settings → This device's signing keys");
    expect(button.getAttribute('aria-describedby')).toBe(why.id);
    await app.user.click(button);
    expect(bridge.exportDecisions).not.toHaveBeenCalled();
    expect(await panel.findByRole('table', { name: `Decisions of meeting ${M}` })).toBeTruthy();
  });
});
