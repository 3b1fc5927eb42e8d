/**
 * The Minutes screen once a meeting's minutes can be made (issue 13): each step shown as main
 * reports it, every making recorded in the audit log and said on the screen, minutes found in the
 * folder made again only when the secretary says so, and the preview of what the PDF prints.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MinutesExportResult } from '../../shared/api';
import { fail, ok } from '../../shared/result';
import { createCouncilApi } from '../../renderer/common/council-api';
import { checkAuditLog } from '../../renderer/db/audit-check';
import type { CouncilDb } from '../../renderer/db/schema';
import { exportMeetingDecisions } from '../../renderer/decisions/export/export-decisions';
import { closeMeeting } from '../../renderer/meeting/meetings-db';
import { decideTwoCases } from './support/decided-meeting';
import { demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { fakeNotary } from './support/fake-notary';
import { renderApp } from './support/render-app';
import { M, roomDbKit } from './support/room-db-kit';

let db: CouncilDb;
let bridge: FakeBridge;
const kit = roomDbKit();
beforeEach(async () => {
  db = kit.db();
  bridge = fakeBridge(demoCouncil());
  fakeNotary(bridge);
  await decideTwoCases(db, kit.putToVote);
  await closeMeeting(db, M);
  await exportMeetingDecisions(db, createCouncilApi(() => bridge), M);
  bridge.previewMinutes.mockImplementation(async ({ language }) => ok({ html: `<section class="minutes" lang="${language}"><h1>회의록 ${language}</h1><p>1015-000001 50,000원</p></section>` }));
});

function made(earlier: string[] = []): MinutesExportResult {
  return {
    files: [{ name: `minutes-${M}-ko.pdf`, sha256: 'a'.repeat(64), paths: [`/sync/minutes/minutes-${M}-ko.pdf`] }],
    attestation: { fileName: `minutes-${M}.dsse.json`, paths: [`/sync/minutes/minutes-${M}.dsse.json`], existed: false, payloadSha256: 'b'.repeat(64), createdAt: '2023-03-02T09:00:00Z' },
    earlier,
  };
}

async function openMinutes() {
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '회의록' }));
  return { app, panel: await screen.findByTestId('minutes-export') };
}

describe('making the minutes', () => {
  it("shows each step as main reports it, then records the making in the audit log and says when the minutes were made", async () => {
    let finish!: (r: MinutesExportResult) => void;
    bridge.exportMinutes.mockImplementation(() => new Promise((resolve) => (finish = (r) => resolve(ok(r)))));
    bridge.getMinutesProgress.mockImplementation(async () => ok({ done: 3, total: 9 }));
    const { app, panel } = await openMinutes();
    await app.user.click(within(panel).getByRole('button', { name: '회의록 만들기' }));

    const steps = await within(panel).findByTestId('minutes-steps');
    await waitFor(() => expect(within(steps).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('33'));
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'done', 'current', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(items[3]!.textContent).toContain('회의록 PDF (영어)');
    expect(within(steps).getByRole('progressbar').getAttribute('aria-valuetext')).toBe('9단계 중 3단계 끝남: 회의록 PDF (영어)');
    await waitFor(() => expect(bridge.exportMinutes).toHaveBeenCalledTimes(1));
    const runId = bridge.exportMinutes.mock.calls[0]![0].runId;
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bridge.getMinutesProgress).toHaveBeenCalledWith({ runId });

    finish(made());
    await waitFor(() => expect(within(panel).getByTestId('minutes-export-status').textContent).toContain(`회의록 증명 minutes-${M}.dsse.json을 썼습니다`));
    expect(within(panel).queryByTestId('minutes-steps')).toBeNull();
    const entries = await db.audit.where('entity').equals('minutes').toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityId: `minutes-${M}.dsse.json`, action: 'export', detail: { meetingId: M, payloadSha256: 'b'.repeat(64), files: { [`minutes-${M}-ko.pdf`]: 'a'.repeat(64) }, earlier: [] } });
    expect((await checkAuditLog(db)).intact).toBe(true);
    expect((await screen.findByTestId('minutes-made')).textContent).toContain(`2023. 3. 2. 18:00에 만들었습니다 (회의록 증명 minutes-${M}.dsse.json)`);
    expect(within(panel).getByRole('button', { name: '회의록 다시 만들기' })).toBeTruthy();
    // what was written stays listed once the screen knows the minutes were made
    expect(screen.getByTestId('minutes-export-status').textContent).toContain(`/sync/minutes/minutes-${M}.dsse.json`);
    expect(screen.getByTestId('minutes-export')).toBe(panel);
  });

  it('makes the minutes again only when the secretary says so, and lists where the earlier ones went', async () => {
    bridge.exportMinutes.mockImplementationOnce(async () => fail('MINUTES_EXIST', `The minutes of meeting ${M} are in /sync/minutes already`));
    const { app, panel } = await openMinutes();
    await app.user.click(within(panel).getByRole('button', { name: '회의록 만들기' }));
    await waitFor(() => expect(within(panel).getByTestId('minutes-export-status').textContent).toContain('이미 폴더에 있어 아무것도 만들지 않았습니다'));
    expect(bridge.exportMinutes.mock.calls[0]![0].again).toBe(false);
    expect(await db.audit.where('entity').equals('minutes').count()).toBe(0);

    bridge.exportMinutes.mockImplementationOnce(async () => ok(made([`/sync/minutes/earlier/2023-03-02T18-00-00+09-00`])));
    await app.user.click(within(panel).getByRole('button', { name: '회의록 다시 만들기' }));
    await waitFor(() => expect(within(panel).getByText('/sync/minutes/earlier/2023-03-02T18-00-00+09-00')).toBeTruthy());
    expect(bridge.exportMinutes.mock.calls[1]![0].again).toBe(true);
    expect(within(panel).getByTestId('minutes-export-status').textContent).toContain('이전 회의록은 다음 폴더로 옮겼습니다');
  });
});

describe('the preview', () => {
  it("shows main's minutes body in a shadow root with the minutes' stylesheet, in the language chosen", async () => {
    const { app } = await openMinutes();
    const preview = await screen.findByTestId('minutes-preview');
    const page = await within(preview).findByTestId('minutes-preview-page');
    await waitFor(() => expect(page.shadowRoot?.querySelector('h1')?.textContent).toBe('회의록 ko'));
    expect(page.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
    expect(page.textContent).toBe(''); // nothing of it in the app's own tree
    expect(bridge.previewMinutes.mock.calls.at(-1)![0]).toMatchObject({ meetingId: M, language: 'ko', signers: { chairName: expect.any(String) } });
    expect(bridge.previewMinutes.mock.calls.at(-1)![0].agenda.length).toBeGreaterThan(0);

    await app.user.click(within(preview).getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(within(preview).getByTestId('minutes-preview-page').shadowRoot?.querySelector('h1')?.textContent).toBe('회의록 en'));
    expect(within(preview).getByRole('region', { name: '회의록 미리 보기: PDF로 인쇄되는 내용' }).tabIndex).toBe(0);
  });

  it('names why there is no preview when main refuses it', async () => {
    bridge.previewMinutes.mockImplementation(async () => fail('MINUTES_INVALID', 'case 1015-000009 of the agenda has no decision in the files'));
    await openMinutes();
    const preview = await screen.findByTestId('minutes-preview');
    await waitFor(() => expect(preview.textContent).toContain('미리 보기를 만들지 못했습니다'));
    expect(preview.textContent).toContain('1015-000009');
  });
});
