/**
 * The running import: a progress bar with the counts, the bytes read, the time left at the rate so
 * far (counting down between progress events), and Cancel. Before the main process has read the
 * manifest the bar has no value yet.
 */
import { useId, useLayoutEffect, useRef, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../common/format/bytes';
import { formatCount } from '../common/format/numbers';
import type { ImportProgressEvent } from './import/import-outcome';
import { progressFraction, secondsLeft } from './import/progress-estimate';
import { useElapsedNow } from './import/time-left-clock';
import { useImportStore } from './import-store';
import { useUiStore } from '../common/ui-store';
import { ProgressBar } from '../common/ProgressBar';

function useProgressWords(progress: ImportProgressEvent | null, progressAt: number | null) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const now = useElapsedNow(progress, progressAt);
  if (!progress) return null;
  const n = (value: number) => formatCount(value, language);
  const left = secondsLeft(progress, now ?? progress.elapsedMs);
  const time =
    left === null ? null
    : left >= 60 ? t('progress.minutesSeconds', { minutes: Math.floor(left / 60), seconds: left % 60 })
    : t('progress.seconds', { seconds: left });
  return {
    percent: Math.floor(progressFraction(progress) * 100),
    counts: t('progress.counts', {
      cases: n(progress.casesRead),
      casesTotal: n(progress.casesTotal),
      evidence: n(progress.evidenceRead),
      evidenceTotal: n(progress.evidenceTotal),
    }),
    bytes: t('progress.bytes', { read: formatBytes(progress.bytesRead, language), total: formatBytes(progress.bytesTotal, language) }),
    timeLeft: time === null ? t('progress.timeUnknown') : t('progress.timeLeft', { time }),
  };
}

/** The element the keyboard goes back to when the panel goes away with focus in it. */
export const AFTER_IMPORT_FOCUS = 'data-focus-after-import';

/**
 * The panel goes when the import ends; focus inside it (on Cancel) would fall to the page. It goes
 * to the "Open bundle file…" button instead, the next thing to do.
 */
function useFocusKeptOnEnd() {
  const inside = useRef(false);
  useLayoutEffect(
    () => () => {
      if (!inside.current) return;
      queueMicrotask(() => {
        if (document.activeElement === null || document.activeElement === document.body) document.querySelector<HTMLElement>(`[${AFTER_IMPORT_FOCUS}]`)?.focus();
      });
    },
    [],
  );
  return {
    onFocus: () => {
      inside.current = true;
    },
    onBlur: (event: FocusEvent) => {
      inside.current = event.currentTarget.contains(event.relatedTarget as Node | null);
    },
  };
}

export function ImportProgressPanel() {
  const { t } = useTranslation();
  const headingId = useId();
  const focusKept = useFocusKeptOnEnd();
  const fileName = useImportStore((s) => s.fileName) ?? '';
  const progress = useImportStore((s) => s.progress);
  const progressAt = useImportStore((s) => s.progressAt);
  const cancelling = useImportStore((s) => s.cancelling);
  const words = useProgressWords(progress, progressAt);

  return (
    <section className="card import-progress" aria-labelledby={headingId} aria-busy="true" {...focusKept}>
      <h2 id={headingId} className="card__title">
        {t('progress.heading', { fileName })}
      </h2>
      <ProgressBar
        label={t('progress.label')}
        percent={words ? words.percent : null}
        valueText={words ? `${t('progress.percent', { percent: words.percent })} · ${words.counts}` : t('progress.checking')}
      />
      {words ? (
        <div className="import-progress__facts">
          <p data-testid="import-counts">{words.counts}</p>
          <p data-testid="import-bytes">{words.bytes}</p>
          <p data-testid="import-time-left">{words.timeLeft}</p>
        </div>
      ) : (
        <p>{t('progress.checking')}</p>
      )}
      <div className="import-progress__actions">
        {/* aria-disabled while cancelling: a disabled button would drop the keyboard's focus */}
        <button type="button" className="button button--quiet" aria-disabled={cancelling} onClick={() => cancelling || useImportStore.getState().cancel()}>
          {t('progress.cancel')}
        </button>
        {cancelling && <p role="status">{t('progress.cancelling')}</p>}
      </div>
    </section>
  );
}
