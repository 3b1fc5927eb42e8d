/**
 * The proposal on the current case: the form to put one to the vote, or the open one with each
 * member's vote, the live tally and "close the vote"; and the proposals closed before it.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteCount } from '../../../shared/meeting/counting';
import type { VoteChoice } from '../../../shared/meeting/types';
import type { Language } from '../../../shared/i18n';
import type { CaseRow, MemberRow, ProposalRow, VoteRow } from '../../db/rows';
import type { RequiredDocument } from '../../review';
import type { ProposalInput } from './proposal-db';
import { ProposalForm } from './ProposalForm';
import { ProposalHistory } from './ProposalHistory';
import { RoomSection } from './RoomSection';
import { TallyPanel } from './TallyPanel';
import type { CountingRules } from '../../../shared/meeting/rules';
import { VotePanel } from './VotePanel';
import { proposalWhat } from './room-words';

interface Props {
  row: CaseRow;
  documents: readonly RequiredDocument[];
  proposals: readonly ProposalRow[];
  open: ProposalRow | undefined;
  /** Why no proposal can be opened now (the case is decided, or a passed one awaits its decision). */
  blocked: string | null;
  voters: readonly MemberRow[];
  votes: readonly VoteRow[];
  present: ReadonlySet<string>;
  recused: ReadonlySet<string>;
  count: VoteCount;
  rules: CountingRules;
  language: Language;
  disabled: boolean;
  onPropose(input: ProposalInput): Promise<boolean>;
  onVote(member: MemberRow, choice: VoteChoice): Promise<boolean>;
  onRefused(member: MemberRow, state: 'recused' | 'absent'): void;
  onClose(proposal: ProposalRow): void;
}

type SectionProps = Pick<Props, 'row' | 'documents' | 'proposals' | 'open' | 'blocked' | 'language' | 'disabled' | 'onPropose'>;

/** The proposal's own section: unchanged by a vote, so not rendered again for one. */
const ProposalSection = memo(function ProposalSection({ row, documents, proposals, open, blocked, language, disabled, onPropose }: SectionProps) {
  const { t } = useTranslation();
  return (
    <RoomSection id="proposal" title={t('room.proposal.title')} keyHint="P">
      {open ? (
        <p className="room-proposal" data-testid="room-open-proposal" data-no={open.no}>
          {proposalWhat(t, open, language)} — <strong>{t('room.proposal.status.open')}</strong>
        </p>
      ) : blocked !== null ? (
        <p className="room-muted">{blocked}</p>
      ) : (
        <ProposalForm row={row} documents={documents} language={language} disabled={disabled} onPropose={onPropose} />
      )}
      <ProposalHistory proposals={proposals} language={language} />
    </RoomSection>
  );
});

export function ProposalPanel(props: Props) {
  const { t } = useTranslation();
  const { open } = props;
  return (
    <>
      <ProposalSection row={props.row} documents={props.documents} proposals={props.proposals} open={open} blocked={props.blocked} language={props.language} disabled={props.disabled} onPropose={props.onPropose} />
      <RoomSection id="votes" title={t('room.vote.title')} keyHint="V">
        {open ? (
          <>
            <VotePanel voters={props.voters} votes={props.votes} present={props.present} recused={props.recused} disabled={props.disabled} onVote={props.onVote} onRefused={props.onRefused} onAllVoted={focusCloseButton} />
            <TallyPanel count={props.count} rules={props.rules} language={props.language} />
            <button type="button" className="button button--primary" disabled={props.disabled} onClick={() => props.onClose(open)} data-testid="room-close-vote">
              {t('room.proposal.close')}
            </button>
          </>
        ) : (
          <p className="room-muted">{t('room.proposal.none')}</p>
        )}
      </RoomSection>
    </>
  );
}

function focusCloseButton() {
  document.querySelector<HTMLButtonElement>('[data-testid="room-close-vote"]')?.focus();
}
