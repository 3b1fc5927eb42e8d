/**
 * The tier suggestion and why: the assessed loss, the amount used, the suggested tier and award
 * (or case by case, or reject), and every reason in words from the shared engine (the same
 * sentences the command line's `suggest` prints, in the same order); the week-by-week lines are
 * folded under one line that says how many weeks were compared.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { reasonText, type Assessment, type Reason } from '../../shared/assessment';
import { formatKrw, type Language } from '../../shared/i18n';
import { ReviewCard } from './ReviewCard';

// `t` as i18next's TFunction: ReturnType<typeof useTranslation>['t'] grows too deep for tsc as the resources grow.
export function suggestionWords(assessment: Assessment, t: TFunction, language: Language): string {
  const tier = assessment.tier;
  if (tier === null) return t('review.suggestion.noTier');
  if (tier.award === null) return t('review.suggestion.tierCaseByCase', { tier: tier.id });
  return t('review.suggestion.tierAward', { tier: tier.id, award: formatKrw(tier.award, language) });
}

interface ReasonGroup {
  start: number;
  /** A run of per-week reasons (shown folded), or the reasons between such runs. */
  weeks: boolean;
  counted: number;
  reasons: Reason[];
}

const isWeek = (r: Reason) => r.code === 'WEEK_COUNTED' || r.code === 'WEEK_REJECTED';

/** The reasons in the engine's order, the per-week ones gathered so they can be folded. */
function reasonGroups(reasons: readonly Reason[]): ReasonGroup[] {
  const groups: ReasonGroup[] = [];
  reasons.forEach((reason, i) => {
    const weeks = isWeek(reason);
    let group = groups[groups.length - 1];
    if (group === undefined || group.weeks !== weeks) groups.push((group = { start: i, weeks, counted: 0, reasons: [] }));
    group.reasons.push(reason);
    if (reason.code === 'WEEK_COUNTED') group.counted += 1;
  });
  return groups;
}

function ReasonList({ reasons, language }: { reasons: Reason[]; language: Language }) {
  return (
    <ul className="reasons__list">
      {reasons.map((reason, i) => (
        <li key={i} className={`reasons__item reasons__item--${reason.code.toLowerCase().replace(/_/g, '-')}`} data-reason={reason.code}>
          {reasonText(reason, language)}
        </li>
      ))}
    </ul>
  );
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
      <div className="reasons" data-testid="review-reasons">
        {reasonGroups(assessment.reasons).map((group) =>
          group.weeks ? (
            <details key={group.start} className="reasons__weeks">
              <summary>{t('review.suggestion.weeksSummary', { counted: group.counted, rejected: group.reasons.length - group.counted })}</summary>
              <ReasonList reasons={group.reasons} language={language} />
            </details>
          ) : (
            <ReasonList key={group.start} reasons={group.reasons} language={language} />
          ),
        )}
      </div>
    </ReviewCard>
  );
}
