/**
 * The case before the council, large: business, region, category, claimed and assessed loss and
 * status, the suggestion with its reasons (the review's own card), and the evidence one key away (E).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw, type Language } from '../../../shared/i18n';
import { SuggestionCard, wordFor, type CaseReview } from '../../review';

interface Props {
  review: CaseReview;
  language: Language;
  onEvidence(): void;
}

export const CurrentCase = memo(function CurrentCase({ review, language, onEvidence }: Props) {
  const { t, i18n } = useTranslation();
  const { row, bundle, assessment } = review;
  const b = row.record.business;
  return (
    <section className="card room-case" data-room-section="case" aria-labelledby="room-case-title" data-case-id={row.caseId}>
      <p className="room-case__id">{t('room.case.caseId', { caseId: row.caseId })}</p>
      <h2 id="room-case-title" className="room-case__name" tabIndex={-1} data-testid="room-case-name">
        {b.name}
      </h2>
      <dl className="facts room-case__facts">
        <dt>{t('room.case.region')}</dt>
        <dd>{b.region}</dd>
        <dt>{t('room.case.category')}</dt>
        <dd>{wordFor(i18n, 'categories', b.category)}</dd>
        <dt>{t('room.case.claimedLoss')}</dt>
        <dd className="facts__amount" data-testid="room-claimed-loss">
          {formatKrw(row.claimedLoss, language)}
        </dd>
        <dt>{t('room.case.assessedLoss')}</dt>
        <dd className="facts__amount">{row.assessedLoss === null ? t('room.case.noAssessedLoss') : formatKrw(row.assessedLoss, language)}</dd>
        <dt>{t('room.case.status')}</dt>
        <dd data-testid="room-case-status">{t(`review.status.${row.status}`)}</dd>
      </dl>
      <button type="button" className="button" onClick={onEvidence} aria-keyshortcuts="E" data-testid="room-evidence">
        {t('room.case.evidence')} <kbd>{t('room.case.evidenceHint')}</kbd>
      </button>
      <SuggestionCard assessment={assessment} policyId={bundle.manifest.policy.id} language={language} />
    </section>
  );
});
