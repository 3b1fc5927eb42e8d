/** What the confirmation records: on how many cases, the total, and where no vote goes (recused, no open proposal). */
import { useTranslation } from 'react-i18next';
import { formatKrw, type Language } from '../../../shared/i18n';
import type { VoteChoice } from '../../../shared/meeting/types';
import { formatCount } from '../../common/format/numbers';
import type { BulkVotePlan } from './bulk-vote-db';

export function PlanSummary({ plan, name, vote, language }: { plan: BulkVotePlan; name: string; vote: VoteChoice; language: Language }) {
  const { t } = useTranslation();
  const n = (count: number) => formatCount(count, language);
  if (plan.bar !== null) return <p className="notice notice--error">{t(`bulk.bars.${plan.bar}`)}</p>;
  return (
    <ul className="bulk-vote__plan">
      <li className="bulk-vote__plan-main">
        {plan.cases === 0 ? t('bulk.nothing') : t('bulk.plan', { name, vote: t(`bulk.votes.${vote}`), cases: n(plan.cases), amount: formatKrw(plan.totalAmount, language) })}
      </li>
      {plan.recusedOn.length > 0 && <li data-plan="recused">{t('bulk.recused', { count: n(plan.recusedOn.length), selected: n(plan.selected) })}</li>}
      {plan.notOpen.length > 0 && <li data-plan="not-open">{t('bulk.notOpen', { count: n(plan.notOpen.length) })}</li>}
      {plan.alreadyVoted > 0 && <li data-plan="already">{t('bulk.alreadyVoted', { count: n(plan.alreadyVoted) })}</li>}
    </ul>
  );
}
