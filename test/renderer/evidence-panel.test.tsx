/** The evidence panel: tabs and their keyboard, the CSV table, the text viewer, a case change. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { assessCase } from '../../shared/assessment';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import { EvidencePanel } from '../../renderer/review/evidence/EvidencePanel';
import { documentRow, salesFixture } from './evidence-fixtures';

const { incident, policy } = kakao1015IncidentAndPolicy();
const { dailySales } = salesFixture();
const assessment = assessCase({ claimedLoss: 400_000, dailySales, documents: [] }, incident, policy);

function csvWithRows(n: number): string {
  const lines = ['\uFEFF일자,매출액,비고'];
  for (let i = 0; i < n; i++) lines.push(`2022-10-${String((i % 28) + 1).padStart(2, '0')},${1000 + i},"a, ""b"""`);
  return `${lines.join('\r\n')}\r\n`;
}

const documents = [
  documentRow('sales.csv', 'text/csv', csvWithRows(3), 'POS 매출 내역'),
  documentRow('certificate.pdf', 'application/pdf', '%PDF-1.7', '소상공인 확인서'),
  documentRow('bank-account.txt', 'text/plain', '예금주: 김민수\n<b>not bold</b>\n<script>alert(1)</script>', '통장 사본'),
];

function renderPanel(docs = documents) {
  return render(<EvidencePanel documents={docs} dailySales={dailySales} assessment={assessment} language="ko" />);
}

describe('EvidencePanel tabs', () => {
  it('lists one tab per document title, then the sales chart, the first document selected', async () => {
    renderPanel();
    const tablist = screen.getByRole('tablist', { name: '증빙 목록' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['POS 매출 내역', '소상공인 확인서', '통장 사본', '일별 매출']);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(panel.id);
    expect(await within(panel).findByTestId('csv-viewer')).toBeTruthy();
    fireEvent.click(tabs[3]!);
    expect(within(screen.getByRole('tabpanel')).getByTestId('sales-chart')).toBeTruthy();
  });

  it('moves between tabs with the arrow keys (wrapping), Home and End, focus following', async () => {
    const user = userEvent.setup();
    renderPanel();
    const tabs = () => screen.getAllByRole('tab');
    tabs()[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(tabs()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs()[1]);
    expect(screen.getByTestId('pdf-viewer')).toBeTruthy();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tabs()[3]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs()[0]);
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tabs()[3]);
    await user.keyboard('{Home}');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
    // Alt+arrows are left to the review screen (previous / next case)
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs().filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });

  it('starts again at the first document when the case changes', async () => {
    const view = renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: '통장 사본' }));
    expect(screen.getByRole('tab', { name: '통장 사본' }).getAttribute('aria-selected')).toBe('true');
    const other = [documentRow('other.txt', 'text/plain', 'x', '다른 사건 메모')].map((d) => ({ ...d, caseId: '1015-000002', file: 'evidence/1015-000002/other.txt' }));
    view.rerender(<EvidencePanel documents={other} dailySales={dailySales} assessment={assessment} language="ko" />);
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
  });

  it('says so when the case has no documents', () => {
    renderPanel([]);
    expect(screen.getAllByRole('tab')).toHaveLength(1);
    expect(screen.getByText('이 사건에는 증빙 파일이 없습니다.')).toBeTruthy();
  });
});

describe('CSV and text viewers', () => {
  it('shows a CSV as a table: header cells, quoted fields as text', async () => {
    renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: 'POS 매출 내역' }));
    const table = await screen.findByRole('table', { name: /POS 매출 내역/ });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['일자', '매출액', '비고']);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2022-10-01', '1000', 'a, "b"']);
    expect(screen.queryByTestId('csv-more')).toBeNull();
  });

  it('shows the first 1,000 rows of a long CSV and says how many more there are', async () => {
    renderPanel([documentRow('big.csv', 'text/csv', csvWithRows(1_234), '큰 매출 파일')]);
    fireEvent.click(screen.getByRole('tab', { name: '큰 매출 파일' }));
    const viewer = await screen.findByTestId('csv-viewer');
    // (role queries over a thousand rows are slow in jsdom)
    expect(viewer.querySelectorAll('tbody tr')).toHaveLength(1_000);
    expect(viewer.querySelector('caption')!.textContent).toBe('큰 매출 파일 (열 3개, 행 1,234개)');
    expect(screen.getByTestId('csv-more').textContent).toBe('처음 1,000행만 표시합니다. 나머지 234행은 표시하지 않았습니다.');
  }, 20_000);

  it('pads ragged CSV rows to the widest row', async () => {
    renderPanel([documentRow('r.csv', 'text/csv', 'a,b\n1\n1,2,3\n', '들쭉날쭉')]);
    fireEvent.click(screen.getByRole('tab', { name: '들쭉날쭉' }));
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.children.length)).toEqual([3, 3, 3]);
  });

  it('shows plain text in a <pre> as text, never as HTML', async () => {
    renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: '통장 사본' }));
    const viewer = await screen.findByTestId('text-viewer');
    const pre = viewer.querySelector('pre')!;
    expect(pre.textContent).toBe('예금주: 김민수\n<b>not bold</b>\n<script>alert(1)</script>');
    expect(viewer.querySelector('b, script')).toBeNull();
  });
});
