/**
 * The count as the votes stand, by the meeting's rules: approvals, rejections, abstentions, who has
 * not voted, recusals, present and members, the quorum and the approvals needed, and whether the
 * proposal passes now; then the same count in sentences (shared/meeting/count-words.ts), as the
 * decision file and the minutes say it.
 */
import type { TFunction } from 'i18next';
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

export function TallyPanel({ count, rules, language }: { count: VoteCount; rules: CountingRules; language: Language }) {
  const { t } = useTranslation();
  const rows: [string, string, number | string][] = [
    ['approve', t('room.tally.approve'), count.approve],
    ['reject', t('room.tally.reject'), count.reject],
    ['abstain', t('room.tally.abstain'), count.abstain],
    ['notVoted', t('room.tally.notVoted'), count.notVoted.length],
    ['recused', t('room.tally.recused'), count.recused],
    ['present', t('room.tally.present'), count.present],
    ['members', t('room.tally.members'), count.members],
    ['quorum', t('room.tally.quorum'), `${count.quorumNeeded} (${count.quorumMet ? t('room.attendance.quorumMet') : t('room.attendance.quorumLost')})`],
    ['approvalsNeeded', t('room.tally.approvalsNeeded'), count.approvalsNeeded],
  ];
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
