/** One case in the Cases list: an option of the listbox, placed by the virtualizer. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRegistrationNo } from '../../shared/registration-number';
import type { CaseSummaryRow } from '../db/rows';
import { formatKrw, type Language } from '../../shared/i18n';
import { assessedText, flagLabel, flagTitle, rowLabel, tierText } from './case-row-text';

export const CASE_ROW_HEIGHT = 56;

export function caseOptionId(caseId: string): string {
  return `case-option-${caseId}`;
}

interface Props {
  row: CaseSummaryRow;
  position: number;
  setSize: number;
  start: number;
  selected: boolean;
  language: Language;
  onOpen(caseId: string): void;
}

export const CaseListRow = memo(function CaseListRow({ row, position, setSize, start, selected, language, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <div
      role="option"
      id={caseOptionId(row.caseId)}
      aria-selected={selected}
      aria-posinset={position + 1}
      aria-setsize={setSize}
      aria-label={rowLabel(t, row, language)}
      data-case-id={row.caseId}
      className={selected ? 'case-row case-row--selected' : 'case-row'}
      // the virtualizer's placement: the only inline style of the list
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: CASE_ROW_HEIGHT, transform: `translateY(${start}px)` }}
      onClick={() => onOpen(row.caseId)}
    >
      <span className="case-row__id">
        <span className="mono">{row.caseId}</span>
        <span className="case-row__reg mono">{formatRegistrationNo(row.registrationNo)}</span>
      </span>
      <span className="case-row__name">{row.businessName}</span>
      <span className="case-row__num">{formatKrw(row.claimedLoss, language)}</span>
      <span className={row.assessedLoss === null ? 'case-row__num case-row__muted' : 'case-row__num'}>{assessedText(t, row.assessedLoss, language)}</span>
      <span className={row.suggestedTier === null ? 'case-row__tier case-row__muted' : 'case-row__tier'}>{tierText(t, row, language)}</span>
      <span className="case-row__flags">
        {row.flags.map((code) => (
          <span key={code} className="flag-chip" title={flagTitle(t, code)}>
            {flagLabel(t, code)}
          </span>
        ))}
      </span>
      <span className={`status-chip status-chip--${row.status}`}>{t(`cases.status.${row.status}`)}</span>
    </div>
  );
});
