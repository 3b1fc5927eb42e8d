/**
 * The roster's screen (Settings → 협의체 위원): the members and their conflicts listed, the
 * refusals in words beside their fields, each change announced; the whole flow by keyboard alone
 * (the data: roster-db.test.ts).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { useCouncilStore } from '../../renderer/common/council-store';
import { firstBrokenAuditEntry } from '../../renderer/db/audit';
import { openCouncilDb, type CouncilDb } from '../../renderer/db/schema';
import { writeSetting } from '../../renderer/db/settings';
import { demoCouncil } from './support/demo-council';
import { seedDemoCouncil } from './support/demo-seed';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { meetingRow } from './support/room-meeting';

let db: CouncilDb;
beforeEach(async () => {
  db = openCouncilDb(freshDbName());
  resetAnnouncer();
});

/** The Settings screen on the demo council, the roster's section. */
async function openRoster(language: 'ko' | 'en' = 'ko') {
  fakeBridge(demoCouncil());
  await seedDemoCouncil(db);
  if (language === 'en') await writeSetting(db, 'language', 'en');
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: language === 'ko' ? '설정' : 'Settings' }));
  const section = await screen.findByTestId('roster');
  return { ...app, section, view: within(section) };
}

const rosterRows = (section: HTMLElement) =>
  within(within(section).getByRole('table', { name: '협의체 위원 명단' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));

const conflictRows = (section: HTMLElement) => {
  const table = within(section).queryByRole('table', { name: '위원이 신고한 이해충돌' });
  return table ? within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent).slice(0, 4)) : [];
};

const dialog = () => screen.getByRole('dialog');
const said = () => useAnnouncerStore.getState().polite?.text;
const operatorOptions = () => Array.from((screen.getByRole('combobox', { name: '입력 담당' }) as HTMLSelectElement).options, (o) => o.textContent);

// Whole-app renders driven key by key: seconds each on a busy machine.
describe('Settings → 협의체 위원', { timeout: 30_000 }, () => {
  it('lists the members with role, affiliation, status and conflicts, and the declared conflicts', async () => {
    const { section } = await openRoster();
    expect(rosterRows(section)).toEqual([
      ['정한결', '위원장', '소상공인연합회', '활동 중', '0건', '수정이해충돌 신고'],
      ['박서윤', '위원', '카카오', '활동 중', '0건', '수정이해충돌 신고'],
      ['이도현', '위원', '소상공인연합회', '활동 중', '1건', '수정이해충돌 신고'],
      ['최지아', '위원', '한국소비자연맹', '활동 중', '0건', '수정이해충돌 신고'],
      ['강민재', '위원', '참여연대', '활동 중', '0건', '수정이해충돌 신고'],
      ['윤하늘', '간사', '협의체 사무국', '활동 중 입력 담당', '0건', '수정이해충돌 신고'],
    ]);
    expect(conflictRows(section)).toEqual([
      ['이도현', '사업자등록번호', '742-24-19399', '오늘의 플라워 대표와 소상공인연합회 종로지회에서 함께 활동하며 경영 자문을 해 왔습니다.'],
    ]);
  });

  it('adds a member by keyboard alone: the dialog takes the focus, keeps Tab inside, and gives it back; the header and the council store (the Meeting screen\'s) see the member', async () => {
    const { section, view, user } = await openRoster();
    const addButton = view.getByRole('button', { name: '위원 추가' });
    addButton.focus();
    await user.keyboard('{Enter}');
    const name = within(dialog()).getByRole('textbox', { name: '이름 *' });
    expect(document.activeElement).toBe(name);
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    // The page behind is inert while the dialog is open.
    expect(section.closest('[inert]')).not.toBeNull();
    expect(dialog().closest('[inert]')).toBeNull();
    expect(within(dialog()).getByRole('heading', { name: '위원 추가' })).toBeTruthy();

    // Submitting it empty: the focus goes to the name, whose error is read with it.
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(within(dialog()).getByRole('button', { name: '저장' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = name.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toEqual(['이름을 입력하세요.', '1~100자']);
    expect(within(dialog()).getByRole('textbox', { name: '소속 *' }).getAttribute('aria-describedby')).toContain('-error');

    // Tab from the last control comes back to the first, Shift+Tab goes back round.
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(dialog()).getByRole('button', { name: '저장' }));
    await user.tab();
    expect(document.activeElement).toBe(name);

    await user.keyboard('한서진');
    await user.tab();
    await user.keyboard('한국소비자연맹');
    await user.tab();
    expect(document.activeElement).toBe(within(dialog()).getByRole('combobox', { name: '역할 *' }));
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(addButton);
    expect(section.closest('[inert]')).toBeNull();
    expect(rosterRows(section)[5]).toEqual(['한서진', '위원', '한국소비자연맹', '활동 중', '0건', '수정이해충돌 신고']);
    expect(said()).toBe('한서진 위원을 추가했습니다.');
    expect(operatorOptions()).toContain('한서진 (위원)');
    expect(await db.audit.orderBy('sequence').last()).toMatchObject({ entity: 'member', entityId: 'm6', action: 'add', actor: 's1' });
    expect(useCouncilStore.getState().members.map((m) => m.memberId)).toContain('m6');
  });

  it('closes with Esc, changing nothing, and gives the focus back', async () => {
    const { view, user } = await openRoster();
    const editButton = view.getByRole('button', { name: '수정: 박서윤' });
    editButton.focus();
    await user.keyboard('{Enter}');
    expect(within(dialog()).getByRole('heading', { name: '박서윤 위원 정보 수정' })).toBeTruthy();
    await user.keyboard('바뀐이름{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(editButton);
    expect((await db.members.get('m2'))?.name).toBe('박서윤');
  });

  it('asks before making another member chair, and makes the chair before a member', async () => {
    const { section, view, user } = await openRoster();
    await user.click(view.getByRole('button', { name: '수정: 최지아' }));
    await user.selectOptions(within(dialog()).getByRole('combobox', { name: '역할 *' }), 'chair');
    await user.click(within(dialog()).getByRole('button', { name: '저장' }));
    const question = await within(dialog()).findByRole('group', { name: /지금 위원장은 정한결입니다/ });
    expect(question.textContent).toContain('최지아 위원을 위원장으로 하면 정한결 위원은 위원이 됩니다.');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: '위원장 바꾸기' }));
    // Keeping the chair changes nothing and goes back to the role.
    await user.click(within(question).getByRole('button', { name: '그대로 두기' }));
    await waitFor(() => expect(document.activeElement).toBe(within(dialog()).getByRole('combobox', { name: '역할 *' })));
    expect((await db.members.get('m4'))?.role).toBe('member');

    await user.click(within(dialog()).getByRole('button', { name: '저장' }));
    await user.click(await within(dialog()).findByRole('button', { name: '위원장 바꾸기' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rosterRows(section).map((r) => r.slice(0, 2))).toEqual([
      ['최지아', '위원장'],
      ['정한결', '위원'],
      ['박서윤', '위원'],
      ['이도현', '위원'],
      ['강민재', '위원'],
      ['윤하늘', '간사'],
    ]);
    expect(said()).toBe('최지아 위원이 위원장이 되었고, 정한결 위원은 위원이 되었습니다.');
    expect((await db.audit.orderBy('sequence').toArray()).slice(-2).map((e) => [e.entityId, e.actor, e.detail.after])).toEqual([
      ['m4', 's1', { role: 'chair' }],
      ['m1', 's1', { role: 'member' }],
    ]);
  });

  it('says beside the checkbox why the operator cannot be made inactive; another member leaves the header\'s choice', async () => {
    const { section, view, user } = await openRoster();
    await user.click(view.getByRole('button', { name: '수정: 윤하늘' }));
    const active = within(dialog()).getByRole('checkbox', { name: '활동 중인 위원' });
    await user.click(active);
    await user.click(within(dialog()).getByRole('button', { name: '저장' }));
    await waitFor(() => expect(active.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(active);
    const message = document.getElementById(active.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(message?.textContent).toBe('윤하늘 위원은 이 컴퓨터의 입력 담당이라 활동 종료로 바꿀 수 없습니다. 먼저 머리글에서 다른 입력 담당을 고르세요.');
    expect((await db.members.get('s1'))?.active).toBe(true);
    await user.click(within(dialog()).getByRole('button', { name: '취소' }));

    await user.click(view.getByRole('button', { name: '수정: 강민재' }));
    await user.click(within(dialog()).getByRole('checkbox', { name: '활동 중인 위원' }));
    await user.click(within(dialog()).getByRole('button', { name: '저장' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rosterRows(section)[4]?.slice(0, 4)).toEqual(['강민재', '위원', '참여연대', '활동 종료']);
    expect(operatorOptions()).not.toContain('강민재 (위원)');
    expect(said()).toBe('강민재 위원 정보를 바꿨습니다.');
  });

  it('says beside the checkbox why a member of the open meeting cannot be made inactive now', async () => {
    await db.meetings.put(meetingRow());
    const { section, view, user } = await openRoster();
    view.getByRole('button', { name: '수정: 최지아' }).focus();
    await user.keyboard('{Enter}');
    const active = within(dialog()).getByRole('checkbox', { name: '활동 중인 위원' });
    active.focus();
    await user.keyboard(' ');
    expect((active as HTMLInputElement).checked).toBe(false);
    within(dialog()).getByRole('button', { name: '저장' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(active.getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(active);
    const message = document.getElementById(active.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(message?.textContent).toBe('최지아 위원은 진행 중인 회의(2023-03-02 협의체 회의실)에서 표결하는 위원입니다. 정족수와 표결 집계가 회의 도중에 바뀌지 않도록, 활동 여부와 역할은 회의를 마친 뒤 바꾸세요.');
    expect((await db.members.get('m4'))?.active).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(rosterRows(section)[3]?.slice(0, 4)).toEqual(['최지아', '위원', '한국소비자연맹', '활동 중']);
  });

  it('declares a conflict by keyboard, refusing a bad registration number in words, and withdraws it', async () => {
    const { section, view, user } = await openRoster();
    const declare = view.getByRole('button', { name: '이해충돌 신고: 박서윤' });
    declare.focus();
    await user.keyboard('{Enter}');
    expect(within(dialog()).getByRole('heading', { name: '박서윤 위원의 이해충돌 신고' })).toBeTruthy();
    const kind = within(dialog()).getByRole('combobox', { name: '종류 *' });
    expect(document.activeElement).toBe(kind);
    await user.tab();
    const value = within(dialog()).getByRole('textbox', { name: '대상 *' });
    expect(document.getElementById(value.getAttribute('aria-describedby')!)?.textContent).toBe('숫자 10자리, 하이픈은 있어도 됩니다 (예: 123-45-67891).');
    await user.keyboard('742-24-1939');
    await user.tab();
    await user.keyboard('가족이 운영하는 사업장입니다.{Tab}{Tab}{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(value));
    expect(document.getElementById(value.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('사업자등록번호는 숫자 10자리입니다 (예: 123-45-67891).');
    await user.keyboard('9');
    await user.click(within(dialog()).getByRole('button', { name: '신고' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(declare);
    expect(said()).toBe('박서윤 위원의 이해충돌을 신고했습니다: 사업자등록번호 742-24-19399.');
    expect(conflictRows(section)).toEqual([
      ['박서윤', '사업자등록번호', '742-24-19399', '가족이 운영하는 사업장입니다.'],
      ['이도현', '사업자등록번호', '742-24-19399', '오늘의 플라워 대표와 소상공인연합회 종로지회에서 함께 활동하며 경영 자문을 해 왔습니다.'],
    ]);
    expect(rosterRows(section)[1]?.[4]).toBe('1건');
    expect((await db.members.get('m2'))?.conflicts[0]).toMatchObject({ conflictId: 'm2-c1', value: '7422419399' });

    const withdraw = view.getByRole('button', { name: '철회: 이도현, 사업자등록번호 742-24-19399' });
    withdraw.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(conflictRows(section)).toHaveLength(1));
    expect(document.activeElement).toBe(view.getByRole('heading', { name: '신고된 이해충돌' }));
    expect(said()).toBe('이도현 위원의 이해충돌을 철회했습니다: 사업자등록번호 742-24-19399. 감사 기록에는 남습니다.');
    expect(rosterRows(section)[2]?.[4]).toBe('0건');
    const entries = (await db.audit.orderBy('sequence').toArray()).slice(-2);
    expect(entries.map((e) => [e.entityId, e.action, e.actor])).toEqual([
      ['m2', 'declare-conflict', 's1'],
      ['m3', 'withdraw-conflict', 's1'],
    ]);
    expect(entries[1]?.detail.conflict).toMatchObject({ conflictId: 'm3-c1', value: '7422419399' });
    expect(await firstBrokenAuditEntry(db)).toBeNull();
  });

  it('offers the stored bundles for a bundle conflict, and says when none is declared', async () => {
    const { section, view, user } = await openRoster();
    await user.click(view.getByRole('button', { name: '철회: 이도현, 사업자등록번호 742-24-19399' }));
    await waitFor(() => expect(view.getByText('신고된 이해충돌이 없습니다.')).toBeTruthy());
    await user.click(view.getByRole('button', { name: '이해충돌 신고: 최지아' }));
    await user.selectOptions(within(dialog()).getByRole('combobox', { name: '종류 *' }), 'bundle');
    const value = within(dialog()).getByRole('combobox', { name: '대상 *' });
    const list = document.getElementById(value.getAttribute('list')!);
    expect(Array.from(list!.querySelectorAll('option'), (o) => o.getAttribute('value'))).toEqual(['1015-2023-B07']);
    await user.type(value, '1015-2023-B07');
    await user.type(within(dialog()).getByRole('textbox', { name: '사유 *' }), '이 묶음의 접수를 맡았습니다.');
    await user.click(within(dialog()).getByRole('button', { name: '신고' }));
    await waitFor(() => expect(conflictRows(section)).toEqual([['최지아', '사건 묶음', '1015-2023-B07', '이 묶음의 접수를 맡았습니다.']]));
  });

  it('speaks English too', async () => {
    const { section, user } = await openRoster('en');
    const view = within(section);
    expect(view.getByRole('heading', { name: 'Council members' })).toBeTruthy();
    await user.click(view.getByRole('button', { name: 'Add member' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Save' }));
    const name = within(dialog()).getByRole('textbox', { name: 'Name *' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('Enter a name.');
    expect(view.getByRole('cell', { name: 'Registration number' })).toBeTruthy();
  });
});
