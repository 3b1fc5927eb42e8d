/** The proposals on the case closed in this meeting: what each proposed, passed or failed, and its tally. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import type { ProposalRow } from '../../db/rows';
import { proposalWhat } from './room-words';

export function ProposalHistory({ proposals, language }: { proposals: readonly ProposalRow[]; language: Language }) {
  const { t } = useTranslation();
  const closed = proposals.filter((p) => p.status !== 'open');
  if (closed.length === 0) return null;
  return (
    <>
      <h3 className="card__subtitle">{t('room.proposal.history')}</h3>
      <ul className="room-list" data-testid="room-proposal-history">
        {closed.map((p) => (
          <li key={p.no} data-no={p.no} data-status={p.status}>
            {proposalWhat(t, p, language)} — <strong>{t(`room.proposal.status.${p.status}`)}</strong>
            {p.tally && ` (${t('room.tally.approve')} ${p.tally.approve}, ${t('room.tally.reject')} ${p.tally.reject}, ${t('room.tally.abstain')} ${p.tally.abstain})`}
          </li>
        ))}
      </ul>
    </>
  );
}
