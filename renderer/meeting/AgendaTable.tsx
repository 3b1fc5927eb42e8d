/**
 * The agenda: position, case, business, tier suggestion, award, flags and state of each case,
 * in the order the chair calls them. Reordered by keyboard (each row's Up and Down buttons, or
 * Alt+ArrowUp / Alt+ArrowDown anywhere in the row) or by dragging a row; each move is said
 * through the announcer, and the focus stays with the case moved. The order shown changes at
 * once (the write follows); the live read then confirms it, or puts back what is stored.
 */
import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw } from '../../shared/i18n';
import { flagLabel, flagTitle } from '../cases';
import { announce } from '../common/announcer';
import { useServices } from '../common/services';
import { TableRegion } from '../common/TableRegion';
import { useUiStore } from '../common/ui-store';
import type { AgendaItem } from './agenda-view';
import { documentKindText, refusalText } from './meeting-text';
import { moveAgendaItem, removeFromAgenda } from './meetings-db';

type Control = 'up' | 'down' | 'remove';

interface Props {
  meetingId: string;
  items: readonly AgendaItem[];
  /** False for a closed meeting: no moves, no removals. */
  editable: boolean;
}

export function AgendaTable({ meetingId, items, editable }: Props) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const [order, setOrder] = useState<string[]>(() => items.map((i) => i.caseId));
  const [problem, setProblem] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const dragged = useRef<string | null>(null);
  const busy = useRef(false);
  /** Where the focus goes once the rows are drawn again: a row's control, or the empty agenda's note. */
  const focusNext = useRef<{ caseId: string; control: Control } | 'empty' | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);

  // what is stored wins: each live read of the agenda resets the order shown
  useEffect(() => setOrder(items.map((i) => i.caseId)), [items]);

  // in the same commit as the rows move, so the focus never rests on a row that went
  useLayoutEffect(() => {
    const want = focusNext.current;
    if (want === 'empty') {
      focusNext.current = null;
      emptyRef.current?.focus();
      return;
    }
    if (!want || !tableRef.current) return;
    const row = [...tableRef.current.querySelectorAll<HTMLElement>('tr[data-case-id]')].find((r) => r.dataset.caseId === want.caseId);
    if (!row) return;
    focusNext.current = null;
    row.querySelector<HTMLElement>(`[data-control="${want.control}"]`)?.focus();
  });

  const byId = new Map(items.map((i) => [i.caseId, i]));

  async function move(from: number, to: number, control: Control | null) {
    if (!editable || busy.current || to < 0 || to >= order.length || from === to) return;
    const caseId = order[from]!;
    const next = [...order];
    next.splice(from, 1);
    next.splice(to, 0, caseId);
    busy.current = true;
    setOrder(next);
    setProblem(null);
    if (control) focusNext.current = { caseId, control };
    try {
      await moveAgendaItem(db, meetingId, from, to);
      announce(t('meeting.moved', { caseId, position: to + 1, count: next.length }));
    } catch (err) {
      setOrder(items.map((i) => i.caseId));
      setProblem(refusalText(t, err));
    } finally {
      busy.current = false;
    }
  }

  async function remove(index: number) {
    const caseId = order[index]!;
    setProblem(null);
    try {
      await removeFromAgenda(db, meetingId, caseId);
      announce(t('meeting.removed', { caseId }));
      // the focus goes to the case that takes its place, else the one before
      const neighbour = order[index + 1] ?? order[index - 1];
      focusNext.current = neighbour ? { caseId: neighbour, control: 'remove' } : 'empty';
    } catch (err) {
      setProblem(refusalText(t, err));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const control = ((event.target as HTMLElement).getAttribute('data-control') as Control | null) ?? (event.key === 'ArrowUp' ? 'up' : 'down');
    void move(index, event.key === 'ArrowUp' ? index - 1 : index + 1, control);
  }

  function onDrop(event: DragEvent<HTMLTableRowElement>, index: number) {
    event.preventDefault();
    setDropTarget(null);
    const caseId = dragged.current ?? event.dataTransfer?.getData('text/plain') ?? '';
    dragged.current = null;
    const from = order.indexOf(caseId);
    if (from >= 0) void move(from, index, null);
  }

  function tierCell(item: AgendaItem | undefined) {
    const s = item?.summary;
    return s?.suggestedTier ?? t('meeting.noTier');
  }

  function awardCell(item: AgendaItem | undefined) {
    const s = item?.summary;
    if (!s || s.suggestedTier === null) return t('meeting.noAward');
    return s.award === null ? t('meeting.caseByCase') : formatKrw(s.award, language);
  }

  function stateCell(item: AgendaItem | undefined) {
    const state = item?.state ?? { kind: 'agenda' as const };
    switch (state.kind) {
      case 'agenda':
        return <span className="status-chip">{t('meeting.state.agenda')}</span>;
      case 'deferred':
        return (
          <span className="status-chip status-chip--deferred" data-state="deferred">
            {state.missingDocuments.length === 0
              ? t('meeting.state.deferred')
              : t('meeting.state.deferredDocuments', { documents: state.missingDocuments.map((k) => documentKindText(i18n, k)).join(', ') })}
          </span>
        );
      case 'proposal-open':
        return <span className="status-chip status-chip--voted">{t('meeting.state.proposalOpen', { no: state.no })}</span>;
      case 'decided':
        return (
          <span className="status-chip status-chip--decided">
            {state.outcome === 'award' ? t('meeting.state.awarded') : t('meeting.state.rejected')}
          </span>
        );
    }
  }

  if (order.length === 0) {
    return (
      <p className="card card--empty" data-testid="agenda-empty" ref={emptyRef} tabIndex={-1}>
        {t('meeting.agendaEmpty')}
      </p>
    );
  }

  return (
    <>
      {editable && <p className="screen__note">{t('meeting.agendaHint')}</p>}
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem}
        </p>
      )}
      <TableRegion label={t('meeting.agendaCaption', { count: order.length })}>
        <table className="data-table agenda-table" ref={tableRef}>
          <caption>{t('meeting.agendaCaption', { count: order.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('meeting.colPosition')}
              </th>
              <th scope="col">{t('meeting.colCase')}</th>
              <th scope="col">{t('meeting.colBusiness')}</th>
              <th scope="col">{t('meeting.colTier')}</th>
              <th scope="col" className="num">
                {t('meeting.colAward')}
              </th>
              <th scope="col">{t('meeting.colFlags')}</th>
              <th scope="col">{t('meeting.colState')}</th>
              {editable && <th scope="col">{t('meeting.colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {order.map((caseId, index) => {
              const item = byId.get(caseId);
              const flags = item?.summary?.flags ?? [];
              const first = index === 0;
              const last = index === order.length - 1;
              return (
                <tr
                  key={caseId}
                  data-case-id={caseId}
                  className={dropTarget === caseId ? 'agenda-table__row agenda-table__row--drop' : 'agenda-table__row'}
                  draggable={editable}
                  onKeyDown={(e) => onKeyDown(e, index)}
                  onDragStart={(e) => {
                    dragged.current = caseId;
                    e.dataTransfer?.setData('text/plain', caseId);
                    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDragOver={(e) => {
                    if (!editable) return;
                    e.preventDefault();
                    if (dropTarget !== caseId) setDropTarget(caseId);
                  }}
                  onDragLeave={() => setDropTarget((d) => (d === caseId ? null : d))}
                  onDragEnd={() => {
                    dragged.current = null;
                    setDropTarget(null);
                  }}
                  onDrop={(e) => onDrop(e, index)}
                >
                  <td className="num">{index + 1}</td>
                  <th scope="row" className="mono">
                    {caseId}
                  </th>
                  <td>{item?.summary?.businessName ?? t('meeting.unknownCase')}</td>
                  <td>{tierCell(item)}</td>
                  <td className="num">{awardCell(item)}</td>
                  <td>
                    {flags.length === 0 ? (
                      t('meeting.noFlags')
                    ) : (
                      <span className="agenda-table__flags">
                        {flags.map((code) => (
                          <span key={code} className="flag-chip" title={flagTitle(t, code)}>
                            {flagLabel(t, code)}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td>{stateCell(item)}</td>
                  {editable && (
                    <td>
                      <span className="agenda-table__actions">
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          data-control="up"
                          aria-label={t('meeting.moveUpLabel', { caseId })}
                          aria-keyshortcuts="Alt+ArrowUp"
                          aria-disabled={first ? true : undefined}
                          onClick={() => void move(index, index - 1, 'up')}
                        >
                          {t('meeting.moveUp')}
                        </button>
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          data-control="down"
                          aria-label={t('meeting.moveDownLabel', { caseId })}
                          aria-keyshortcuts="Alt+ArrowDown"
                          aria-disabled={last ? true : undefined}
                          onClick={() => void move(index, index + 1, 'down')}
                        >
                          {t('meeting.moveDown')}
                        </button>
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          data-control="remove"
                          aria-label={t('meeting.removeLabel', { caseId })}
                          aria-disabled={item && item.proposals > 0 ? true : undefined}
                          onClick={() => void remove(index)}
                        >
                          {t('meeting.remove')}
                        </button>
                      </span>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
