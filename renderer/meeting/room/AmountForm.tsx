/**
 * An amount the chair names: a whole number of KRW. Above the claimed loss it is refused (said
 * here as it is typed, and by the data); above the assessed loss it warns (the decision will need
 * a rationale). Escape cancels.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw, type Language } from '../../../shared/i18n';
import type { CaseRow } from '../../db/rows';
import { RoomForm } from './RoomForm';

interface Props {
  row: Pick<CaseRow, 'claimedLoss' | 'assessedLoss'>;
  language: Language;
  onSubmit(amount: number): void;
  onCancel(): void;
}

/** Digits only (commas and spaces allowed as people write them); null when it is not a whole number. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[,\s원]/g, '');
  if (!/^\d{1,15}$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isSafeInteger(n) ? n : null;
}

export function AmountForm({ row, language, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const amount = parseAmount(text);
  const note =
    text.trim() === ''
      ? null
      : amount === null || amount < 1
        ? { tone: 'error', words: t('room.proposal.amountInvalid') }
        : amount > row.claimedLoss
          ? { tone: 'error', words: t('room.proposal.amountAboveClaim', { claimedLoss: formatKrw(row.claimedLoss, language) }) }
          : row.assessedLoss !== null && amount > row.assessedLoss
            ? { tone: 'warning', words: t('room.proposal.amountAboveAssessed', { assessedLoss: formatKrw(row.assessedLoss, language) }) }
            : null;
  return (
    // The data refuses what is wrong, in the same words as elsewhere; NaN says "not a whole number".
    <RoomForm submitLabel={t('room.proposal.submit')} onSubmit={() => onSubmit(amount ?? Number.NaN)} onCancel={onCancel} testId="room-amount-form">
      <label htmlFor={id}>{t('room.proposal.amountLabel')}</label>
      <input id={id} inputMode="numeric" autoComplete="off" value={text} autoFocus onChange={(e) => setText(e.target.value)} aria-describedby={note ? `${id}-note` : undefined} aria-invalid={note?.tone === 'error'} />
      {note && (
        <p id={`${id}-note`} className={`room-note room-note--${note.tone}`}>
          {note.words}
        </p>
      )}
    </RoomForm>
  );
}
