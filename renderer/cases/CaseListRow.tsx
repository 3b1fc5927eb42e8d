/**
 * One case in the Cases list: an option of the listbox, placed by the virtualizer. Its accessible
 * name is its content, in the order shown, with the column names the eye takes from the header
 * said in hidden words: a name that holds the visible text (WCAG 2.5.3, so "click 1015-000001"
 * works by voice) and reads as one sentence.
 */
import { Fragment, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRegistrationNo } from '../../shared/registration-number';
import type { CaseSummaryRow } from '../db/rows';
import { formatKrw, type Language } from '../../shared/i18n';
import { assessedText, flagLabel, flagTitle, tierText } from './case-row-text';
import type { CaseMeetingState } from '../db/case-meeting-state';
import { meetingStateText, meetingStateTone } from '../common/meeting-state-text';

export function caseOptionId(caseId: string): string {
  return `case-option-${caseId}`;
}

interface Props {
  row: CaseSummaryRow;
  position: number;
  setSize: number;
  start: number;
  /** The row's height in the layout of the moment (use-row-height.ts). */
  height: number;
  selected: boolean;
  /** Where the case stands in the council's meetings; undefined: in none (its status is shown). */
  meetingState: CaseMeetingState | undefined;
  language: Language;
  onOpen(caseId: string): void;
}

/**
 * The column a figure is in: for screen readers only in the wide layout (the header row says it to
 * the eye and is hidden from them), shown in the narrow one, which has no header row.
 */
function Spoken({ text }: { text: string }) {
  return (
    <>
      <span className="case-row__spoken">{text}</span>{' '}
    </>
  );
}

export const CaseListRow = memo(function CaseListRow({ row, position, setSize, start, height, selected, meetingState, language, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <div
      role="option"
      id={caseOptionId(row.caseId)}
      aria-selected={selected}
      aria-posinset={position + 1}
      aria-setsize={setSize}
      data-case-id={row.caseId}
      className={selected ? 'case-row case-row--selected' : 'case-row'}
      // the virtualizer's placement: the only inline style of the list
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', height, transform: `translateY(${start}px)` }}
      onClick={() => onOpen(row.caseId)}
    >
      <span className="case-row__id">
        <span className="mono">{row.caseId}</span>{' '}
        <span className="case-row__reg mono">{formatRegistrationNo(row.registrationNo)}</span>
      </span>{' '}
      <span className="case-row__name">{row.businessName}</span>{' '}
      <span className="case-row__num case-row__claimed">
        <Spoken text={t('cases.colClaimed')} />
        {formatKrw(row.claimedLoss, language)}
      </span>{' '}
      <span className={row.assessedLoss === null ? 'case-row__num case-row__assessed case-row__muted' : 'case-row__num case-row__assessed'}>
        <Spoken text={t('cases.colAssessed')} />
        {assessedText(t, row.assessedLoss, language)}
      </span>{' '}
      <span className={row.suggestedTier === null ? 'case-row__tier case-row__muted' : 'case-row__tier'}>{tierText(t, row, language)}</span>{' '}
      <span className="case-row__flags">
        <Spoken text={row.flags.length === 0 ? `${t('cases.colFlags')} ${t('cases.noFlags')}` : t('cases.colFlags')} />
        {row.flags.map((code, i) => (
          <Fragment key={code}>
            {i > 0 && ' '}
            <span className="flag-chip" title={flagTitle(t, code)}>
              {flagLabel(t, code)}
            </span>
          </Fragment>
        ))}
      </span>{' '}
      {meetingState ? (
        <span className={`status-chip status-chip--${meetingStateTone(meetingState)}`} data-meeting-state={meetingState.kind}>
          {meetingStateText(t, meetingState, language)}
        </span>
      ) : (
        <span className={`status-chip status-chip--${row.status}`}>{t(`cases.status.${row.status}`)}</span>
      )}
    </div>
  );
});
