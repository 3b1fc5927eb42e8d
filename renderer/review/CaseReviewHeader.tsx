/**
 * The top of the case review screen: back to where it was opened from (backLabel), the case's title (focused on opening, so
 * keyboard and screen-reader users land on it), its status and revision, and previous / next in
 * the list order it was opened from, with the case's place in that list (and, when a search or a
 * filter narrowed the list, how many cases it holds in all).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../db/rows';
import type { CaseNeighbours } from './case-neighbours';
import type { CaseMeetingState } from '../db/case-meeting-state';
import { meetingStateText, meetingStateTone } from '../common/meeting-state-text';
import { useUiStore } from '../common/ui-store';

interface Props {
  row: CaseRow;
  meetingState: CaseMeetingState | null;
  neighbours: CaseNeighbours;
  /** How many cases the list held before its search and filters. */
  listSize: number;
  /** "Back to the cases", or to the meeting when the room opened it. */
  backLabel: string;
  onBack: () => void;
  onOpen: (caseId: string) => void;
}

interface StepProps {
  step: 'previous' | 'next';
  /** The case it opens; null: none (the button is disabled). */
  target: string | null;
  keys: string;
  onOpen: (caseId: string) => void;
  children: ReactNode;
}

function StepButton({ step, target, keys, onOpen, children }: StepProps) {
  return (
    <button type="button" className="button button--quiet" disabled={target === null} onClick={() => target && onOpen(target)} aria-keyshortcuts={keys} data-testid={`review-${step}`}>
      {children}
    </button>
  );
}

export function CaseReviewHeader({ row, meetingState, neighbours, listSize, backLabel, onBack, onOpen }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [row.caseId]);
  return (
    <header className="review-header">
      <div className="review-header__bar">
        <button type="button" className="button button--quiet" onClick={onBack} aria-keyshortcuts="Escape" data-testid="review-back">
          ← {backLabel} <kbd>{t('review.backHint')}</kbd>
        </button>
        <nav className="review-header__nav" aria-label={t('review.navLabel')}>
          <StepButton step="previous" target={neighbours.previous} keys="Alt+ArrowLeft" onOpen={onOpen}>
            ‹ {t('review.previous')} <kbd>{t('review.previousHint')}</kbd>
          </StepButton>
          {neighbours.position !== null && (
            <span className="review-header__position" data-testid="review-position">
              {listSize > neighbours.total
                ? t('review.positionFiltered', { position: neighbours.position, total: neighbours.total, all: listSize })
                : t('review.position', { position: neighbours.position, total: neighbours.total })}
            </span>
          )}
          <StepButton step="next" target={neighbours.next} keys="Alt+ArrowRight" onOpen={onOpen}>
            {t('review.next')} › <kbd>{t('review.nextHint')}</kbd>
          </StepButton>
        </nav>
      </div>
      <h1 id="screen-title-case-review" ref={headingRef} tabIndex={-1} className="screen__title review-header__title" data-testid="review-title">
        {t('review.title', { caseId: row.caseId, name: row.businessName })}
      </h1>
      <p className="review-header__meta">
        <span className={`status-badge status-badge--${row.status}`} data-testid="review-status">
          {t('review.statusLabel')}: {t(`review.status.${row.status}`)}
        </span>
        {meetingState && (
          <span className={`status-badge status-badge--${meetingStateTone(meetingState)}`} data-testid="review-meeting-state" data-meeting-state={meetingState.kind}>
            {meetingStateText(t, meetingState, language)}
          </span>
        )}
        <span>{t('review.bundle', { bundleId: row.bundleId })}</span>
        {row.revision > 1 && (
          <span className="revision-badge" data-testid="review-revision">
            {t('review.revision', { revision: row.revision, previousBundleId: row.previousBundleId ?? '' })}
          </span>
        )}
      </p>
    </header>
  );
}
