/**
 * Which cases the "add cases by filter" part of the meeting setup picks: the Cases list's own
 * filters (cases/case-filter.ts) over its loaded index, by tier, flagged or not, and bundle; or
 * one of two presets. The tiers come from the bundles' policies, never from code: "over 500,000"
 * is whichever policy tier has no fixed award (award null: decided case by case), and "T1 and
 * T2" are the tiers with a fixed award.
 */
import { caseIdsOf, filterCases, NO_FILTERS, type CaseFilters, type CaseIndex } from '../cases';
import type { BundleRow } from '../db/rows';

export interface PolicyTier {
  id: string;
  /** null: decided case by case. */
  award: number | null;
}

export type FlaggedFilter = 'all' | 'flagged' | 'unflagged';

export type AgendaSelection =
  | { kind: 'filter'; tier: 'all' | 'none' | string; flagged: FlaggedFilter; bundle: 'all' | string }
  /** Every case of the bundle in a tier decided case by case, and every flagged case of it. */
  | { kind: 'caseByCaseOrFlagged'; bundle: string }
  /** Every unflagged case in a tier with a fixed award. */
  | { kind: 'unflaggedFixedAward' };

/** The tiers of the bundles' policies in order, each id once (with the award of its first policy). */
export function policyTiers(bundles: readonly BundleRow[]): PolicyTier[] {
  const seen = new Map<string, PolicyTier>();
  for (const b of bundles) for (const t of b.manifest.policy.tiers) if (!seen.has(t.id)) seen.set(t.id, { id: t.id, award: t.award });
  return [...seen.values()];
}

const FLAG_FILTER: Record<FlaggedFilter, CaseFilters['flag']> = { all: 'all', flagged: 'any', unflagged: 'none' };

/** The union of the filters' matches, in case-id order (the index's own order), each case once. */
function union(index: CaseIndex, filters: readonly Partial<CaseFilters>[]): string[] {
  const positions = new Set<number>();
  for (const f of filters) for (const p of filterCases(index, { ...NO_FILTERS, ...f })) positions.add(p);
  return caseIdsOf(index, Int32Array.from([...positions].sort((a, b) => a - b)));
}

export function selectCases(index: CaseIndex, tiers: readonly PolicyTier[], selection: AgendaSelection): string[] {
  switch (selection.kind) {
    case 'filter':
      return union(index, [{ tier: selection.tier, flag: FLAG_FILTER[selection.flagged], bundle: selection.bundle }]);
    case 'caseByCaseOrFlagged':
      return union(index, [
        ...tiers.filter((t) => t.award === null).map((t) => ({ tier: t.id, bundle: selection.bundle })),
        { flag: 'any', bundle: selection.bundle },
      ]);
    case 'unflaggedFixedAward':
      return union(index, tiers.filter((t) => t.award !== null).map((t) => ({ tier: t.id, flag: 'none' as const })));
  }
}
