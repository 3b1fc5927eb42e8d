/**
 * The case review screen, the heart of the app: on the left the claim and the statement, the
 * suggestion with its reasons, the flags in words, the required documents and the business; on
 * the right the evidence. Previous and next follow the order it was opened from (the Cases list, or
 * the meeting room's agenda); Escape and "back" go back there, the button saying where (`from`).
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidencePanel } from './evidence/EvidencePanel';
import { BusinessCard, ClaimCard } from './CaseFactsCards';
import { CaseReviewHeader } from './CaseReviewHeader';
import { FlagsCard } from './FlagsCard';
import { RequiredDocumentsCard } from './RequiredDocumentsCard';
import { SuggestionCard } from './SuggestionCard';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';
import { useAsyncValue } from '../common/use-async-value';
import { useCaseReviewKeys } from './use-case-review-keys';
import { caseNeighbours } from './case-neighbours';
import { loadCaseReview } from './load-case-review';
import { useUiStore } from '../common/ui-store';
import './review.css';

/** Where the review was opened from, and goes back to. */
export type ReviewFrom = 'cases' | 'meeting';

export function CaseReviewScreen({ from = 'cases' }: { from?: ReviewFrom }) {
  const { t } = useTranslation();
  const backLabel = t(from === 'meeting' ? 'review.backToMeeting' : 'review.back');
  const { db } = useServices();
  const caseId = useUiStore((s) => s.reviewCaseId) ?? '';
  const order = useUiStore((s) => s.reviewOrder);
  const listSize = useUiStore((s) => s.reviewListSize);
  const language = useUiStore((s) => s.language);
  const openCase = useUiStore((s) => s.openCase);
  const closeCase = useUiStore((s) => s.closeCase);
  const review = useAsyncValue(() => loadCaseReview(db, caseId), [db, caseId]);
  const neighbours = caseNeighbours(order, caseId);

  const open = useCallback((id: string) => openCase(id), [openCase]);
  const onPrevious = useCallback(() => neighbours.previous && openCase(neighbours.previous), [neighbours.previous, openCase]);
  const onNext = useCallback(() => neighbours.next && openCase(neighbours.next), [neighbours.next, openCase]);
  useCaseReviewKeys({ onPrevious, onNext, onBack: closeCase });

  if (review.state === 'loading') {
    return (
      <section className="review" data-screen="case-review" aria-busy="true">
        <p role="status">{t('review.loading')}</p>
      </section>
    );
  }
  if (review.state === 'failed') {
    const error = review.error.code === 'CASE_NOT_FOUND' ? { ...review.error, message: t('review.notFound', { caseId }) } : review.error;
    return (
      <section className="review" data-screen="case-review">
        <button type="button" className="button button--quiet" onClick={closeCase}>
          ← {backLabel}
        </button>
        <ErrorNotice title={t('review.loadFailed')} error={error} />
      </section>
    );
  }
  const { row, bundle, documents, assessment, meetingState } = review.value;
  return (
    <section className="review" data-screen="case-review" data-case-id={row.caseId} aria-labelledby="screen-title-case-review">
      <CaseReviewHeader row={row} meetingState={meetingState} neighbours={neighbours} listSize={listSize} backLabel={backLabel} onBack={closeCase} onOpen={open} />
      <div className="review__columns">
        <div className="review__facts">
          <ClaimCard record={row.record} language={language} />
          <SuggestionCard assessment={assessment} policyId={bundle.manifest.policy.id} language={language} />
          <FlagsCard record={row.record} assessment={assessment} duplicates={row.duplicates} language={language} onOpenCase={open} />
          <RequiredDocumentsCard required={bundle.manifest.policy.requiredDocuments} documents={row.record.documents} />
          <BusinessCard record={row.record} language={language} />
        </div>
        <div className="review__evidence">
          <EvidencePanel documents={documents} dailySales={row.record.dailySales} assessment={assessment} language={language} />
        </div>
      </div>
    </section>
  );
}
