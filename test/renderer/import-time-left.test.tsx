/**
 * The import panel's time left counts down between progress events (the clock ticks while a chunk
 * is written), and starts again from each new progress. A deterministic clock: fake timers.
 */
import { act, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../renderer/app/i18n';
import { ImportProgressPanel } from '../../renderer/bundles/ImportProgressPanel';
import type { ImportProgressEvent } from '../../renderer/bundles/import/import-outcome';
import { TICK_MS } from '../../renderer/bundles/import/time-left-clock';
import { resetImportStore, useImportStore } from '../../renderer/bundles/import-store';
import { useUiStore } from '../../renderer/common/ui-store';

const event = (bytesRead: number, elapsedMs: number): ImportProgressEvent => ({
  casesRead: 4,
  evidenceRead: 1,
  bytesRead,
  bytesTotal: 1_000,
  casesTotal: 4,
  evidenceTotal: 5,
  elapsedMs,
  fileName: 'batch8.cdbundle',
  bundleId: 'B',
  // the first chunk written at 4 s, 10% done: 10% a second since
  rateFrom: { elapsedMs: 4_000, fraction: 0.1 },
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'] });
  useUiStore.setState({ language: 'ko' });
});

afterEach(() => {
  resetImportStore();
  vi.useRealTimers();
});

function progressAt(progress: ImportProgressEvent) {
  act(() => useImportStore.setState({ running: true, fileName: 'batch8.cdbundle', progress, progressAt: performance.now() }));
}

describe("the import panel's time left", () => {
  it('counts down while a chunk is written, and goes by each new progress', () => {
    progressAt(event(300, 6_000));
    const view = render(
      <I18nextProvider i18n={i18n}>
        <ImportProgressPanel />
      </I18nextProvider>,
    );
    const shown = () => view.getByTestId('import-time-left').textContent;
    expect(shown()).toBe('남은 시간 약 7초');
    act(() => vi.advanceTimersByTime(1_000));
    expect(shown()).toBe('남은 시간 약 6초');
    act(() => vi.advanceTimersByTime(2 * TICK_MS));
    expect(shown()).toBe('남은 시간 약 6초');
    act(() => vi.advanceTimersByTime(2 * TICK_MS));
    expect(shown()).toBe('남은 시간 약 5초');
    // the next chunk: 50% at 9 s, 8% a second since the first: 6.25 s for the half left
    progressAt(event(500, 9_000));
    expect(shown()).toBe('남은 시간 약 6초');
    act(() => vi.advanceTimersByTime(3_000));
    expect(shown()).toBe('남은 시간 약 3초');
  });
});
