/**
 * The Cases list: every case summary, loaded once (and again when the council's bundles change),
 * with the filters, search, sort and selection the user chose. They live here, not in the screen,
 * so coming back from a case finds the list as it was left.
 */
import { create } from 'zustand';
import { describeError, type ErrorInfo } from '../common/council-api';
import type { BundleRow, CaseSummaryRow } from '../db/rows';
import type { CouncilDb } from '../db/schema';
import {
  buildCaseIndex,
  caseIdsOf,
  countCases,
  DEFAULT_SORT,
  filterCases,
  NO_FILTERS,
  type CaseCounts,
  type CaseFilters,
  type CaseIndex,
  type CaseSort,
} from './case-filter';
import { useUiStore } from '../common/ui-store';

export type CasesLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

interface CasesState {
  status: CasesLoadStatus;
  error: ErrorInfo | null;
  index: CaseIndex | null;
  /** What the index was loaded for: a change of either loads again. */
  loadedDb: CouncilDb | null;
  loadedBundles: readonly BundleRow[] | null;
  filters: CaseFilters;
  sort: CaseSort;
  /** Positions (in index.rows) of the cases shown, in order. */
  visible: Int32Array;
  counts: CaseCounts | null;
  selectedCaseId: string | null;
  /** Loads unless already loaded for this database and these bundles. */
  ensureLoaded(db: CouncilDb, bundles: readonly BundleRow[]): Promise<void>;
  setFilters(patch: Partial<CaseFilters>): void;
  setSort(sort: CaseSort): void;
  clearFilters(): void;
  select(caseId: string | null): void;
  /** Moves the selection by `delta` rows, or to the first or last row; returns the new position. */
  moveSelection(move: number | 'first' | 'last'): number;
  /** Opens the case for review, with the list's order for previous and next. */
  openCase(caseId: string): void;
  /** Opens the selected case when it is shown, else the first one shown; false when none is. */
  openActive(): boolean;
}

const empty = new Int32Array(0);

const initial = {
  status: 'idle' as CasesLoadStatus,
  error: null,
  index: null as CaseIndex | null,
  loadedDb: null as CouncilDb | null,
  loadedBundles: null as readonly BundleRow[] | null,
  filters: NO_FILTERS,
  sort: DEFAULT_SORT,
  visible: empty,
  counts: null as CaseCounts | null,
  selectedCaseId: null as string | null,
};

/** Policy tier ids of the bundles' manifests, in bundle order, without repeats. */
export function policyTierIds(bundles: readonly BundleRow[]): string[] {
  return [...new Set(bundles.flatMap((b) => b.manifest.policy.tiers.map((t) => t.id)))];
}

/** Every case summary: one for each case (they are written together, db/case-summary-sync.ts). */
export function loadCaseSummaries(db: CouncilDb): Promise<CaseSummaryRow[]> {
  return db.caseSummaries.toArray();
}

function shown(index: CaseIndex | null, filters: CaseFilters, sort: CaseSort) {
  if (!index) return { visible: empty, counts: null };
  const visible = filterCases(index, filters, sort);
  return { visible, counts: countCases(index, visible) };
}

let loadSequence = 0;

export const useCasesStore = create<CasesState>()((set, get) => ({
  ...initial,
  ensureLoaded: async (db, bundles) => {
    const state = get();
    if (state.loadedDb === db && state.loadedBundles === bundles && state.status !== 'failed') return;
    loadSequence += 1;
    const mine = loadSequence;
    set({ status: state.index ? state.status : 'loading', loadedDb: db, loadedBundles: bundles });
    try {
      const rows = await loadCaseSummaries(db);
      if (mine !== loadSequence) return;
      const index = buildCaseIndex(rows, policyTierIds(bundles));
      const { filters, sort } = get();
      set({ status: 'ready', error: null, index, ...shown(index, filters, sort) });
    } catch (err) {
      if (mine === loadSequence) set({ status: 'failed', error: describeError(err) });
    }
  },
  setFilters: (patch) => {
    const { index, filters, sort } = get();
    const next = { ...filters, ...patch };
    set({ filters: next, ...shown(index, next, sort) });
  },
  setSort: (sort) => {
    const { index, filters } = get();
    set({ sort, ...shown(index, filters, sort) });
  },
  clearFilters: () => {
    const { index, sort } = get();
    set({ filters: NO_FILTERS, ...shown(index, NO_FILTERS, sort) });
  },
  select: (caseId) => set({ selectedCaseId: caseId }),
  moveSelection: (move) => {
    const { index, visible, selectedCaseId } = get();
    if (!index || visible.length === 0) return -1;
    const current = selectedCaseId === null ? -1 : selectedPosition(index, visible, selectedCaseId);
    let next: number;
    if (move === 'first') next = 0;
    else if (move === 'last') next = visible.length - 1;
    else if (current === -1) next = move < 0 ? visible.length - 1 : 0;
    else next = Math.min(visible.length - 1, Math.max(0, current + move));
    set({ selectedCaseId: index.rows[visible[next]!]!.caseId });
    return next;
  },
  openActive: () => {
    const { index, visible, selectedCaseId } = get();
    if (!index || visible.length === 0) return false;
    const position = selectedCaseId === null ? -1 : selectedPosition(index, visible, selectedCaseId);
    get().openCase(index.rows[visible[Math.max(0, position)]!]!.caseId);
    return true;
  },
  openCase: (caseId) => {
    const { index, visible } = get();
    set({ selectedCaseId: caseId });
    if (index) useUiStore.getState().openCase(caseId, caseIdsOf(index, visible), index.rows.length);
    else useUiStore.getState().openCase(caseId, [caseId]);
  },
}));

// The case review's previous and next move through the list: back in the list, the case last
// reviewed is the one selected.
useUiStore.subscribe((ui, before) => {
  if (ui.reviewCaseId !== null && ui.reviewCaseId !== before.reviewCaseId) useCasesStore.setState({ selectedCaseId: ui.reviewCaseId });
});

/** Where the case is in the list shown, or -1. */
export function selectedPosition(index: CaseIndex, visible: Int32Array, caseId: string): number {
  const position = index.positionOf.get(caseId);
  return position === undefined ? -1 : visible.indexOf(position);
}

export function resetCasesStore(): void {
  loadSequence += 1;
  useCasesStore.setState(initial);
}
