/**
 * The count as the votes stand, by the meeting's rules: approvals, rejections, abstentions, who has
 * not voted, recusals, present and members, the quorum and the approvals needed, and whether the
 * proposal passes now; then the same count in sentences (shared/meeting/count-words.ts), as the
 * decision file and the minutes say it.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteCount } from '../../../shared/meeting/counting';
import { countReasons } from '../../../shared/meeting/count-words';
import type { CountingRules } from '../../../shared/meeting/rules';
import type { Language } from '../../../shared/i18n';

export function outcomeWord(t: TFunction, count: VoteCount): string {
  if (!count.quorumMet) return t('room.tally.noQuorum');
  return count.passed ? t('room.tally.passes') : count.tie ? `${t('room.tally.fails')} (${t('room.tally.tie')})` : t('room.tally.fails');
}

export function tallyNews(t: TFunction, count: VoteCount): string {
  return t('room.tally.news', { approve: count.approve, reject: count.reject, abstain: count.abstain, notVoted: count.notVoted.length, needed: count.approvalsNeeded, outcome: outcomeWord(t, count) });
}

const FIGURES = ['approve', 'reject', 'abstain', 'notVoted', 'recused', 'present', 'members', 'quorum', 'approvalsNeeded'] as const;

function figureOf(count: VoteCount, name: (typeof FIGURES)[number], t: TFunction): number | string {
  switch (name) {
    case 'notVoted':
      return count.notVoted.length;
    case 'quorum':
      return `${count.quorumNeeded} (${count.quorumMet ? t('room.attendance.quorumMet') : t('room.attendance.quorumLost')})`;
    default:
      return count[name];
  }
}

export function TallyPanel({ count, rules, language }: { count: VoteCount; rules: CountingRules; language: Language }) {
  const { t } = useTranslation();
  // the labels stay as they are from one vote to the next
  const labels = useMemo(() => FIGURES.map((name) => [name, t(`room.tally.${name}`)] as const), [t]);
  const rows = labels.map(([key, label]) => [key, label, figureOf(count, key, t)] as const);
  return (
    <div className="room-tally" data-testid="room-tally" data-passed={count.passed} data-quorum-met={count.quorumMet}>
      <h3 className="card__subtitle">{t('room.tally.title')}</h3>
      <dl className="room-tally__figures">
        {rows.map(([key, label, value]) => (
          <div key={key} className="room-tally__figure" data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className={`room-tally__outcome room-tally__outcome--${count.passed ? 'passes' : 'fails'}`} data-testid="room-tally-outcome">
        {t('room.tally.outcome')}: <strong>{outcomeWord(t, count)}</strong>
      </p>
      <ul className="room-tally__reasons" data-testid="room-tally-reasons">
        {countReasons(count, rules, language).map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
