/** The Cases list's search box, filters (tier, flag, status, bundle) and sort: labelled form controls bound to the cases store. */
import { useTranslation } from 'react-i18next';
import { FLAG_ORDER } from '../../shared/duplicate-flags';
import type { BundleRow } from '../db/rows';
import { CASE_STATUSES, hasFilters, type CaseFilters, type CaseSort } from './case-filter';
import { useCasesStore } from './cases-store';

const NO_TIERS: readonly string[] = [];
const SORTS = ['caseId:asc', 'claimedLoss:asc', 'claimedLoss:desc', 'assessedLoss:asc', 'assessedLoss:desc'] as const;
const SORT_WORDS = {
  'caseId:asc': 'caseIdAsc',
  'claimedLoss:asc': 'claimedLossAsc',
  'claimedLoss:desc': 'claimedLossDesc',
  'assessedLoss:asc': 'assessedLossAsc',
  'assessedLoss:desc': 'assessedLossDesc',
} as const;

function sortValue(sort: CaseSort): string {
  return `${sort.key}:${sort.direction}`;
}

function parseSort(value: string): CaseSort {
  const [key, direction] = value.split(':') as [CaseSort['key'], CaseSort['direction']];
  return { key, direction };
}

interface Choice {
  value: string;
  label: string;
}

function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: readonly Choice[]; onChange(value: string): void }) {
  return (
    <label className="form-field">
      <span className="form-field__label">{label}</span>
      <select className="form-field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CaseFilterBar({ bundles }: { bundles: readonly BundleRow[] }) {
  const { t } = useTranslation();
  const filters = useCasesStore((s) => s.filters);
  const sort = useCasesStore((s) => s.sort);
  const tierIds = useCasesStore((s) => s.index?.tierIds ?? NO_TIERS);
  const { setFilters, setSort, clearFilters } = useCasesStore.getState();
  const set = (patch: Partial<CaseFilters>) => setFilters(patch);
  const all = { value: 'all', label: t('cases.all') };

  return (
    <form className="case-filters" role="search" aria-label={t('cases.filtersLabel')} onSubmit={(e) => {
        // Enter in the search box opens the case found (the selected one, else the first)
        e.preventDefault();
        useCasesStore.getState().openActive();
      }}>
      <label className="form-field form-field--wide">
        <span className="form-field__label">{t('cases.search')}</span>
        <input
          type="search"
          className="form-field__input"
          value={filters.search}
          placeholder={t('cases.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <FilterSelect
        label={t('cases.filterTier')}
        value={filters.tier}
        onChange={(tier) => set({ tier })}
        options={[all, ...tierIds.map((id) => ({ value: id, label: t('cases.tierOption', { tier: id }) })), { value: 'none', label: t('cases.noTier') }]}
      />
      <FilterSelect
        label={t('cases.filterFlag')}
        value={filters.flag}
        onChange={(flag) => set({ flag: flag as CaseFilters['flag'] })}
        options={[
          all,
          { value: 'any', label: t('cases.flagAny') },
          { value: 'none', label: t('cases.flagNone') },
          ...FLAG_ORDER.map((code) => ({ value: code, label: t(`flags.${code}`) })),
        ]}
      />
      <FilterSelect
        label={t('cases.filterStatus')}
        value={filters.status}
        onChange={(status) => set({ status: status as CaseFilters['status'] })}
        options={[all, ...CASE_STATUSES.map((status) => ({ value: status, label: t(`cases.status.${status}`) }))]}
      />
      <FilterSelect
        label={t('cases.filterBundle')}
        value={filters.bundle}
        onChange={(bundle) => set({ bundle })}
        options={[all, ...bundles.map((b) => ({ value: b.bundleId, label: `${b.manifest.title} (${b.bundleId})` }))]}
      />
      <FilterSelect
        label={t('cases.sort')}
        value={sortValue(sort)}
        onChange={(value) => setSort(parseSort(value))}
        options={SORTS.map((value) => ({ value, label: t(`cases.sortOptions.${SORT_WORDS[value]}`) }))}
      />
      <button type="button" className="button button--quiet case-filters__clear" disabled={!hasFilters(filters)} onClick={clearFilters}>
        {t('cases.clearFilters')}
      </button>
    </form>
  );
}
