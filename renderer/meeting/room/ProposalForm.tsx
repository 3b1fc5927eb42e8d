/**
 * What the chair can put to the vote on the case: the suggestion as it stands (not when it names
 * no award: case by case, or no loss shown), a rejection, a deferral awaiting documents, or an
 * amount the chair names.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw, type Language } from '../../../shared/i18n';
import type { CaseRow } from '../../db/rows';
import type { RequiredDocument } from '../../review';
import { AmountForm } from './AmountForm';
import { DeferForm } from './DeferForm';
import type { ProposalInput } from './proposal-db';

interface Props {
  row: CaseRow;
  documents: readonly RequiredDocument[];
  language: Language;
  disabled: boolean;
  onPropose(input: ProposalInput): Promise<boolean>;
}

export function ProposalForm({ row, documents, language, disabled, onPropose }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState<'amount' | 'defer' | null>(null);
  const { tier, award } = row.suggestion;
  const propose = (input: ProposalInput) => void onPropose(input).then((done) => done && setForm(null));
  if (form === 'amount') return <AmountForm row={row} language={language} onSubmit={(amount) => propose({ kind: 'amount', amount })} onCancel={() => setForm(null)} />;
  if (form === 'defer') return <DeferForm documents={documents} onSubmit={(kinds) => propose({ kind: 'defer', missingDocuments: kinds })} onCancel={() => setForm(null)} />;
  const words = award === null ? '' : `${tier ?? ''} ${formatKrw(award, language)}`.trim();
  return (
    <div className="room-proposal-form" data-testid="room-proposal-form">
      <div className="room-actions room-actions--stack">
        <button type="button" className="button button--primary" data-focus-first={award !== null} disabled={disabled || award === null} onClick={() => propose({ kind: 'suggestion' })} data-testid="room-propose-suggestion">
          {t('room.proposal.kinds.suggestion', { words: words || '—' })}
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => propose({ kind: 'reject' })} data-testid="room-propose-reject">
          {t('room.proposal.kinds.reject')}
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => setForm('defer')} data-testid="room-propose-defer">
          {t('room.proposal.kinds.defer')}
        </button>
        <button type="button" className="button" disabled={disabled} onClick={() => setForm('amount')} data-testid="room-propose-amount">
          {t('room.proposal.kinds.amount')}
        </button>
      </div>
      {award === null && <p className="room-muted">{t('room.proposal.noAward')}</p>}
    </div>
  );
}
