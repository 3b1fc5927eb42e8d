/**
 * The Cases list's filtering, searching, sorting and counting: pure, and fast for 100,000 cases.
 * An index is built once per load (rows in case-id order, a lowercase search key per row, the
 * tier, flags, status and bundle of each row as small numbers); a filter change is then one pass
 * over typed arrays in the chosen sort order, giving an Int32Array of row positions.
 */
import { FLAG_ORDER, type FlagCode } from '../../shared/duplicate-flags';
import type { CaseStatus, CaseSummaryRow } from '../db/rows';

export const CASE_STATUSES: readonly CaseStatus[] = ['undecided', 'voted', 'decided', 'deferred'];

/** 'all': no tier filter; 'none': cases without a tier; else a policy tier id. */
export type TierFilter = 'all' | 'none' | string;
/** 'all': no flag filter; 'any': at least one flag; 'none': no flag; else one flag code. */
export type FlagFilter = 'all' | 'any' | 'none' | FlagCode;

export interface CaseFilters {
  tier: TierFilter;
  flag: FlagFilter;
  status: 'all' | CaseStatus;
  bundle: 'all' | string;
  search: string;
}

export const NO_FILTERS: CaseFilters = { tier: 'all', flag: 'all', status: 'all', bundle: 'all', search: '' };

export type CaseSortKey = 'caseId' | 'claimedLoss' | 'assessedLoss';
export interface CaseSort {
  key: CaseSortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_SORT: CaseSort = { key: 'caseId', direction: 'asc' };

export interface CaseIndex {
  /** The rows, sorted by case id. Every position below is a position in this array. */
  rows: readonly CaseSummaryRow[];
  /** Per row: "caseid\u0001business name\u0001digits", lowercase, NFC. */
  keys: readonly string[];
  /** Policy tier ids first (in the order given), then any other tier id found in the rows. */
  tierIds: readonly string[];
  /** Per row: its tier's position in tierIds, -1 for no tier. */
  tierOf: Int16Array;
  /** Per row: bit i set when it has flag FLAG_ORDER[i]; bit 31 for a code outside FLAG_ORDER. */
  flagMask: Int32Array;
  statusOf: Uint8Array;
  bundleIds: readonly string[];
  bundleOf: Int32Array;
  /** Case id -> position. */
  positionOf: ReadonlyMap<string, number>;
  /** Sort orders computed so far (filled on first use). */
  orders: Map<string, Int32Array>;
}

const UNKNOWN_FLAG_BIT = 1 << 31;

function byCaseId(a: CaseSummaryRow, b: CaseSummaryRow): number {
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/** The search key of a row; the query is matched against it with includes(). */
export function searchKeyOf(row: CaseSummaryRow): string {
  return `${row.caseId}\u0001${row.businessName}\u0001${row.registrationNo.replace(/\D/g, '')}`.normalize('NFC').toLowerCase();
}

/** Numbers strings by first appearance: the same string, the same number. */
function numbering(initial: readonly string[]): { values: string[]; numberOf(value: string): number } {
  const values = [...new Set(initial)];
  const positions = new Map(values.map((v, i) => [v, i]));
  return {
    values,
    numberOf(value) {
      let p = positions.get(value);
      if (p === undefined) {
        p = values.length;
        values.push(value);
        positions.set(value, p);
      }
      return p;
    },
  };
}

export function buildCaseIndex(input: readonly CaseSummaryRow[], policyTierIds: readonly string[] = []): CaseIndex {
  const rows = [...input].sort(byCaseId);
  const n = rows.length;
  const tiers = numbering(policyTierIds);
  const bundles = numbering([]);
  const flagBit = new Map<string, number>(FLAG_ORDER.map((code, i) => [code, 1 << i]));
  const keys = new Array<string>(n);
  const tierOf = new Int16Array(n);
  const flagMask = new Int32Array(n);
  const statusOf = new Uint8Array(n);
  const bundleOf = new Int32Array(n);
  const positionOf = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const row = rows[i]!;
    keys[i] = searchKeyOf(row);
    tierOf[i] = row.suggestedTier === null ? -1 : tiers.numberOf(row.suggestedTier);
    let mask = 0;
    for (const flag of row.flags) mask |= flagBit.get(flag) ?? UNKNOWN_FLAG_BIT;
    flagMask[i] = mask;
    statusOf[i] = Math.max(0, CASE_STATUSES.indexOf(row.status));
    bundleOf[i] = bundles.numberOf(row.bundleId);
    positionOf.set(row.caseId, i);
  }
  const tierIds = tiers.values;
  const bundleIds = bundles.values;
  return { rows, keys, tierIds, tierOf, flagMask, statusOf, bundleIds, bundleOf, positionOf, orders: new Map() };
}

/** Positions in the sort's order: ties (and null assessed losses, always last) by case id. */
export function sortOrder(index: CaseIndex, sort: CaseSort): Int32Array | null {
  if (sort.key === 'caseId' && sort.direction === 'asc') return null;
  const cacheKey = `${sort.key}:${sort.direction}`;
  const cached = index.orders.get(cacheKey);
  if (cached) return cached;
  const n = index.rows.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[i] = i;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const { rows } = index;
  if (sort.key === 'caseId') order.reverse();
  else {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      const v = sort.key === 'claimedLoss' ? rows[i]!.claimedLoss : rows[i]!.assessedLoss;
      values[i] = v === null ? Number.NaN : v;
    }
    order.sort((a, b) => {
      const va = values[a]!;
      const vb = values[b]!;
      const na = Number.isNaN(va);
      const nb = Number.isNaN(vb);
      if (na || nb) return na === nb ? a - b : na ? 1 : -1;
      return va === vb ? a - b : (va < vb ? -1 : 1) * sign;
    });
  }
  index.orders.set(cacheKey, order);
  return order;
}

/** The query as matched: lowercase NFC; for digits with hyphens or spaces, also the digits alone. */
export function prepareQuery(search: string): { text: string; digits: string | null } {
  const text = search.trim().normalize('NFC').toLowerCase();
  const digits = /^[\d\s-]*\d[\d\s-]*$/.test(text) ? text.replace(/[\s-]/g, '') : null;
  return { text, digits: digits === text ? null : digits };
}

/** The positions of the rows passing every filter and the search, in the sort's order. */
export function filterCases(index: CaseIndex, filters: CaseFilters, sort: CaseSort = DEFAULT_SORT): Int32Array {
  const n = index.rows.length;
  const order = sortOrder(index, sort);
  const tier = filters.tier === 'all' ? -2 : filters.tier === 'none' ? -1 : index.tierIds.indexOf(filters.tier);
  const flagIndex = (FLAG_ORDER as readonly string[]).indexOf(filters.flag);
  const flagBit = flagIndex >= 0 ? 1 << flagIndex : 0;
  const flagMode = filters.flag === 'all' ? 0 : filters.flag === 'any' ? 1 : filters.flag === 'none' ? 2 : 3;
  const status = filters.status === 'all' ? -1 : CASE_STATUSES.indexOf(filters.status);
  const bundle = filters.bundle === 'all' ? -2 : index.bundleIds.indexOf(filters.bundle);
  const { text, digits } = prepareQuery(filters.search);
  const { tierOf, flagMask, statusOf, bundleOf, keys } = index;
  // a tier or bundle that no row has matches nothing
  if ((filters.tier !== 'all' && filters.tier !== 'none' && tier === -1) || bundle === -1) return new Int32Array(0);

  const out = new Int32Array(n);
  let k = 0;
  for (let j = 0; j < n; j += 1) {
    const i = order === null ? j : order[j]!;
    if (tier !== -2 && tierOf[i] !== tier) continue;
    if (flagMode !== 0) {
      const mask = flagMask[i]!;
      if (flagMode === 1 ? mask === 0 : flagMode === 2 ? mask !== 0 : (mask & flagBit) === 0) continue;
    }
    if (status !== -1 && statusOf[i] !== status) continue;
    if (bundle !== -2 && bundleOf[i] !== bundle) continue;
    if (text !== '') {
      const key = keys[i]!;
      if (!key.includes(text) && (digits === null || !key.includes(digits))) continue;
    }
    out[k] = i;
    k += 1;
  }
  return out.slice(0, k);
}

export interface CaseCounts {
  total: number;
  /** Per tier id (index.tierIds order). */
  tiers: { tierId: string; count: number }[];
  noTier: number;
  /** Per flag code, in FLAG_ORDER. */
  flags: { code: FlagCode; count: number }[];
  /** Cases with at least one flag. */
  flagged: number;
}

/** How many of the given positions fall in each tier and carry each flag. */
export function countCases(index: CaseIndex, positions: Int32Array): CaseCounts {
  const tierCounts = new Int32Array(index.tierIds.length);
  const flagCounts = new Int32Array(FLAG_ORDER.length);
  let noTier = 0;
  let flagged = 0;
  const { tierOf, flagMask } = index;
  for (let j = 0; j < positions.length; j += 1) {
    const i = positions[j]!;
    const t = tierOf[i]!;
    if (t < 0) noTier += 1;
    else tierCounts[t] = tierCounts[t]! + 1;
    const mask = flagMask[i]!;
    if (mask === 0) continue;
    flagged += 1;
    for (let f = 0; f < FLAG_ORDER.length; f += 1) if (mask & (1 << f)) flagCounts[f] = flagCounts[f]! + 1;
  }
  return {
    total: positions.length,
    tiers: index.tierIds.map((tierId, t) => ({ tierId, count: tierCounts[t]! })),
    noTier,
    flags: FLAG_ORDER.map((code, f) => ({ code, count: flagCounts[f]! })),
    flagged,
  };
}

/** The case ids at the given positions, in order (the order the case review follows). */
export function caseIdsOf(index: CaseIndex, positions: Int32Array): string[] {
  const ids = new Array<string>(positions.length);
  for (let j = 0; j < positions.length; j += 1) ids[j] = index.rows[positions[j]!]!.caseId;
  return ids;
}

/** True when any filter or the search is set. */
export function hasFilters(filters: CaseFilters): boolean {
  return filters.tier !== 'all' || filters.flag !== 'all' || filters.status !== 'all' || filters.bundle !== 'all' || filters.search.trim() !== '';
}
