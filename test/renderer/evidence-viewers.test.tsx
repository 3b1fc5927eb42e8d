/** The image viewer's zoom and pan (buttons, keys, Ctrl+wheel, drag, reset, object URL revoked), its refusal of decoder bombs, and the sales chart's marks and totals. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assessCase } from '../../shared/assessment';
import { formatKrw } from '../../shared/i18n';
import { kakao1015IncidentAndPolicy } from '../../shared/kakao-1015';
import { ImageViewer } from '../../renderer/review/evidence/ImageViewer';
import { SalesChart } from '../../renderer/review/evidence/SalesChart';
import { applyLanguage } from '../../renderer/common/i18n';
import { salesFixture } from './evidence-fixtures';
import { jpegOf, pngOf } from '../main/fixtures/image-headers';

describe('ImageViewer', () => {
  const created: string[] = [];
  const revoked: string[] = [];
  beforeEach(() => {
    created.length = 0;
    revoked.length = 0;
    URL.createObjectURL = vi.fn(() => {
      const url = `blob:test/${created.length}`;
      created.push(url);
      return url;
    });
    URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
  });
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  const state = () => {
    const el = screen.getByTestId('image-viewer');
    return { scale: Number(el.dataset.scale), x: Number(el.dataset.x), y: Number(el.dataset.y) };
  };

  const png = (width: number, height: number) => new Blob([pngOf(width, height)], { type: 'image/png' });

  it('shows the image from an object URL and revokes it on unmount', async () => {
    const view = render(<ImageViewer blob={png(800, 600)} title="오류 화면" language="ko" />);
    const img = await screen.findByRole('img', { name: '오류 화면' });
    expect(img.getAttribute('src')).toBe('blob:test/0');
    view.unmount();
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('zooms with the buttons, the +/- keys and Ctrl+wheel, pans with the arrows and a drag, and resets', async () => {
    const user = userEvent.setup();
    render(<ImageViewer blob={png(10_000, 5_000)} title="화면" language="ko" />);
    await screen.findByRole('img', { name: '화면' });
    await user.click(screen.getByRole('button', { name: '확대' }));
    expect(state().scale).toBe(1.25);
    expect(screen.getByText('배율 125%')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '축소' }));
    expect(state().scale).toBe(1);
    const stage = screen.getByRole('region');
    stage.focus();
    await user.keyboard('+');
    await user.keyboard('+');
    expect(state().scale).toBe(1.563);
    await user.keyboard('-');
    expect(state().scale).toBe(1.25);
    act(() => {
      stage.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, ctrlKey: true, bubbles: true, cancelable: true }));
    });
    expect(state().scale).toBe(1.563);
    // a wheel without Ctrl scrolls as usual: no zoom
    act(() => {
      stage.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, bubbles: true, cancelable: true }));
    });
    expect(state().scale).toBe(1.563);
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(state()).toMatchObject({ x: -40, y: -40 });
    fireEvent.pointerDown(stage, { pointerId: 1, button: 0, clientX: 100, clientY: 100 });
    fireEvent.pointerMove(stage, { pointerId: 1, clientX: 130, clientY: 90 });
    fireEvent.pointerUp(stage, { pointerId: 1, clientX: 130, clientY: 90 });
    fireEvent.pointerMove(stage, { pointerId: 1, clientX: 500, clientY: 500 });
    expect(state()).toMatchObject({ x: -10, y: -50 });
    await user.click(screen.getByRole('button', { name: '원래대로' }));
    expect(state()).toEqual({ scale: 1, x: 0, y: 0 });
    await user.keyboard('{ArrowLeft}');
    stage.focus();
    await user.keyboard('0');
    expect(state()).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('ImageViewer on a decoder bomb', () => {
  let created = 0;
  beforeEach(() => {
    created = 0;
    URL.createObjectURL = vi.fn(() => `blob:test/${created++}`);
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('refuses a PNG above 50 million pixels before any <img> or object URL is made, in Korean and English', async () => {
    const blob = new Blob([pngOf(10_000, 5_001)], { type: 'image/png' });
    const ko = render(<ImageViewer blob={blob} title="화면" language="ko" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      '이 이미지는 표시하지 않습니다. 크기가 10,000 × 5,001 = 50,010,000화소로 적혀 있어, 이미지에 허용되는 50,000,000화소를 넘습니다. 이렇게 큰 이미지("디코더 폭탄")는 메모리를 가득 채울 수 있습니다.',
    );
    expect(ko.container.querySelector('img')).toBeNull();
    ko.unmount();
    await act(() => applyLanguage('en'));
    try {
      const en = render(<ImageViewer blob={new Blob([jpegOf(8000, 7000)], { type: 'image/jpeg' })} title="photo" language="en" />);
      expect((await screen.findByRole('alert')).textContent).toBe(
        'This image is not shown: it declares 8,000 × 7,000 = 56,000,000 pixels, more than the 50,000,000 an image may have. An image this large (a "decoder bomb") could fill the memory.',
      );
      expect(en.container.querySelector('img')).toBeNull();
    } finally {
      await act(() => applyLanguage('ko'));
    }
    expect(created).toBe(0);
  });

  it('refuses an image whose declared size is 0, or that has no size it can find, as damaged', async () => {
    for (const bytes of [pngOf(0, 10), jpegOf(640, 0), new TextEncoder().encode('x')]) {
      const view = render(<ImageViewer blob={new Blob([bytes])} title="화면" language="ko" />);
      expect((await screen.findByRole('alert')).textContent).toBe('이 이미지는 표시하지 않습니다. 가로·세로 크기가 없거나 0이라 손상된 파일입니다.');
      expect(view.container.querySelector('img')).toBeNull();
      view.unmount();
    }
    expect(created).toBe(0);
  });
});

describe('SalesChart', () => {
  const { incident, policy } = kakao1015IncidentAndPolicy();
  const { dailySales } = salesFixture();
  const assessment = assessCase({ claimedLoss: 400_000, dailySales, documents: [] }, incident, policy);

  it('draws one bar per day and marks the baseline and outage weeks with the assessment totals', () => {
    render(<SalesChart dailySales={dailySales} assessment={assessment} language="ko" />);
    expect(screen.getAllByTestId('sales-bar')).toHaveLength(dailySales.length);
    const baseline = screen.getByTestId('chart-range-baseline');
    expect([baseline.dataset.from, baseline.dataset.to]).toEqual([assessment.baseline!.weekFrom, assessment.baseline!.weekTo]);
    expect([baseline.dataset.from, baseline.dataset.to]).toEqual(['2022-10-01', '2022-10-07']);
    const outage = screen.getByTestId('chart-range-outage');
    expect([outage.dataset.from, outage.dataset.to]).toEqual(['2022-10-15', '2022-10-21']);
    const baselineTotal = formatKrw(assessment.baseline!.total, 'ko');
    const outageTotal = formatKrw(assessment.outage.total, 'ko');
    expect(baselineTotal).toBe('1,260,000원');
    expect(outageTotal).toBe('100,000원');
    expect(screen.getByTestId('chart-label-baseline').textContent).toBe(`기준 주간 합계 ${baselineTotal}`);
    expect(screen.getByTestId('chart-label-outage').textContent).toBe(`장애 주간 합계 ${outageTotal}`);
    expect(within(screen.getByTestId('chart-total-baseline')).getByText(baselineTotal)).toBeTruthy();
    expect(within(screen.getByTestId('chart-total-outage')).getByText(outageTotal)).toBeTruthy();
    expect(screen.getAllByTestId('chart-missing-day').map((m) => m.dataset.date)).toEqual(['2022-10-16', '2022-10-17']);
    expect(screen.getByTestId('chart-missing-note').textContent).toContain('2022-10-16, 2022-10-17');
  });

  it('is an image with a title and a description, and a table of every day for screen readers', () => {
    render(<SalesChart dailySales={dailySales} assessment={assessment} language="ko" />);
    const svg = screen.getByRole('img', { name: /일별 매출과 비교 주간/ });
    expect(svg.getAttribute('aria-labelledby')!.split(' ')).toHaveLength(2);
    expect(svg.querySelector('desc')!.textContent).toContain('합계 1,260,000원');
    const table = screen.getByRole('table', { name: '일별 매출' });
    expect(within(table).getAllByRole('row')).toHaveLength(dailySales.length + 1);
    expect(within(table).getByRole('rowheader', { name: '2022-10-15' }).parentElement!.textContent).toBe('2022-10-1520,000원장애 주간');
  });

  it('has a table of the two weeks compared, with their dates, days with a figure and totals, for screen readers', () => {
    render(<SalesChart dailySales={dailySales} assessment={assessment} language="ko" />);
    const table = screen.getByRole('table', { name: '비교한 두 주간의 매출 합계' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['주간', '기간', '매출 자료가 있는 날', '합계']);
    const cells = (name: string) => Array.from(within(table).getByRole('rowheader', { name }).parentElement!.children, (c) => c.textContent);
    expect(cells('기준 주간')).toEqual(['기준 주간', '2022-10-01 ~ 2022-10-07', '7일', '1,260,000원']);
    // two outage days have no figure (2022-10-16 and 17)
    expect(cells('장애 주간')).toEqual(['장애 주간', '2022-10-15 ~ 2022-10-21', '5일', '100,000원']);
  });

  it('says in the weeks table when there is no baseline week to compare, in English too', async () => {
    await applyLanguage('en');
    render(<SalesChart dailySales={dailySales} assessment={{ ...assessment, baseline: null }} language="en" />);
    const table = screen.getByRole('table', { name: 'Sales totals of the two weeks compared' });
    const row = (name: string) => Array.from(within(table).getByRole('rowheader', { name }).parentElement!.children, (c) => c.textContent);
    expect(row('Baseline week')).toEqual(['Baseline week', 'No baseline week can be compared']);
    expect(row('Outage week')).toEqual(['Outage week', '2022-10-15 to 2022-10-21', '5', 'KRW 100,000']);
  });

  it('uses English words and KRW amounts in English', async () => {
    await applyLanguage('en');
    render(<SalesChart dailySales={dailySales} assessment={assessment} language="en" />);
    expect(screen.getByTestId('chart-label-outage').textContent).toBe(`Outage week total ${formatKrw(assessment.outage.total, 'en')}`);
    expect(formatKrw(assessment.outage.total, 'en')).toBe('KRW 100,000');
  });

  it('says so when there are no daily sales', () => {
    const empty = assessCase({ claimedLoss: 100_000, dailySales: [], documents: [] }, incident, policy);
    render(<SalesChart dailySales={[]} assessment={empty} language="ko" />);
    expect(screen.getByText('일별 매출 자료가 없습니다.')).toBeTruthy();
  });
});
