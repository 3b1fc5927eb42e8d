/** Left column: what the applicant claims, in their own words, and who they are (the business). */
import { useTranslation } from 'react-i18next';
import { formatRegistrationNo } from '../../shared/registration-number';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { formatDateTime, formatKrw, type Language } from '../../shared/i18n';
import { wordFor } from './known-words';
import { ReviewCard } from './ReviewCard';

export function BusinessCard({ record, language }: { record: CaseRecord; language: Language }) {
  const { t, i18n } = useTranslation();
  const b = record.business;
  const services = record.services.map((s) => wordFor(i18n, 'services', s)).join(', ');
  return (
    <ReviewCard id="business" title={t('review.business.title')}>
      <dl className="facts">
        <dt>{t('review.business.name')}</dt>
        <dd data-testid="review-business-name">{b.name}</dd>
        <dt>{t('review.business.registrationNo')}</dt>
        <dd data-testid="review-registration-no">{formatRegistrationNo(b.registrationNo)}</dd>
        <dt>{t('review.business.representative')}</dt>
        <dd>{b.representative}</dd>
        <dt>{t('review.business.category')}</dt>
        <dd>{wordFor(i18n, 'categories', b.category)}</dd>
        <dt>{t('review.business.region')}</dt>
        <dd>{b.region}</dd>
        <dt>{t('review.business.services')}</dt>
        <dd>{services || '—'}</dd>
        <dt>{t('review.business.receivedAt')}</dt>
        <dd>{formatDateTime(record.receivedAt, language)}</dd>
        <dt>{t('review.business.bankAccount')}</dt>
        <dd className="facts__mono">{record.bankAccountFingerprint}</dd>
      </dl>
    </ReviewCard>
  );
}

export function ClaimCard({ record, language }: { record: CaseRecord; language: Language }) {
  const { t } = useTranslation();
  return (
    <ReviewCard id="claim" title={t('review.claim.title')}>
      <dl className="facts">
        <dt>{t('review.claim.claimedLoss')}</dt>
        <dd className="facts__amount" data-testid="review-claimed-loss">
          {formatKrw(record.claimedLoss, language)}
        </dd>
      </dl>
      <h3 className="review-card__subtitle">{t('review.claim.statement')}</h3>
      <p className="review-statement" data-testid="review-statement">
        {record.statement.trim() === '' ? t('review.claim.noStatement') : record.statement}
      </p>
    </ReviewCard>
  );
}
