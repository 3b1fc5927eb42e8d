/** How the cases shown (after filters and search) fall into suggested tiers and carry flags. */
import { useTranslation } from 'react-i18next';
import { formatCount } from '../common/format/numbers';
import { useCasesStore } from './cases-store';
import { useUiStore } from '../common/ui-store';

export function CaseCounts() {
  const { t } = useTranslation();
  const counts = useCasesStore((s) => s.counts);
  const language = useUiStore((s) => s.language);
  if (!counts) return null;
  const n = (count: number) => formatCount(count, language);
  const tiers = [...counts.tiers.map((c) => ({ key: c.tierId, label: c.tierId, count: c.count })), { key: 'none', label: t('cases.noTier'), count: counts.noTier }];
  const flags = counts.flags.filter((c) => c.count > 0);
  return (
    <section className="case-counts" aria-labelledby="case-counts-title" data-testid="case-counts">
      <h2 id="case-counts-title" className="case-counts__title">
        {t('cases.countsTitle', { count: n(counts.total) })}
      </h2>
      <dl className="case-counts__groups">
        <div className="case-counts__group" data-testid="tier-counts">
          <dt>{t('cases.countsTiers')}</dt>
          {tiers.map((c) => (
            <dd key={c.key} className="case-counts__item">
              {t('cases.countItem', { label: c.label, count: n(c.count) })}
            </dd>
          ))}
        </div>
        <div className="case-counts__group" data-testid="flag-counts">
          <dt>{t('cases.countsFlags')}</dt>
          {flags.length === 0 ? (
            <dd className="case-counts__item">{t('cases.noFlags')}</dd>
          ) : (
            flags.map((c) => (
              <dd key={c.code} className="case-counts__item">
                {t('cases.countItem', { label: t(`flags.${c.code}`), count: n(c.count) })}
              </dd>
            ))
          )}
        </div>
      </dl>
    </section>
  );
}
