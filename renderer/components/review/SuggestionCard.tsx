/**
 * The tier suggestion and why: the assessed loss, the amount used, the suggested tier and award
 * (or case by case, or reject), and every reason in words from the shared engine (the same
 * sentences the command line's `suggest` prints).
 */
import { useTranslation } from 'react-i18next';
import { reasonText, type Assessment } from '../../../shared/assessment';
import type { Language } from '../../db/settings';
import { formatKrw } from '../../format/numbers';
import { ReviewCard } from './ReviewCard';

export function suggestionWords(assessment: Assessment, t: ReturnType<typeof useTranslation>['t'], language: Language): string {
  const tier = assessment.tier;
  if (tier === null) return t('review.suggestion.noTier');
  if (tier.award === null) return t('review.suggestion.tierCaseByCase', { tier: tier.id });
  return t('review.suggestion.tierAward', { tier: tier.id, award: formatKrw(tier.award, language) });
}

export function SuggestionCard({ assessment, policyId, language }: { assessment: Assessment; policyId: string; language: Language }) {
  const { t } = useTranslation();
  const tone = assessment.tier === null ? 'reject' : assessment.tier.award === null ? 'review' : 'award';
  return (
    <ReviewCard id="suggestion" title={t('review.suggestion.title')} meta={t('review.suggestion.policy', { policyId })}>
      <p className={`suggestion suggestion--${tone}`} data-testid="review-suggestion" data-tier={assessment.tier?.id ?? ''}>
        {suggestionWords(assessment, t, language)}
      </p>
      <dl className="facts">
        <dt>{t('review.suggestion.assessedLoss')}</dt>
        <dd className="facts__amount" data-testid="review-assessed-loss">
          {assessment.assessedLoss === null ? t('review.suggestion.noAssessedLoss') : formatKrw(assessment.assessedLoss, language)}
        </dd>
        <dt>{t('review.suggestion.amountUsed')}</dt>
        <dd className="facts__amount">
          {formatKrw(assessment.suggestionAmount, language)} ({assessment.basis === 'assessed' ? t('review.suggestion.basisAssessed') : t('review.suggestion.basisClaimed')})
        </dd>
      </dl>
      <h3 className="review-card__subtitle">{t('review.suggestion.reasonsTitle')}</h3>
      <ol className="reasons" data-testid="review-reasons">
        {assessment.reasons.map((reason, i) => (
          <li key={i} className={`reasons__item reasons__item--${reason.code.toLowerCase().replace(/_/g, '-')}`}>
            {reasonText(reason, language)}
          </li>
        ))}
      </ol>
    </ReviewCard>
  );
}
