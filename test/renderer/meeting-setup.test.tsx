/**
 * The Meeting screen in jsdom: a meeting created by keyboard, its agenda filled by a preset from
 * the demo council's cases (decided ones refused, deferred ones marked), by the bundle preset and
 * by id, reordered with Alt+arrows, the buttons and a drag, each move announced; removal, and
 * the status planned -> open -> closed, after which nothing changes.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetCasesStore } from '../../renderer/cases/cases-store';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { useUiStore } from '../../renderer/common/ui-store';
import { openCouncilDb } from '../../renderer/db/schema';
import { addToAgenda, createMeeting } from '../../renderer/meeting/meetings-db';
import { demoCouncil } from './support/demo-council';
import { fakeBridge } from './support/fake-bridge';
import { caseIdOf, decision, seedMeetingCouncil } from './support/meeting-council';
import { freshDbName, renderApp } from './support/render-app';

afterEach(() => {
  resetCasesStore();
  resetAnnouncer();
});

const MEETING = '2023-03-02';
const said = () => useAnnouncerStore.getState().polite?.text;

async function openMeetingScreen(prepare?: (db: ReturnType<typeof openCouncilDb>) => Promise<void>) {
  fakeBridge(demoCouncil());
  const db = openCouncilDb(freshDbName());
  await seedMeetingCouncil(db);
  await prepare?.(db);
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '회의' }));
  await waitFor(() => expect(document.querySelector('[data-screen^="meeting"]')).not.toBeNull());
  return app;
}

/** The meeting's setup, already created (with cases on its agenda when given). */
async function openSetup(agenda: number[] = [], prepare?: (db: ReturnType<typeof openCouncilDb>) => Promise<void>) {
  const app = await openMeetingScreen(async (db) => {
    await createMeeting(db, { meetingId: MEETING, date: MEETING, place: '협의체 회의실', startTime: '14:00' });
    if (agenda.length > 0) await addToAgenda(db, MEETING, agenda.map(caseIdOf));
    await prepare?.(db);
  });
  await app.user.click(await screen.findByRole('button', { name: MEETING }));
  const root = await waitFor(() => {
    const el = document.querySelector<HTMLElement>('[data-screen="meeting-setup"]');
    expect(el).not.toBeNull();
    return el!;
  });
  return { ...app, root };
}

const agendaTable = () => screen.getByRole('table', { name: /^안건 \d+건$/ });
const agendaIds = () => within(agendaTable()).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-case-id'));
const rowOf = (caseId: string) => within(agendaTable()).getAllByRole('row').find((r) => r.getAttribute('data-case-id') === caseId)!;

describe('the list of meetings', { timeout: 20_000 }, () => {
  it('says there is none yet, and keeps the members table', async () => {
    await openMeetingScreen();
    expect(await screen.findByTestId('meetings-empty')).toBeTruthy();
    const members = screen.getByRole('table', { name: '위원 명단' });
    expect(within(members).getAllByRole('row')).toHaveLength(7);
  });

  it('creates a meeting by keyboard: the id follows the date, Enter creates it, the setup opens with its heading focused', async () => {
    const { user, db } = await openMeetingScreen();
    const date = await screen.findByLabelText('날짜');
    date.focus();
    await user.keyboard('2023-03-02');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('시작 시각'));
    await user.keyboard('14:00');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('장소'));
    await user.keyboard('협의체 회의실');
    await user.tab();
    const id = screen.getByLabelText('회의 번호');
    expect(document.activeElement).toBe(id);
    expect(id).toHaveProperty('value', '2023-03-02');
    await user.keyboard('{Enter}');

    const heading = await screen.findByRole('heading', { level: 1, name: '2023-03-02 회의' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await waitFor(() => expect(said()).toBe('2023-03-02 회의를 만들었습니다.'));
    expect(useUiStore.getState()).toMatchObject({ meetingId: '2023-03-02', meetingView: 'setup' });
    expect(await db.meetings.get('2023-03-02')).toMatchObject({ place: '협의체 회의실', startTime: '14:00', status: 'planned' });
    expect((await screen.findByTestId('meeting-status')).textContent).toBe('상태: 예정');
    expect(screen.getByTestId('meeting-rules').textContent).toContain('정족수: 재적 위원 과반수가 출석해야 의결합니다.');
    expect(screen.getByTestId('meeting-rules').textContent).toContain('가부동수: 부결된 것으로 봅니다.');

    // back to the list: the meeting is listed with its status and agenda size
    await user.click(screen.getByRole('button', { name: '회의 목록으로' }));
    const list = await screen.findByRole('table', { name: '회의 목록' });
    const row = within(list).getAllByRole('row')[1]!;
    expect(Array.from(row.querySelectorAll('th, td'), (c) => c.textContent)).toEqual(['2023-03-02', '2023년 3월 2일', '14:00', '협의체 회의실', '예정', '0건']);
  });

  it('says which fields are refused and why, and puts the focus on the first', async () => {
    const { user, db } = await openMeetingScreen();
    const place = await screen.findByLabelText('장소');
    await user.type(screen.getByLabelText('회의 번호'), 'bad id!');
    place.focus();
    await user.keyboard('{Enter}');
    const date = screen.getByLabelText('날짜');
    await waitFor(() => expect(document.activeElement).toBe(date));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('회의 번호').getAttribute('aria-describedby')).toBeTruthy();
    const form = screen.getByRole('form', { name: '새 회의' });
    expect(form.textContent).toContain('영문, 숫자, -, _, . 로 1~64자여야 합니다.');
    expect(form.textContent).toContain('입력하세요.');
    expect(await db.meetings.count()).toBe(0);
  });
});

describe('the agenda', { timeout: 20_000 }, () => {
  it('adds "every unflagged T1 and T2 case" with a preview first: the decided case refused, the deferred one marked', async () => {
    const { user, db } = await openSetup([], async (db) => {
      await db.decisions.bulkPut([decision(caseIdOf(4), 'defer', { missingDocuments: ['bank-account'] }), decision(caseIdOf(5), 'award')]);
    });
    expect(await screen.findByTestId('agenda-empty')).toBeTruthy();
    // the preset names the policy's fixed-award tiers; nothing here knows their numbers
    await user.selectOptions(screen.getByLabelText('고르는 방법'), screen.getByRole('option', { name: '확인 필요 표시가 없는 T1, T2 사건 전부' }));
    const preview = screen.getByTestId('agenda-preview');
    await waitFor(() => expect(preview.textContent).toContain('맞는 사건 2건'));
    expect(preview.textContent).toContain('추가할 사건 1건');
    expect(preview.textContent).toContain('그중 보류된 사건 1건 (서류 대기)');
    expect(preview.textContent).toContain('의결된 사건 1건은 넣지 않음');

    await user.click(screen.getByRole('button', { name: '1건 안건에 추가' }));
    await waitFor(() => expect(agendaIds()).toEqual([caseIdOf(4)]));
    const text = '안건에 1건을 추가했습니다. 그중 보류된 사건 1건은 서류 대기로 표시했습니다. 의결된 사건 1건은 넣지 않았습니다.';
    await waitFor(() => expect(said()).toBe(text));
    expect(screen.getByTestId('agenda-add-outcome').textContent).toBe(text);
    const cells = Array.from(rowOf(caseIdOf(4)).querySelectorAll('th, td'), (c) => c.textContent);
    expect(cells.slice(0, 7)).toEqual(['1', caseIdOf(4), '가게 4', 'T1', '30,000원', '없음', '보류: 서류 대기 (통장 사본)']);
    expect((await db.meetings.get(MEETING))!.agenda).toEqual([caseIdOf(4)]);
    // the preview now counts it as on the agenda
    await waitFor(() => expect(preview.textContent).toContain('이미 안건에 있는 사건 1건은 넣지 않음'));
  });

  it("adds a bundle's case-by-case and flagged cases, the filters' picks, and one case by id", async () => {
    const { user } = await openSetup([]);
    await user.selectOptions(await screen.findByLabelText('고르는 방법'), 'bundle:1015-2023-B07');
    expect(screen.getByRole('option', { name: '1015-2023-B07: 개별 심의 구간(T3) 사건과 확인 필요 표시가 있는 사건 전부' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('agenda-preview').textContent).toContain('추가할 사건 4건'));
    await user.click(screen.getByRole('button', { name: '4건 안건에 추가' }));
    await waitFor(() => expect(agendaIds()).toEqual([1, 2, 3, 6].map(caseIdOf)));
    expect(rowOf(caseIdOf(3)).textContent).toContain(`T3개별 심의`);

    // the filters: no tier, unflagged
    await user.selectOptions(screen.getByLabelText('고르는 방법'), 'filter');
    await user.selectOptions(screen.getByLabelText('제안 구간'), 'none');
    await user.selectOptions(screen.getByLabelText('확인 필요 표시'), 'unflagged');
    await waitFor(() => expect(screen.getByTestId('agenda-preview').textContent).toContain('맞는 사건 1건'));
    await user.selectOptions(screen.getByLabelText('제안 구간'), 'T2');
    await user.selectOptions(screen.getByLabelText('확인 필요 표시'), 'all');
    // T2: case 2 (on the agenda already) and case 5
    await waitFor(() => expect(screen.getByTestId('agenda-preview').textContent).toContain('이미 안건에 있는 사건 1건은 넣지 않음'));
    expect(screen.getByRole('option', { name: 'T2 · 50,000원' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'T3 · 개별 심의' })).toBeTruthy();

    // one case by id: Enter adds the case whose id was typed
    await user.type(screen.getByRole('searchbox', { name: '사건 번호 또는 상호' }), `${caseIdOf(7)}{Enter}`);
    await waitFor(() => expect(agendaIds()).toEqual([1, 2, 3, 6, 7].map(caseIdOf)));
    await waitFor(() => expect(said()).toBe('안건에 1건을 추가했습니다.'));
    // a second time it is refused, and says so
    await user.type(screen.getByRole('searchbox', { name: '사건 번호 또는 상호' }), '가게 7');
    await user.click(screen.getByRole('button', { name: `${caseIdOf(7)} 안건에 추가` }));
    await waitFor(() => expect(screen.getByTestId('case-add-outcome').textContent).toBe('안건에 0건을 추가했습니다. 이미 안건에 있는 사건 1건은 넣지 않았습니다.'));
  });

  it('reorders with Alt+arrows and the buttons, keeps the focus on the case moved, and announces each move', async () => {
    const { user, db } = await openSetup([1, 2, 3]);
    await waitFor(() => expect(agendaIds()).toEqual([1, 2, 3].map(caseIdOf)));
    const down = screen.getByRole('button', { name: `${caseIdOf(1)} 아래로` });
    down.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(agendaIds()).toEqual([2, 1, 3].map(caseIdOf)));
    await waitFor(() => expect(said()).toBe(`${caseIdOf(1)} 사건을 3건 중 2번째로 옮겼습니다.`));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `${caseIdOf(1)} 아래로` })));
    await waitFor(async () => expect((await db.meetings.get(MEETING))!.agenda).toEqual([2, 1, 3].map(caseIdOf)));

    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(agendaIds()).toEqual([2, 3, 1].map(caseIdOf)));
    await waitFor(() => expect(said()).toBe(`${caseIdOf(1)} 사건을 3건 중 3번째로 옮겼습니다.`));
    // at the end, down does nothing
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(agendaIds()).toEqual([2, 3, 1].map(caseIdOf));
    expect(rowOf(caseIdOf(1)).querySelector('[data-control="down"]')!.getAttribute('aria-disabled')).toBe('true');

    await user.click(screen.getByRole('button', { name: `${caseIdOf(3)} 위로` }));
    await waitFor(() => expect(agendaIds()).toEqual([3, 2, 1].map(caseIdOf)));
    await waitFor(() => expect(said()).toBe(`${caseIdOf(3)} 사건을 3건 중 1번째로 옮겼습니다.`));
    expect(rowOf(caseIdOf(3)).querySelector('td')!.textContent).toBe('1');
    await waitFor(async () => expect((await db.meetings.get(MEETING))!.agenda).toEqual([3, 2, 1].map(caseIdOf)));
    const moves = await db.audit.where('entity').equals('agenda').filter((e) => e.action === 'move').count();
    expect(moves).toBe(3);
  });

  it('moves a case by dragging its row onto another', async () => {
    const { db } = await openSetup([1, 2, 3]);
    await waitFor(() => expect(agendaIds()).toEqual([1, 2, 3].map(caseIdOf)));
    fireEvent.dragStart(rowOf(caseIdOf(3)));
    fireEvent.dragOver(rowOf(caseIdOf(1)));
    fireEvent.drop(rowOf(caseIdOf(1)));
    await waitFor(() => expect(agendaIds()).toEqual([3, 1, 2].map(caseIdOf)));
    await waitFor(() => expect(said()).toBe(`${caseIdOf(3)} 사건을 3건 중 1번째로 옮겼습니다.`));
    await waitFor(async () => expect((await db.meetings.get(MEETING))!.agenda).toEqual([3, 1, 2].map(caseIdOf)));
  });

  it('removes a case (the focus goes to the next), but not one with a proposal in the meeting', async () => {
    const { user } = await openSetup([1, 2, 3], async (db) => {
      await db.proposals.put({ meetingId: MEETING, caseId: caseIdOf(3), no: 1, outcome: 'award', tier: 'T3', amount: 500_000, fromSuggestion: false, missingDocuments: [], status: 'failed', openedAt: '2023-03-02T14:10:00+09:00', closedAt: null, tally: null });
    });
    await waitFor(() => expect(agendaIds()).toEqual([1, 2, 3].map(caseIdOf)));
    await user.click(screen.getByRole('button', { name: `${caseIdOf(2)} 안건에서 빼기` }));
    await waitFor(() => expect(agendaIds()).toEqual([1, 3].map(caseIdOf)));
    await waitFor(() => expect(said()).toBe(`${caseIdOf(2)} 사건을 안건에서 뺐습니다.`));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `${caseIdOf(3)} 안건에서 빼기` })));
    await user.keyboard('{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(`${caseIdOf(3)} 사건은 이 회의에서 제안이 있었으므로 안건에서 뺄 수 없습니다.`);
    expect(agendaIds()).toEqual([1, 3].map(caseIdOf));
  });
});

describe('status', { timeout: 20_000 }, () => {
  it('opens and closes the meeting; closed, it shows the agenda and offers no change', async () => {
    const { user, db } = await openSetup([1, 2]);
    await user.click(await screen.findByRole('button', { name: '회의 시작' }));
    await waitFor(() => expect(screen.getByTestId('meeting-status').textContent).toBe('상태: 진행 중'));
    await waitFor(() => expect(said()).toBe(`${MEETING} 회의를 시작했습니다.`));
    // open: the details no longer change, the agenda still does
    expect(screen.queryByRole('button', { name: '세부 사항 저장' })).toBeNull();
    expect(screen.getByText('회의가 시작되면 세부 사항은 바뀌지 않습니다.')).toBeTruthy();
    expect(screen.getByRole('button', { name: `${caseIdOf(1)} 아래로` })).toBeTruthy();

    // a proposal open holds the meeting open
    await db.proposals.put({ meetingId: MEETING, caseId: caseIdOf(1), no: 1, outcome: 'award', tier: 'T1', amount: 30_000, fromSuggestion: true, missingDocuments: [], status: 'open', openedAt: '2023-03-02T14:10:00+09:00', closedAt: null, tally: null });
    await waitFor(() => expect(rowOf(caseIdOf(1)).textContent).toContain('표결 중 (제안 1)'));
    await user.click(screen.getByRole('button', { name: '회의 종료' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`표결 중인 제안(${caseIdOf(1)})이 있어 회의를 종료할 수 없습니다.`);
    await db.proposals.update([MEETING, caseIdOf(1), 1], { status: 'passed' });

    await user.click(screen.getByRole('button', { name: '회의 종료' }));
    await waitFor(() => expect(screen.getByTestId('meeting-status').textContent).toBe('상태: 종료'));
    expect(screen.getByText('종료된 회의입니다. 더는 바꿀 수 없습니다.')).toBeTruthy();
    expect(agendaIds()).toEqual([1, 2].map(caseIdOf));
    expect(within(agendaTable()).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByText('조건으로 사건 추가')).toBeNull();
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect((await db.meetings.get(MEETING))!.status).toBe('closed');
  });

  it('goes to the room and back', async () => {
    const { user } = await openSetup([]);
    await user.click(await screen.findByRole('button', { name: '회의장으로' }));
    await waitFor(() => expect(document.querySelector('[data-screen="meeting-room"]')).not.toBeNull());
    expect(useUiStore.getState().meetingView).toBe('room');
    await user.click(await screen.findByRole('button', { name: /안건으로 돌아가기/ }, { timeout: 8000 }));
    await waitFor(() => expect(document.querySelector('[data-screen="meeting-setup"]')).not.toBeNull());
  });
});
