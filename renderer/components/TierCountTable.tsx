/** One bundle's cases counted by the policy tiers of their claimed loss. */
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../shared/schemas/bundle-manifest';
import type { Language } from '../db/settings';
import type { ClaimedTierCounts } from '../domain/claimed-tier-counts';
import { formatCount, formatKrw } from '../format/numbers';

interface Props {
  title: string;
  policyId: string;
  counts: ClaimedTierCounts;
  language: Language;
}

export function TierCountTable({ title, policyId, counts, language }: Props) {
  const { t } = useTranslation();
  const krw = (n: number) => formatKrw(n, language);
  const range = (tier: Tier) =>
    tier.maxLoss === undefined ? t('cases.rangeOpen', { min: krw(tier.minLoss) }) : t('cases.rangeClosed', { min: krw(tier.minLoss), max: krw(tier.maxLoss) });

  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('cases.tierCaption', { title, policyId })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.colTier')}</th>
            <th scope="col">{t('cases.colRange')}</th>
            <th scope="col">{t('cases.colAward')}</th>
            <th scope="col" className="num">
              {t('cases.colCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.belowFirstTier > 0 && (
            <tr>
              <th scope="row">{t('cases.belowFirstTier')}</th>
              <td>—</td>
              <td>{t('cases.awardNone')}</td>
              <td className="num">{formatCount(counts.belowFirstTier, language)}</td>
            </tr>
          )}
          {counts.tiers.map(({ tier, count }) => (
            <tr key={tier.id} data-tier={tier.id}>
              <th scope="row" className="mono">
                {tier.id}
              </th>
              <td>{range(tier)}</td>
              <td>{tier.award === null ? t('cases.awardCaseByCase') : krw(tier.award)}</td>
              <td className="num">{formatCount(count, language)}</td>
            </tr>
          ))}
          {counts.aboveLastTier > 0 && (
            <tr>
              <th scope="row">{t('cases.aboveLastTier')}</th>
              <td>—</td>
              <td>{t('cases.awardNone')}</td>
              <td className="num">{formatCount(counts.aboveLastTier, language)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
