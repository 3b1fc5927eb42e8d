/**
 * The case review screen on the test demo council (three cases: one per tier, no complete
 * baseline week): what it shows on the left, previous/next in list order, the keys, and the
 * flag, suggestion and checklist parts on their own.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { assessCase, reasonText } from '../../shared/assessment';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { FlagsCard } from '../../renderer/review/FlagsCard';
import { RequiredDocumentsCard } from '../../renderer/review/RequiredDocumentsCard';
import { SuggestionCard } from '../../renderer/review/SuggestionCard';
import { openCouncilDb } from '../../renderer/db/schema';
import { i18n } from '../../renderer/common/i18n';
import { useUiStore } from '../../renderer/common/ui-store';
import { freshDbName, renderApp } from './support/render-app';
import { seedDemoCouncil } from './support/demo-seed';

const ORDER = ['1015-000001', '1015-000002', '1015-000003'];
const { incident, policy } = kakao1015IncidentAndPolicy();

async function openReview(caseId: string) {
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  const app = renderApp(db);
  await screen.findByRole('navigation', {}, { timeout: 5000 });
  act(() => useUiStore.getState().openCase(caseId, ORDER));
  await screen.findByTestId('review-title');
  return app;
}

function record(overrides: Partial<CaseRecord>): CaseRecord {
  return {
    caseId: 'X-1',
    receivedAt: '2023-02-03T11:20:00+09:00',
    business: { name: '행복분식', registrationNo: '1234567891', representative: '김민수', category: 'restaurant', region: '서울' },
    services: [],
    claimedLoss: 420_000,
    statement: '',
    bankAccountFingerprint: 'f',
    dailySales: [],
    documents: [],
    ...overrides,
  };
}

/** Four complete weeks at 100,000 a day, the outage week at 20,000 a day: assessed 560,000. */
function salesWithOutageDip(): CaseRecord['dailySales'] {
  const out: CaseRecord['dailySales'] = [];
  for (let d = new Date(Date.UTC(2022, 8, 1)); d <= new Date(Date.UTC(2022, 9, 31)); d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    out.push({ date: iso, amount: iso >= '2022-10-15' && iso <= '2022-10-21' ? 20_000 : 100_000 });
  }
  return out;
}

describe('case review screen', () => {
  it('shows the business, the claim, the statement as text, the suggestion with every reason, and the checklist', async () => {
    await openReview('1015-000002');
    expect(screen.getByTestId('review-title').textContent).toBe('사건 1015-000002 — 마포택시');
    expect(screen.getByTestId('review-registration-no').textContent).toMatch(/^123-45-\d{5}$/);
    expect(screen.getByTestId('review-claimed-loss').textContent).toContain('420,000');
    // The statement holds "<b>": it is shown as those characters, not as bold text.
    const statement = screen.getByTestId('review-statement');
    expect(statement.textContent).toContain('<b>from Saturday</b>');
    expect(statement.querySelector('b')).toBeNull();
    // One daily sale only: no baseline week, so the claim (420,000) is used -> T2, 50,000.
    expect(screen.getByTestId('review-suggestion').textContent).toBe('T2 구간 — 지원금 50,000원');
    expect(screen.getByTestId('review-assessed-loss').textContent).toContain('산정할 수 없음');
    const reasons = [...screen.getByTestId('review-reasons').querySelectorAll('[data-reason]')].map((li) => li.textContent);
    expect(reasons.some((r) => r?.includes('신청 손실 420,000원을 제안 금액으로 썼습니다'))).toBe(true);
    expect(screen.getByTestId('review-flags').textContent).toContain('7일 매출이 모두 있는 주가 없어');
    const checklist = within(screen.getByTestId('review-required-documents')).getAllByRole('listitem');
    const state = Object.fromEntries(checklist.map((li) => [li.dataset.kind, li.dataset.present]));
    expect(state['small-business-certificate']).toBe('true');
    expect(state['sales-loss-proof']).toBe('false');
  });

  it('goes to the previous and next case in list order with the buttons and Alt+arrows, and back with Escape', async () => {
    await openReview('1015-000002');
    expect(screen.getByTestId('review-position').textContent).toBe('2 / 3');
    // Opened from the Cases list, "back" says it goes to the list.
    expect(screen.getByTestId('review-back').textContent).toBe('← 사건 목록으로 Esc');
    fireEvent.click(screen.getByTestId('review-next'));
    expect(await screen.findByText('사건 1015-000003 — 연남꽃집')).toBeTruthy();
    expect((screen.getByTestId('review-next') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('review-suggestion').textContent).toBe('T3 구간 — 협의체가 사건별로 심의');
    fireEvent.keyDown(document.body, { key: 'ArrowLeft', altKey: true });
    expect(await screen.findByText('사건 1015-000002 — 마포택시')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'ArrowLeft', altKey: true });
    expect(await screen.findByText('사건 1015-000001 — 행복분식')).toBeTruthy();
    expect((screen.getByTestId('review-previous') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(useUiStore.getState().reviewCaseId).toBeNull();
    expect(document.querySelector('[data-screen="cases"]')).not.toBeNull();
  });

  it('says how many cases the list holds in all when a search or a filter narrowed it', async () => {
    await openReview('1015-000002');
    act(() => useUiStore.getState().openCase('1015-000002', ['1015-000002'], 3));
    expect(await screen.findByText('1 / 1 (검색·필터 결과, 전체 3건)')).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByTestId('review-position').textContent).toBe('1 of 1 shown (3 cases in all)');
  });

  it('says so when the case is not in the database', async () => {
    await openReview('1015-000001');
    act(() => useUiStore.getState().openCase('NOPE-1'));
    expect((await screen.findByRole('alert')).textContent).toContain('사건 NOPE-1이(가) 데이터베이스에 없습니다.');
  });

  it('is in English when the language is English', async () => {
    await openReview('1015-000001');
    await act(async () => {
      await i18n.changeLanguage('en');
      useUiStore.getState().setLanguage('en');
    });
    expect(screen.getByTestId('review-title').textContent).toBe('Case 1015-000001 — 행복분식');
    expect(screen.getByTestId('review-suggestion').textContent).toBe('Tier T1: award KRW 30,000');
  });
});

describe('suggestion card', () => {
  it('shows the tier, the assessed loss and each reason in the words of the shared engine', () => {
    const assessment = assessCase(record({ claimedLoss: 900_000, dailySales: salesWithOutageDip() }), incident, policy);
    expect(assessment.assessedLoss).toBe(560_000);
    render(<SuggestionCard assessment={assessment} policyId={policy.id} language="ko" />);
    expect(screen.getByTestId('review-suggestion').textContent).toBe('T3 구간 — 협의체가 사건별로 심의');
    expect(screen.getByTestId('review-assessed-loss').textContent).toBe('560,000원');
    const items = [...screen.getByTestId('review-reasons').querySelectorAll('[data-reason]')].map((li) => li.textContent);
    expect(items).toEqual(assessment.reasons.map((r) => reasonText(r, 'ko')));
    // the per-week lines, one run in the engine's order, are folded under one summary that counts them
    const folded = screen.getByTestId('review-reasons').querySelector('details');
    expect(folded?.querySelector('summary')?.textContent).toBe('주간별 매출: 7주 비교, 3주 제외 (펼쳐 보기)');
    expect(folded?.querySelectorAll('[data-reason^="WEEK_"]')).toHaveLength(10);
  });

  it('suggests rejecting when no loss is shown', () => {
    const assessment = assessCase(record({ claimedLoss: 0 }), incident, policy);
    render(<SuggestionCard assessment={assessment} policyId={policy.id} language="en" />);
    expect(screen.getByTestId('review-suggestion').dataset.tier).toBe('');
  });
});

describe('flags card', () => {
  it('names the other cases of a duplicate as buttons that open them, and words the engine flags with their figures', () => {
    const r = record({ business: { ...record({}).business, registrationNo: '1234567890' }, claimedLoss: 900_000, dailySales: salesWithOutageDip() });
    const assessment = assessCase(r, incident, policy);
    const onOpenCase = vi.fn();
    render(
      <FlagsCard
        record={r}
        assessment={assessment}
        duplicates={[{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['1015-000007', '1015-000031'] }]}
        language="ko"
        onOpenCase={onOpenCase}
      />,
    );
    const flags = within(screen.getByTestId('review-flags')).getAllByRole('listitem');
    expect(flags.map((f) => f.dataset.flag)).toEqual(['REGISTRATION_NO_INVALID', 'DUPLICATE_BANK_ACCOUNT', 'MISSING_DOCUMENTS', 'CLAIM_EXCEEDS_ASSESSED']);
    expect(flags[0]!.textContent).toContain('123-45-67890');
    expect(flags[3]!.textContent).toContain('900,000원');
    expect(flags[3]!.textContent).toContain('560,000원');
    fireEvent.click(screen.getByRole('button', { name: '사건 1015-000031 열기' }));
    expect(onOpenCase).toHaveBeenCalledWith('1015-000031');
  });

  it('says there are no flags when there are none', () => {
    const r = record({ claimedLoss: 100_000, dailySales: salesWithOutageDip(), documents: policy.requiredDocuments.map((kind, i) => ({ kind, title: `t${i}`, file: `evidence/X-1/${i}.pdf`, mediaType: 'application/pdf' as const })) });
    render(<FlagsCard record={r} assessment={assessCase(r, incident, policy)} duplicates={[]} language="ko" onOpenCase={() => undefined} />);
    expect(screen.getByText('확인 필요 표시가 없습니다.')).toBeTruthy();
  });
});

describe('required documents card', () => {
  it('marks each required kind present, with the titles that satisfy it, or missing', () => {
    render(
      <RequiredDocumentsCard
        required={['small-business-certificate', 'bank-account', 'custom-kind']}
        documents={[{ kind: 'bank-account', title: '통장 사본', file: 'evidence/X-1/a.png', mediaType: 'image/png' }]}
      />,
    );
    const items = within(screen.getByTestId('review-required-documents')).getAllByRole('listitem');
    expect(items.map((i) => [i.dataset.kind, i.dataset.present])).toEqual([
      ['small-business-certificate', 'false'],
      ['bank-account', 'true'],
      ['custom-kind', 'false'],
    ]);
    expect(items[1]!.textContent).toContain('통장 사본');
    expect(items[2]!.textContent).toContain('custom-kind');
  });
});
