/**
 * When a meeting's minutes can be made: only once it is closed and every decision went out in a
 * decision file written into the sync folder; until then, what is missing, counted.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCouncilApi, type CouncilApi } from '../../renderer/common/council-api';
import type { CouncilDb } from '../../renderer/db/schema';
import { exportMeetingDecisions } from '../../renderer/decisions/export/export-decisions';
import { retryQueued } from '../../renderer/decisions/export/outbox';
import { closeMeeting } from '../../renderer/meeting/meetings-db';
import { readMinutesReadiness } from '../../renderer/minutes/minutes-readiness';
import { decideTwoCases } from './support/decided-meeting';
import { demoCouncil } from './support/demo-council';
import { fakeBridge, type FakeBridge } from './support/fake-bridge';
import { fakeNotary } from './support/fake-notary';
import { ok } from '../../shared/result';
import { renderApp } from './support/render-app';
import { M, roomDbKit } from './support/room-db-kit';

let db: CouncilDb;
let bridge: FakeBridge;
let api: CouncilApi;
const kit = roomDbKit();
beforeEach(() => {
  db = kit.db();
  bridge = fakeBridge(demoCouncil());
  api = createCouncilApi(() => bridge);
});

describe('minutes readiness', () => {
  it('says what is missing: the meeting open, its decisions not exported', async () => {
    fakeNotary(bridge);
    await decideTwoCases(db, kit.putToVote);
    expect(await readMinutesReadiness(db, M)).toEqual({ meetingId: M, closed: false, decisions: 2, unexported: 2, queuedFiles: 0, ready: false });
    await closeMeeting(db, M);
    expect(await readMinutesReadiness(db, M)).toMatchObject({ closed: true, unexported: 2, ready: false });
  });

  it('is ready once the meeting is closed and its decision file is written, not while the file waits for the sync folder', async () => {
    const notary = fakeNotary(bridge);
    await decideTwoCases(db, kit.putToVote);
    await closeMeeting(db, M);
    notary.setAvailable(false);
    await exportMeetingDecisions(db, api, M);
    expect(await readMinutesReadiness(db, M)).toMatchObject({ unexported: 0, queuedFiles: 1, ready: false });
    notary.setAvailable(true);
    await retryQueued(db, api);
    expect(await readMinutesReadiness(db, M)).toEqual({ meetingId: M, closed: true, decisions: 2, unexported: 0, queuedFiles: 0, ready: true });
  });

  it('is none for a meeting not stored', async () => {
    expect(await readMinutesReadiness(db, 'no-such-meeting')).toBeNull();
  });
});

describe('the Minutes screen', () => {
  it('names what the chosen meeting still needs', async () => {
    fakeNotary(bridge);
    await decideTwoCases(db, kit.putToVote);
    const app = renderApp(db);
    await app.user.click(await screen.findByRole('link', { name: '회의록' }));
    const root = await waitFor(() => document.querySelector('[data-screen="minutes"]') as HTMLElement);
    const notice = await within(root).findByTestId('minutes-readiness');
    expect(notice.getAttribute('data-ready')).toBe('false');
    expect(within(notice).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '회의를 종료하세요 (회의 화면의 "회의 종료").',
      '아직 내보내지 않은 의결 2건을 의결 화면에서 내보내세요.',
    ]);
  });
});

describe('making the minutes', () => {
  it('sends main the agenda with its suggestions, each case\'s particulars and who signs, and lists what main wrote', async () => {
    const notary = fakeNotary(bridge);
    await decideTwoCases(db, kit.putToVote);
    await closeMeeting(db, M);
    await exportMeetingDecisions(db, api, M);
    expect(notary.signed).toHaveLength(1);
    bridge.exportMinutes.mockImplementation(async () =>
      ok({
        files: [{ name: `minutes-${M}-ko.pdf`, sha256: 'a'.repeat(64), paths: [`/media/usb/sync/minutes/minutes-${M}-ko.pdf`] }],
        attestation: { fileName: `minutes-${M}.dsse.json`, paths: [`/media/usb/sync/minutes/minutes-${M}.dsse.json`], existed: false, payloadSha256: 'b'.repeat(64), createdAt: '2023-03-02T18:00:00+09:00' },
        earlier: [],
      }),
    );
    const app = renderApp(db);
    await app.user.click(await screen.findByRole('link', { name: '회의록' }));
    const panel = await screen.findByTestId('minutes-export');
    await app.user.click(within(panel).getByRole('checkbox', { name: 'English (PDF, DOCX)' }));
    await app.user.click(within(panel).getByRole('button', { name: '회의록 만들기' }));
    await waitFor(() => expect(within(panel).getByTestId('minutes-export-status').textContent).toContain(`회의록 파일 1개와 회의록 증명 minutes-${M}.dsse.json을 썼습니다:`));
    const request = bridge.exportMinutes.mock.calls[0]![0];
    expect(request).toMatchObject({ meetingId: M, languages: ['ko'], chooseFolder: false, again: false, secretary: { memberId: expect.any(String) } });
    const meeting = (await db.meetings.get(M))!;
    expect(request.agenda.map((a) => a.caseId)).toEqual(meeting.agenda);
    expect(request.agenda.every((a) => a.suggestion.reasons.length > 0)).toBe(true);
    for (const caseId of meeting.agenda) expect(request.cases[caseId]).toMatchObject({ bundleId: expect.any(String), representative: expect.any(String) });
    expect(within(panel).getByText(`/media/usb/sync/minutes/minutes-${M}.dsse.json`)).toBeTruthy();
  });
});
