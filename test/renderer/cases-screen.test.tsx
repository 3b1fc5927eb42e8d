/**
 * The Cases screen in jsdom: the virtualized list over the case summaries, filters, search, the
 * counts, the keyboard, opening a case and coming back to the list as it was left. jsdom lays
 * nothing out: support/list-layout gives the list's scroll box a size for the virtualizer.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSummaryRow } from '../../renderer/db/rows';
import { openCouncilDb } from '../../renderer/db/schema';
import { resetCasesStore, useCasesStore } from '../../renderer/cases/cases-store';
import { useCouncilStore } from '../../renderer/common/council-store';
import { useUiStore } from '../../renderer/common/ui-store';
import { seedDemoCouncil } from './support/demo-seed';
import { BUNDLE_ID, demoCouncil } from './support/demo-council';
import { fakeBridge } from './support/fake-bridge';
import { freshDbName, renderApp } from './support/render-app';
import { LIST_VIEW_HEIGHT as VIEW_HEIGHT, useListLayout } from './support/list-layout';

const TOTAL = 200;
const FLAGS = ['DUPLICATE_REGISTRATION_NO', 'NO_SALES_DATA'];

useListLayout();
afterEach(() => resetCasesStore());

/** Case i of 200: tiers none, T1, T2, T3 by i mod 4 (T3 not assessed); every 5th flagged; every 7th in another bundle. */
function summary(i: number): CaseSummaryRow {
  const tier = ([null, 'T1', 'T2', 'T3'] as const)[i % 4]!;
  return {
    caseId: `1015-${String(i).padStart(6, '0')}`,
    bundleId: i % 7 === 0 ? 'OTHER-BUNDLE' : BUNDLE_ID,
    status: i % 10 === 3 ? 'voted' : 'undecided',
    revision: 1,
    businessName: i === 42 ? '망원동 떡볶이' : `가게 ${i}`,
    registrationNo: i === 42 ? '2208162517' : `10481${String(55000 + i).padStart(5, '0')}`,
    claimedLoss: 1_000 * i,
    assessedLoss: i % 4 === 3 ? null : 900 * i,
    suggestedTier: tier,
    award: tier === 'T1' ? 30_000 : tier === 'T2' ? 50_000 : null,
    flags: i % 5 === 0 ? FLAGS : [],
  };
}

async function openCases(rows: CaseSummaryRow[] = Array.from({ length: TOTAL }, (_, i) => summary(i + 1))) {
  fakeBridge(demoCouncil());
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  await db.caseSummaries.bulkPut(rows);
  const app = renderApp(db);
  await app.user.click(await screen.findByRole('link', { name: '사건' }));
  const root = await waitFor(() => {
    const el = document.querySelector<HTMLElement>('[data-screen="cases"]');
    expect(el).not.toBeNull();
    return el!;
  });
  return { ...app, root };
}

const listbox = () => screen.getByRole('listbox', { name: '사건 목록' });
const options = () => within(listbox()).getAllByRole('option');
const selectedId = () => within(listbox()).getByRole('option', { selected: true }).getAttribute('data-case-id');
const shownIds = () => options().map((o) => o.getAttribute('data-case-id'));
const expectSelected = (caseId: string) => waitFor(() => expect(selectedId()).toBe(caseId));
const listCount = () => Number(listbox().getAttribute('data-count'));

describe('Cases screen list', { timeout: 20_000 }, () => {
  it('shows the cases as a virtualized listbox: only the rows in view, formatted', async () => {
    await openCases();
    expect((await screen.findByTestId('case-total')).textContent).toBe('전체 사건: 200건');
    const list = await screen.findByRole('listbox', { name: '사건 목록' });
    await waitFor(() => expect(options().length).toBeGreaterThan(5));
    // virtualized: ten rows fit in view, plus a few overscanned, never all 200
    expect(options().length).toBeLessThan(30);
    expect(listCount()).toBe(TOTAL);
    expect(shownIds().slice(0, 3)).toEqual(['1015-000001', '1015-000002', '1015-000003']);

    const first = within(list).getByText('1015-000001').closest('[role="option"]') as HTMLElement;
    expect(first.getAttribute('aria-setsize')).toBe('200');
    expect(first.textContent).toContain('104-81-55001'); // registration number with hyphens
    expect(first.textContent).toContain('1,000원'); // claimed
    expect(first.textContent).toContain('900원'); // assessed
    expect(first.textContent).toContain('T1 · 30,000원');
    expect(first.textContent).toContain('미결');
    const third = list.querySelector('[data-case-id="1015-000003"]') as HTMLElement;
    expect(third.textContent).toContain('T3 · 개별 심의');
    expect(third.textContent).toContain('산정 불가');
    expect(third.textContent).toContain('표결됨');
    const fourth = list.querySelector('[data-case-id="1015-000004"]') as HTMLElement;
    expect(fourth.textContent).toContain('구간 없음');
    const fifth = list.querySelector('[data-case-id="1015-000005"]') as HTMLElement;
    expect(Array.from(fifth.querySelectorAll('.flag-chip'), (c) => c.textContent)).toEqual(['등록번호 중복', '매출 자료 없음']);
    // named by what it shows, in order, with the column names said (no aria-label to drift from the text)
    expect(fifth.hasAttribute('aria-label')).toBe(false);
    expect(within(list).getByRole('option', { name: '1015-000005 104-81-55005 가게 5 신청 손실액 5,000원 산정 손실액 4,500원 T1 · 30,000원 확인 필요 등록번호 중복 매출 자료 없음 미결' })).toBe(fifth);
    expect(within(list).getByRole('option', { name: '1015-000001 104-81-55001 가게 1 신청 손실액 1,000원 산정 손실액 900원 T1 · 30,000원 확인 필요 없음 미결' })).toBe(first);
  });

  it('counts the cases shown per tier and per flag, and says they are of the cases shown', async () => {
    await openCases();
    const counts = await screen.findByTestId('case-counts');
    expect(within(counts).getByRole('heading').textContent).toBe('표시된 사건 200건의 집계');
    expect(within(screen.getByTestId('tier-counts')).getAllByRole('definition').map((d) => d.textContent)).toEqual(['T1 50건', 'T2 50건', 'T3 50건', '구간 없음 50건']);
    expect(within(screen.getByTestId('flag-counts')).getAllByRole('definition').map((d) => d.textContent)).toEqual(['등록번호 중복 40건', '매출 자료 없음 40건']);
  });

  it('narrows the list by tier, flag, status and bundle, and the counts with it', async () => {
    const { user } = await openCases();
    await screen.findByRole('listbox');
    await user.selectOptions(screen.getByRole('combobox', { name: '제안 구간' }), 'T2');
    await waitFor(() => expect(listCount()).toBe(50));
    expect(shownIds().slice(0, 3)).toEqual(['1015-000002', '1015-000006', '1015-000010']);
    expect(options().every((o) => o.textContent!.includes('T2 · 50,000원'))).toBe(true);

    await user.selectOptions(screen.getByRole('combobox', { name: '확인 필요 표시' }), 'DUPLICATE_REGISTRATION_NO');
    await waitFor(() => expect(listCount()).toBe(10)); // i = 10, 30, 50, …
    expect(shownIds()[0]).toBe('1015-000010');
    expect(screen.getByTestId('case-shown').textContent).toBe('표시된 사건: 10건');
    expect(within(screen.getByTestId('tier-counts')).getAllByRole('definition')[1]!.textContent).toBe('T2 10건');

    await user.selectOptions(screen.getByRole('combobox', { name: '제안 구간' }), 'none');
    await waitFor(() => expect(shownIds()).toEqual(['1015-000020', '1015-000040', '1015-000060', '1015-000080', '1015-000100', '1015-000120', '1015-000140', '1015-000160', '1015-000180', '1015-000200']));

    await user.selectOptions(screen.getByRole('combobox', { name: '사건 묶음' }), BUNDLE_ID);
    await waitFor(() => expect(shownIds()).not.toContain('1015-000140'));
    expect(listCount()).toBe(9);

    await user.click(screen.getByRole('button', { name: '조건 모두 지우기' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '상태' }), 'voted');
    await waitFor(() => expect(listCount()).toBe(20));
    expect(options().every((o) => o.textContent!.includes('표결됨'))).toBe(true);
  });

  it('searches by business name, case id and registration number with or without hyphens', async () => {
    const { user } = await openCases();
    const search = await screen.findByRole('searchbox', { name: '검색' });
    await user.type(search, '떡볶이');
    await waitFor(() => expect(shownIds()).toEqual(['1015-000042']));
    await user.clear(search);
    await user.type(search, '220-81-62517');
    await waitFor(() => expect(shownIds()).toEqual(['1015-000042']));
    await user.clear(search);
    await user.type(search, '2208162517');
    await waitFor(() => expect(shownIds()).toEqual(['1015-000042']));
    await user.clear(search);
    await user.type(search, '1015-00019');
    await waitFor(() => expect(listCount()).toBe(10));
    expect(shownIds()[0]).toBe('1015-000190');
  });

  it('opens the case found with Enter in the search box, or the first of several in list order', async () => {
    const { user } = await openCases();
    const search = await screen.findByRole('searchbox', { name: '검색' });
    await user.type(search, '1015-00019');
    await waitFor(() => expect(listCount()).toBe(10));
    await user.keyboard('{Enter}');
    expect(useUiStore.getState().reviewCaseId).toBe('1015-000190');
    expect(useUiStore.getState().reviewOrder).toHaveLength(10);
    expect(useUiStore.getState().reviewListSize).toBe(TOTAL);
  });

  it('opens the first case shown with Enter when nothing is selected yet', async () => {
    const { user } = await openCases();
    await user.selectOptions(await screen.findByRole('combobox', { name: '제안 구간' }), 'T1');
    await waitFor(() => expect(listCount()).toBe(50));
    screen.getByRole('listbox').focus();
    await user.keyboard('{Enter}');
    expect(useUiStore.getState().reviewCaseId).toBe('1015-000001');
  });

  it('sorts by claimed loss, largest first', async () => {
    const { user } = await openCases();
    await user.selectOptions(await screen.findByRole('combobox', { name: '정렬' }), '신청 손실액 많은 순');
    await waitFor(() => expect(shownIds().slice(0, 2)).toEqual(['1015-000200', '1015-000199']));
  });

  it('shows "no matches" with a button that clears the filters and the search', async () => {
    const { user } = await openCases();
    await user.type(await screen.findByRole('searchbox', { name: '검색' }), '없는 가게 이름');
    const none = await screen.findByTestId('cases-no-matches');
    expect(none.textContent).toContain('조건에 맞는 사건이 없습니다.');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.click(within(none).getByRole('button', { name: '조건 모두 지우기' }));
    await waitFor(() => expect(listCount()).toBe(TOTAL));
    expect((screen.getByRole('searchbox', { name: '검색' }) as HTMLInputElement).value).toBe('');
  });

  it('moves the selection with j/k and the arrows, Home/End, and opens the case with Enter in the list order', async () => {
    const { user } = await openCases();
    await user.selectOptions(await screen.findByRole('combobox', { name: '제안 구간' }), 'T1');
    const list = screen.getByRole('listbox');
    await waitFor(() => expect(listCount()).toBe(50));
    list.focus();
    await user.keyboard('j');
    await expectSelected('1015-000001');
    await user.keyboard('jj{ArrowDown}');
    await expectSelected('1015-000013');
    await user.keyboard('k{ArrowUp}');
    await expectSelected('1015-000005');
    expect(list.getAttribute('aria-activedescendant')).toBe('case-option-1015-000005');

    await user.keyboard('{End}');
    await expectSelected('1015-000197'); // the list scrolled to keep it in view
    expect(list.scrollTop).toBeGreaterThanOrEqual(50 * 56 - VIEW_HEIGHT);
    expect(within(list).queryByText('1015-000001')).toBeNull();
    await user.keyboard('{Home}');
    await expectSelected('1015-000001');
    expect(list.scrollTop).toBe(0);
    await user.keyboard('j{Enter}');

    const ui = useUiStore.getState();
    expect(ui.reviewCaseId).toBe('1015-000005');
    expect(ui.reviewOrder).toHaveLength(50);
    expect(ui.reviewOrder.slice(0, 3)).toEqual(['1015-000001', '1015-000005', '1015-000009']);
    await waitFor(() => expect(document.querySelector('[data-screen="case-review"]')).not.toBeNull());
  });

  it('comes back from a case with its filters, search, sort and selection kept', async () => {
    const { user } = await openCases();
    await user.selectOptions(await screen.findByRole('combobox', { name: '확인 필요 표시' }), 'any');
    await user.type(screen.getByRole('searchbox', { name: '검색' }), '가게 1');
    await user.selectOptions(screen.getByRole('combobox', { name: '정렬' }), '신청 손실액 많은 순');
    await waitFor(() => expect(shownIds()[0]).toBe('1015-000195'));
    await user.click(screen.getByRole('listbox').querySelector('[data-case-id="1015-000185"]')!);
    expect(useUiStore.getState().reviewCaseId).toBe('1015-000185');
    expect(useUiStore.getState().reviewOrder[0]).toBe('1015-000195');
    await waitFor(() => expect(document.querySelector('[data-screen="case-review"]')).not.toBeNull());

    useUiStore.getState().closeCase();
    const list = await screen.findByRole('listbox');
    expect((screen.getByRole('searchbox', { name: '검색' }) as HTMLInputElement).value).toBe('가게 1');
    expect((screen.getByRole('combobox', { name: '확인 필요 표시' }) as HTMLSelectElement).value).toBe('any');
    expect((screen.getByRole('combobox', { name: '정렬' }) as HTMLSelectElement).value).toBe('claimedLoss:desc');
    expect(shownIds()[0]).toBe('1015-000195');
    await expectSelected('1015-000185');
    await waitFor(() => expect(document.activeElement).toBe(list));
    await user.keyboard('j');
    expect(useCasesStore.getState().selectedCaseId).toBe('1015-000180');
  });

  it('selects, back in the list, the case last reviewed (the review moves with previous and next)', async () => {
    const { user } = await openCases();
    await user.click((await screen.findByRole('listbox')).querySelector('[data-case-id="1015-000002"]')!);
    const order = useUiStore.getState().reviewOrder;
    expect(order[1]).toBe('1015-000002');
    useUiStore.getState().openCase(order[5]!); // as the review's "next" does, four times
    useUiStore.getState().closeCase();
    await screen.findByRole('listbox');
    await expectSelected('1015-000006');
  });

  it("shows each case's meeting state: on an agenda, decided with its award, deferred", async () => {
    fakeBridge(demoCouncil());
    const db = openCouncilDb(freshDbName());
    await seedDemoCouncil(db);
    await db.caseSummaries.bulkPut([summary(1), summary(2), summary(3)]);
    const rules = { quorum: { type: 'majority' as const }, passing: 'majority-of-present' as const, recusedInBase: false, tie: 'fails' as const };
    await db.meetings.put({ meetingId: '2023-03-02', date: '2023-03-02', place: '회의실', startTime: '14:00', rules, agenda: ['1015-000001', '1015-000002'], attendance: [], status: 'open', createdAt: '2023-03-01T09:00:00+09:00', openedAt: null, closedAt: null });
    const tally = { approve: 4, reject: 0, abstain: 0, recused: 0, members: 5, present: 4, quorumMet: true, passed: true };
    const base = { meetingId: '2023-03-02', bundleId: BUNDLE_ID, caseRevision: 1, rationale: '', proposalNo: 1, tally, decidedAt: '2023-03-02T15:00:00+09:00', decidedBy: 's1', reopened: null };
    await db.decisions.bulkPut([
      { ...base, caseId: '1015-000002', revision: 1, outcome: 'award', tier: 'T2', award: 50_000, missingDocuments: [] },
      { ...base, caseId: '1015-000003', revision: 1, outcome: 'defer', tier: null, award: null, missingDocuments: ['sales-proof'] },
    ]);
    const app = renderApp(db);
    await app.user.click(await screen.findByRole('link', { name: '사건' }));
    const chip = (caseId: string) => within(listbox()).getByRole('option', { name: new RegExp(caseId) }).querySelector('.status-chip')?.textContent;
    await waitFor(() => expect(chip('1015-000001')).toBe('안건: 2023-03-02 회의'));
    expect(chip('1015-000002')).toBe('의결: 지원 50,000원');
    expect(chip('1015-000003')).toBe('보류: 서류 1종 대기');
  });

  it('shows the empty state when there are no cases', async () => {
    fakeBridge(demoCouncil());
    const db = openCouncilDb(freshDbName());
    await seedDemoCouncil(db);
    await db.cases.clear();
    await db.caseSummaries.clear();
    const { user } = renderApp(db);
    await user.click(await screen.findByRole('link', { name: '사건' }));
    expect((await screen.findByTestId('cases-empty')).textContent).toBe('아직 사건이 없습니다. 먼저 사건 묶음을 불러오세요.');
    expect(screen.getByTestId('case-total').textContent).toBe('전체 사건: 0건');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryByRole('search')).toBeNull();
  });

  it('reloads the list when the council\'s bundles change', async () => {
    const { db } = await openCases();
    await waitFor(() => expect(listCount()).toBe(TOTAL));
    await db.caseSummaries.put(summary(TOTAL + 1));
    await useCouncilStore.getState().load(db);
    await waitFor(() => expect(listCount()).toBe(TOTAL + 1));
  });

  it('shows the list in English', async () => {
    const { user } = await openCases();
    await screen.findByRole('listbox');
    await user.click(screen.getByRole('button', { name: 'English' }));
    const list = await screen.findByRole('listbox', { name: 'Cases' });
    expect(screen.getByRole('combobox', { name: 'Suggested tier' })).toBeTruthy();
    const third = list.querySelector('[data-case-id="1015-000003"]') as HTMLElement;
    expect(third.textContent).toContain('T3 · case by case');
    expect(third.textContent).toContain('Not assessed');
    expect(list.querySelector('[data-case-id="1015-000005"] .flag-chip')!.textContent).toBe('Same reg. no.');
  });
});
