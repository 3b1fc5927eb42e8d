/**
 * The flags in plain words: the engine's own (with the figures behind them) and the duplicates,
 * each naming the other cases as buttons that open them.
 */
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../shared/assessment';
import { sortFlags, type DuplicateFlag } from '../../shared/duplicate-flags';
import { formatRegistrationNo } from '../../shared/registration-number';
import type { CaseRecord } from '../../shared/schemas/case-record';
import { formatKrw, type Language } from '../../shared/i18n';
import { wordFor } from './known-words';
import { ReviewCard } from './ReviewCard';

interface Props {
  record: CaseRecord;
  assessment: Assessment;
  /** Duplicate flags as stored at import (they depend on the other bundles). */
  duplicates: readonly DuplicateFlag[];
  language: Language;
  onOpenCase: (caseId: string) => void;
}

export function FlagsCard({ record, assessment, duplicates, language, onOpenCase }: Props) {
  const { t, i18n } = useTranslation();
  const byCode = new Map(duplicates.map((d) => [d.code as string, d]));
  const codes = sortFlags([...assessment.flags, ...byCode.keys()]);
  const missingKinds = assessment.reasons.flatMap((r) => (r.code === 'MISSING_DOCUMENTS' ? r.kinds : []));

  function engineText(code: string): string {
    switch (code) {
      case 'REGISTRATION_NO_INVALID':
        return t('review.flags.REGISTRATION_NO_INVALID', { registrationNo: formatRegistrationNo(record.business.registrationNo) });
      case 'MISSING_DOCUMENTS':
        return t('review.flags.MISSING_DOCUMENTS', { kinds: missingKinds.map((k) => wordFor(i18n, 'documentKinds', k)).join(', ') });
      case 'CLAIM_EXCEEDS_ASSESSED':
        return t('review.flags.CLAIM_EXCEEDS_ASSESSED', { claimed: formatKrw(record.claimedLoss, language), assessed: formatKrw(assessment.assessedLoss ?? 0, language) });
      case 'NO_SALES_DATA':
        return t('review.flags.NO_SALES_DATA');
      case 'NO_COMPLETE_BASELINE_WEEK':
        return t('review.flags.NO_COMPLETE_BASELINE_WEEK');
      default:
        return code;
    }
  }

  return (
    <ReviewCard id="flags" title={t('review.flags.title')}>
      {codes.length === 0 ? (
        <p className="review-card__empty">{t('review.flags.none')}</p>
      ) : (
        <ul className="flag-list" data-testid="review-flags">
          {codes.map((code) => {
            const duplicate = byCode.get(code);
            return (
              <li key={code} className="flag-list__item" data-flag={code}>
                {duplicate ? (
                  <>
                    {t(`review.flags.${duplicate.code}`)}{' '}
                    {duplicate.caseIds.map((id) => (
                      <button key={id} type="button" className="link-button" onClick={() => onOpenCase(id)} aria-label={t('review.flags.openOther', { caseId: id })}>
                        {id}
                      </button>
                    ))}
                  </>
                ) : (
                  engineText(code)
                )}
              </li>
            );
          })}
        </ul>
      )}
    </ReviewCard>
  );
}
