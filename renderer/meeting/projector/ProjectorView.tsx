/**
 * The projector view: what the room sees on the wall. High contrast, large type, and no personal
 * data: the business name, region and category, the amounts, the suggestion, the proposal and
 * the tally (projector-state.ts never reads the rest). It follows the room on its own.
 */
import { useTranslation } from 'react-i18next';
import { formatKrw, type Language } from '../../../shared/i18n';
import type { CouncilDb } from '../../db/schema';
import { useUiStore } from '../../common/ui-store';
import { wordFor } from '../../review';
import type { ProjectedCase, ProjectedProposal, ProjectorState } from './projector-state';
import { useProjectorState } from './use-projector-state';
import './projector.css';

function krw(amount: number | null, language: Language): string {
  return amount === null ? '—' : formatKrw(amount, language);
}

function CaseFacts({ item, language }: { item: ProjectedCase; language: Language }) {
  const { t, i18n } = useTranslation();
  const { suggestion } = item;
  const suggested = suggestion.tier === null ? t('projector.noTier') : suggestion.award === null ? t('projector.tierCaseByCase', { tier: suggestion.tier }) : t('projector.tierAward', { tier: suggestion.tier, award: krw(suggestion.award, language) });
  return (
    <section className="projector__case" aria-labelledby="projector-case-title">
      <p className="projector__position">{t('projector.position', { position: item.position, total: item.agendaSize, caseId: item.caseId })}</p>
      <h2 id="projector-case-title" className="projector__business" data-testid="projector-business">
        {item.businessName}
      </h2>
      <p className="projector__where">
        {item.region} · {wordFor(i18n, 'categories', item.category)}
      </p>
      <dl className="projector__figures">
        <div>
          <dt>{t('projector.claimed')}</dt>
          <dd>{krw(item.claimedLoss, language)}</dd>
        </div>
        <div>
          <dt>{t('projector.assessed')}</dt>
          <dd>{item.assessedLoss === null ? t('projector.notAssessed') : krw(item.assessedLoss, language)}</dd>
        </div>
        <div>
          <dt>{t('projector.suggestion')}</dt>
          <dd>{suggested}</dd>
        </div>
      </dl>
    </section>
  );
}

function ProposalTally({ proposal, language }: { proposal: ProjectedProposal; language: Language }) {
  const { t } = useTranslation();
  const { count } = proposal;
  const what =
    proposal.outcome === 'award'
      ? t('projector.proposeAward', { amount: krw(proposal.amount, language), tier: proposal.tier ?? '—' })
      : proposal.outcome === 'reject'
        ? t('projector.proposeReject')
        : t('projector.proposeDefer');
  const verdict = proposal.status === 'open' ? (count.passed ? t('projector.passingNow') : t('projector.notPassingNow')) : proposal.status === 'passed' ? t('projector.passed') : t('projector.failed');
  return (
    <section className="projector__proposal" aria-labelledby="projector-proposal-title" data-testid="projector-proposal">
      <h2 id="projector-proposal-title">{t('projector.proposal', { no: proposal.no })}</h2>
      <p className="projector__what">{what}</p>
      <dl className="projector__tally" data-testid="projector-tally">
        <div>
          <dt>{t('projector.approve')}</dt>
          <dd>{count.approve}</dd>
        </div>
        <div>
          <dt>{t('projector.reject')}</dt>
          <dd>{count.reject}</dd>
        </div>
        <div>
          <dt>{t('projector.abstain')}</dt>
          <dd>{count.abstain}</dd>
        </div>
        <div>
          <dt>{t('projector.recused')}</dt>
          <dd>{count.recused}</dd>
        </div>
      </dl>
      <p className="projector__needed">{t('projector.needed', { needed: count.approvalsNeeded, present: count.present, members: count.members })}</p>
      <p className={count.quorumMet ? 'projector__quorum' : 'projector__quorum projector__quorum--lost'}>
        {count.quorumMet ? t('projector.quorumMet') : t('projector.quorumLost', { needed: count.quorumNeeded })}
      </p>
      <p className={`projector__verdict projector__verdict--${proposal.status}`} data-testid="projector-verdict">
        {verdict}
      </p>
    </section>
  );
}

function ProjectorBody({ value, language }: { value: ProjectorState; language: Language }) {
  const { t } = useTranslation();
  const { meeting } = value;
  return (
    <>
      <header className="projector__header">
        <h1>{t('projector.title', { date: meeting.date, place: meeting.place })}</h1>
        <p>{t('projector.present', { count: value.presentNow })}</p>
      </header>
      {value.case === null ? <p className="projector__waiting">{t('projector.waiting')}</p> : <CaseFacts item={value.case} language={language} />}
      {value.proposal && <ProposalTally proposal={value.proposal} language={language} />}
    </>
  );
}

export function ProjectorView({ db, meetingId }: { db: CouncilDb; meetingId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const load = useProjectorState(db, meetingId);
  return (
    <main className="projector" data-screen="projector" aria-live="polite">
      {load.state === 'loading' && <p>{t('projector.loading')}</p>}
      {load.state === 'missing' && <p>{t('projector.missing', { meetingId })}</p>}
      {load.state === 'failed' && <p role="alert">{t('projector.readFailed', { message: load.message })}</p>}
      {load.state === 'ready' && <ProjectorBody value={load.value} language={language} />}
    </main>
  );
}
