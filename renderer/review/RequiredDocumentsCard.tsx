/** The policy's required documents, each present (with the titles that satisfy it) or missing. */
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { wordFor } from './known-words';
import { requiredDocumentChecklist } from './required-documents';
import { ReviewCard } from './ReviewCard';

export function RequiredDocumentsCard({ required, documents }: { required: readonly string[]; documents: CaseRecord['documents'] }) {
  const { t, i18n } = useTranslation();
  const checklist = requiredDocumentChecklist(required, documents);
  return (
    <ReviewCard id="documents" title={t('review.documents.title')}>
      {checklist.length === 0 ? (
        <p className="review-card__empty">{t('review.documents.noneRequired')}</p>
      ) : (
        <ul className="checklist" data-testid="review-required-documents">
          {checklist.map((item) => {
            const present = item.titles.length > 0;
            return (
              <li key={item.kind} className={`checklist__item checklist__item--${present ? 'present' : 'missing'}`} data-kind={item.kind} data-present={present}>
                <span className="checklist__mark" aria-hidden="true">
                  {present ? '✓' : '✗'}
                </span>
                <span className="checklist__kind">{wordFor(i18n, 'documentKinds', item.kind)}</span>
                <span className="checklist__state">{present ? t('review.documents.present') : t('review.documents.missing')}</span>
                {present && <span className="checklist__titles">{item.titles.join(', ')}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </ReviewCard>
  );
}
