/**
 * The Cases list: a virtualized listbox over the store's filtered and sorted cases (only the rows
 * in view are in the DOM). ArrowUp/ArrowDown or k/j move the selection, Home/End go to the first
 * and last case, PageUp/PageDown by a screenful, Enter or a click opens the case.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectedPosition, useCasesStore } from './cases-store';
import { useUiStore } from '../common/ui-store';
import { CaseListRow, caseOptionId } from './CaseListRow';
import { useMeetingStatesStore } from './meeting-states-store';
import { useCaseRowHeight } from './use-row-height';

const PAGE = 10;

const MOVES: Record<string, number | 'first' | 'last'> = {
  ArrowDown: 1,
  j: 1,
  ArrowUp: -1,
  k: -1,
  PageDown: PAGE,
  PageUp: -PAGE,
  Home: 'first',
  End: 'last',
};

export function CaseList() {
  const { t } = useTranslation();
  const index = useCasesStore((s) => s.index);
  const visible = useCasesStore((s) => s.visible);
  const selectedCaseId = useCasesStore((s) => s.selectedCaseId);
  const language = useUiStore((s) => s.language);
  const meetingStates = useMeetingStatesStore((s) => s.states);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowHeight = useCaseRowHeight();

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (position) => index?.rows[visible[position]!]?.caseId ?? position,
  });

  // the window turned narrow or wide (zoom): every row's height changed
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  const position = index && selectedCaseId !== null ? selectedPosition(index, visible, selectedCaseId) : -1;

  // back from a case: the selected case in view, and the keyboard where it was
  useEffect(() => {
    if (position < 0) return;
    virtualizer.scrollToIndex(position, { align: 'center' });
    const list = scrollRef.current;
    queueMicrotask(() => list?.focus({ preventScroll: true }));
    // only when the list first shows
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const open = useCallback((caseId: string) => useCasesStore.getState().openCase(caseId), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter') {
      // the selected case, or with none selected the first one shown
      if (useCasesStore.getState().openActive()) event.preventDefault();
      return;
    }
    const move = MOVES[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = useCasesStore.getState().moveSelection(move);
    if (next >= 0) virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  if (!index) return null;
  const items = virtualizer.getVirtualItems();
  const activeShown = position >= 0 && items.some((item) => item.index === position);
  return (
    <div className="case-list">
      <div className="case-list__head case-row-grid" aria-hidden="true">
        <span>{t('cases.colCase')}</span>
        <span>{t('cases.colBusiness')}</span>
        <span className="case-row__num">{t('cases.colClaimed')}</span>
        <span className="case-row__num">{t('cases.colAssessed')}</span>
        <span>{t('cases.colTier')}</span>
        <span>{t('cases.colFlags')}</span>
        <span>{t('cases.colStatus')}</span>
      </div>
      <div
        ref={scrollRef}
        className="case-list__scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t('cases.listLabel')}
        aria-describedby="case-list-hint"
        aria-activedescendant={activeShown && selectedCaseId !== null ? caseOptionId(selectedCaseId) : undefined}
        data-count={visible.length}
        onKeyDown={onKeyDown}
      >
        <div className="case-list__sizer" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = index.rows[visible[item.index]!]!;
            return (
              <CaseListRow
                key={item.key}
                row={row}
                position={item.index}
                setSize={visible.length}
                start={item.start}
                height={rowHeight}
                selected={item.index === position}
                meetingState={meetingStates.get(row.caseId)}
                language={language}
                onOpen={open}
              />
            );
          })}
        </div>
      </div>
      <p id="case-list-hint" className="case-list__hint">
        {t('cases.listHint')}
      </p>
    </div>
  );
}
