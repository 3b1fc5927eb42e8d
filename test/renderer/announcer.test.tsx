/**
 * The shell's live regions: announce() and its once-only errors, the progress throttle's rule (time
 * passed in, nothing waits), and what the import says through them, without flooding.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { announce, ERROR_REPEAT_MS, ProgressThrottle, resetAnnouncer, useAnnouncerStore } from '../../renderer/common/announcer';
import { Announcer } from '../../renderer/common/Announcer';
import { ImportAnnouncements } from '../../renderer/bundles';
import { useImportStore } from '../../renderer/bundles/import-store';
import type { ImportProgressEvent } from '../../renderer/bundles/import/import-outcome';
import { useUiStore } from '../../renderer/common/ui-store';

afterEach(() => resetAnnouncer());

describe('ProgressThrottle', () => {
  it('says the start, each new 25 % step and the end, and nothing in between', () => {
    const throttle = new ProgressThrottle({ stepPercent: 25, intervalMs: 60_000 });
    const said = [0, 3, 10, 24, 25, 26, 49, 50, 74, 75, 99, 100].filter((p, i) => throttle.shouldAnnounce(p, i * 5_000));
    expect(said).toEqual([0, 25, 50, 75, 100]);
  });

  it('says nothing twice within the minimum gap, even across steps, but always the end', () => {
    const throttle = new ProgressThrottle({ minGapMs: 3_000 });
    expect(throttle.shouldAnnounce(0, 0)).toBe(true);
    expect(throttle.shouldAnnounce(30, 1_000)).toBe(false);
    expect(throttle.shouldAnnounce(60, 2_000)).toBe(false);
    expect(throttle.shouldAnnounce(80, 3_000)).toBe(true);
    expect(throttle.shouldAnnounce(100, 3_100)).toBe(true);
    expect(throttle.shouldAnnounce(100, 9_000)).toBe(false);
  });

  it('tells a slow import how far it is after a long quiet, without a new step', () => {
    const throttle = new ProgressThrottle({ intervalMs: 10_000 });
    throttle.shouldAnnounce(0, 0);
    expect(throttle.shouldAnnounce(5, 9_000)).toBe(false);
    expect(throttle.shouldAnnounce(6, 10_000)).toBe(true);
    expect(throttle.shouldAnnounce(6, 30_000)).toBe(false); // no progress: nothing new to say
    expect(throttle.shouldAnnounce(7, 30_000)).toBe(true);
  });
});

describe('announce', () => {
  it('puts each sentence into the region as a new node, the same words again too', () => {
    render(<Announcer />);
    const polite = screen.getByTestId('announcer-polite');
    expect(polite.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('announcer-assertive').getAttribute('aria-live')).toBe('assertive');
    act(() => void announce('하나'));
    const first = polite.firstElementChild;
    expect(polite.textContent).toBe('하나');
    act(() => void announce('하나'));
    expect(polite.textContent).toBe('하나');
    expect(polite.firstElementChild).not.toBe(first);
  });

  it('says the same error once within the repeat window, and again after it', () => {
    let now = 0;
    resetAnnouncer(() => now);
    expect(announce('실패', 'assertive')).toBe(true);
    now = ERROR_REPEAT_MS - 1;
    expect(announce('실패', 'assertive')).toBe(false);
    expect(announce('다른 실패', 'assertive')).toBe(true);
    expect(announce('실패', 'assertive')).toBe(true);
    now += ERROR_REPEAT_MS;
    expect(announce('실패', 'assertive')).toBe(true);
    expect(announce('  ', 'polite')).toBe(false);
  });
});

describe('the import, said through the shell', () => {
  const progress = (casesRead: number, bytesRead: number): ImportProgressEvent => ({
    fileName: 'b.cdbundle',
    bundleId: 'B-1',
    casesRead,
    casesTotal: 1000,
    evidenceRead: 0,
    evidenceTotal: 0,
    bytesRead,
    bytesTotal: 1000,
    elapsedMs: 0,
  });

  function watch(now: () => number) {
    const said: string[] = [];
    render(<ImportAnnouncements now={now} />);
    const stop = useAnnouncerStore.subscribe((s, before) => {
      if (s.polite !== before.polite && s.polite) said.push(`polite: ${s.polite.text}`);
      if (s.assertive !== before.assertive && s.assertive) said.push(`assertive: ${s.assertive.text}`);
    });
    return { said, stop };
  }

  it('says the start, a few steps out of a hundred progress events, and the outcome', () => {
    let now = 0;
    const { said, stop } = watch(() => now);
    act(() => useImportStore.setState({ running: true, fileName: 'b.cdbundle', progress: null, outcome: null }));
    for (let i = 1; i <= 100; i += 1) {
      now = i * 100; // 10 s in all, an event every 100 ms
      act(() => useImportStore.setState({ progress: progress(i * 10, i * 10) }));
    }
    act(() => useImportStore.setState({ running: false, outcome: { kind: 'cancelled', fileName: 'b.cdbundle', bundleId: 'B-1' } }));
    stop();
    expect(said).toEqual([
      'polite: b.cdbundle 불러오기를 시작했습니다.',
      // 25 % came 2.5 s after the start, too soon: the next event said it instead
      'polite: b.cdbundle 불러오는 중: 30%, 사건 300 / 1,000',
      'polite: b.cdbundle 불러오는 중: 60%, 사건 600 / 1,000',
      'polite: b.cdbundle 불러오는 중: 90%, 사건 900 / 1,000',
      'polite: b.cdbundle 불러오는 중: 100%, 사건 1,000 / 1,000',
      'polite: b.cdbundle 불러오기를 취소했습니다. 아무것도 저장하지 않았습니다.',
    ]);
  });

  it('says a refusal assertively, once, when the user is on another screen (the Bundles screen shows it as an alert)', () => {
    const { said, stop } = watch(() => 0);
    const refused = { kind: 'refused' as const, fileName: 'b.cdbundle', bundleId: null, code: 'BUNDLE_READ_FAILED' as const, message: 'gone', caseIds: [] };
    act(() => useImportStore.setState({ running: true, fileName: 'b.cdbundle' }));
    act(() => useImportStore.setState({ running: false, outcome: refused }));
    act(() => useUiStore.getState().setScreen('cases'));
    act(() => useImportStore.setState({ running: true, outcome: null }));
    act(() => useImportStore.setState({ running: false, outcome: { ...refused } }));
    act(() => useImportStore.setState({ running: true, outcome: null }));
    act(() => useImportStore.setState({ running: false, outcome: { ...refused } }));
    stop();
    expect(said.filter((s) => s.startsWith('assertive'))).toEqual(['assertive: b.cdbundle을(를) 불러오지 않았습니다. 아무것도 저장하지 않았습니다. 오류 코드 BUNDLE_READ_FAILED: gone']);
  });
});
