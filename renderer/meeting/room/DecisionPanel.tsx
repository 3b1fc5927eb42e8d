/**
 * The decision on the current case: from the passed proposal (with a rationale where the rules ask
 * one, and the reason it is asked), refused in words without quorum; once decided, the decision,
 * locked, with "reopen" (a reason required).
 */
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/i18n';
import type { CaseRow, DecisionRow, ProposalRow } from '../../db/rows';
import { rationaleNeeds } from './award-rules';
import { ReasonForm } from './ReasonForm';
import type { Quorum } from './room-count';
import { RoomSection } from './RoomSection';
import { decisionWhat, proposalWhat } from './room-words';

interface Props {
  row: CaseRow;
  decidable: ProposalRow | undefined;
  decisions: readonly DecisionRow[];
  locked: boolean;
  quorum: Quorum;
  language: Language;
  disabled: boolean;
  onDecide(proposal: ProposalRow, rationale: string): Promise<boolean>;
  onReopen(reason: string): Promise<boolean>;
}

function Standing({ decision, language, disabled, onReopen }: { decision: DecisionRow; language: Language; disabled: boolean; onReopen: Props['onReopen'] }) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  return (
    <div data-testid="room-decision" data-revision={decision.revision} data-outcome={decision.outcome}>
      <p className="room-decision">{t('room.decision.decided', { revision: decision.revision, what: decisionWhat(t, decision, language) })}</p>
      {decision.rationale !== '' && <p>{t('room.decision.rationaleShown', { rationale: decision.rationale })}</p>}
      <p className="room-muted">{t('room.decision.locked')}</p>
      {reopening ? (
        <ReasonForm label={t('room.decision.reopenReason')} onCancel={() => setReopening(false)} onSubmit={(reason) => void onReopen(reason).then((done) => done && setReopening(false))} />
      ) : (
        <button type="button" className="button" disabled={disabled} onClick={() => setReopening(true)} data-testid="room-reopen">
          {t('room.decision.reopen')}
        </button>
      )}
    </div>
  );
}

function FromProposal({ row, proposal, quorum, language, disabled, onDecide }: { row: CaseRow; proposal: ProposalRow; quorum: Quorum; language: Language; disabled: boolean; onDecide: Props['onDecide'] }) {
  const { t } = useTranslation();
  const id = useId();
  const [rationale, setRationale] = useState('');
  const needs = rationaleNeeds(row, proposal.outcome, proposal.amount);
  return (
    <form
      className="room-reason"
      data-testid="room-decision-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onDecide(proposal, rationale);
      }}
    >
      <p className="room-decision">{t('room.decision.from', { what: proposalWhat(t, proposal, language) })}</p>
      <label htmlFor={id}>{needs.length > 0 ? t('room.decision.rationaleRequired') : t('room.decision.rationale')}</label>
      {needs.length > 0 && (
        <ul id={`${id}-needs`} className="room-note room-note--warning">
          {needs.map((n) => (
            <li key={n}>{t(`room.decision.needs.${n}`)}</li>
          ))}
        </ul>
      )}
      <textarea id={id} rows={3} value={rationale} onChange={(e) => setRationale(e.target.value)} aria-required={needs.length > 0} aria-describedby={needs.length > 0 ? `${id}-needs` : undefined} data-focus-first={needs.length > 0} />
      {!quorum.quorumMet && (
        <p className="room-note room-note--error">{t('room.refusals.NO_QUORUM', { present: quorum.present, needed: quorum.quorumNeeded, members: quorum.members })}</p>
      )}
      <button type="submit" className="button button--primary" disabled={disabled} data-focus-first={needs.length === 0} data-testid="room-record-decision">
        {t('room.decision.record')}
      </button>
    </form>
  );
}

export const DecisionPanel = memo(function DecisionPanel({ row, decidable, decisions, locked, quorum, language, disabled, onDecide, onReopen }: Props) {
  const { t } = useTranslation();
  const latest = decisions[decisions.length - 1];
  const reopened = decisions.filter((d) => d.reopened !== null);
  return (
    <RoomSection id="decision" title={t('room.decision.title')} keyHint="D">
      {locked && latest ? (
        <Standing decision={latest} language={language} disabled={disabled} onReopen={onReopen} />
      ) : decidable ? (
        <FromProposal key={decidable.no} row={row} proposal={decidable} quorum={quorum} language={language} disabled={disabled} onDecide={onDecide} />
      ) : (
        <p className="room-muted">{t('room.decision.none')}</p>
      )}
      {reopened.length > 0 && (
        <ul className="room-list">
          {reopened.map((d) => (
            <li key={d.revision}>{t('room.decision.reopenedShown', { revision: d.revision, reason: d.reopened?.reason ?? '' })}</li>
          ))}
        </ul>
      )}
    </RoomSection>
  );
});
