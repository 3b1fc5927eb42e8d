/**
 * The votes on the open proposal, one row per voting member, one key per vote: on a member's row
 * A/Y approve, R/N reject, S/B abstain (../vote-keys.ts); ↑/↓ (Home/End) or Tab move between members. After a vote
 * focus moves to the next member who has not voted (or, when all have, to "close the vote").
 * A recused or absent member's row refuses the keys (the data would refuse the vote too).
 */
import { memo, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VOTE_CHOICES, type VoteChoice } from '../../../shared/meeting/types';
import { useUiStore } from '../../common/ui-store';
import type { MemberRow, VoteRow } from '../../db/rows';
import { voteForKey, voteKeyShortcuts, voteKeyWords } from '../vote-keys';
import { useSameCallbacks } from './use-same';

export type VoterState = VoteChoice | 'notVoted' | 'recused' | 'absent';

interface Props {
  voters: readonly MemberRow[];
  votes: readonly VoteRow[];
  present: ReadonlySet<string>;
  recused: ReadonlySet<string>;
  disabled: boolean;
  /** Resolves true when the vote was recorded. */
  onVote(member: MemberRow, choice: VoteChoice): Promise<boolean>;
  /** A key on a member who cannot vote: the screen says why. */
  onRefused(member: MemberRow, state: 'recused' | 'absent'): void;
  /** Every eligible member has voted: focus goes on (to the close button). */
  onAllVoted(): void;
}

export function voterState(memberId: string, votes: readonly VoteRow[], present: ReadonlySet<string>, recused: ReadonlySet<string>): VoterState {
  if (recused.has(memberId)) return 'recused';
  if (!present.has(memberId)) return 'absent';
  return votes.find((v) => v.memberId === memberId)?.vote ?? 'notVoted';
}

export function VotePanel({ voters, votes, present, recused, disabled, onVote, onRefused, onAllVoted }: Props) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const hintId = useId();
  const list = useRef<HTMLUListElement>(null);
  const votedFrom = useRef<string | null>(null);
  const states = voters.map((m) => voterState(m.memberId, votes, present, recused));
  const firstOpen = voters.find((_, i) => states[i] === 'notVoted')?.memberId;
  const votesKey = votes.map((v) => `${v.memberId}:${v.vote}:${v.recordedAt}`).join('|');

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-member-id]') ?? [])];

  useEffect(() => {
    const from = votedFrom.current;
    votedFrom.current = null;
    if (from === null) return;
    const start = voters.findIndex((m) => m.memberId === from);
    for (let step = 1; step <= voters.length; step++) {
      const i = (start + step) % voters.length;
      if (states[i] === 'notVoted') {
        buttons()[i]?.focus();
        return;
      }
    }
    onAllVoted();
    // Runs once the recorded vote is read back (votesKey changes).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [votesKey]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const all = buttons();
    const move = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : null;
    if (move !== null) {
      event.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, move))]?.focus();
      return;
    }
    const choice = voteForKey(event.nativeEvent);
    if (choice === null || disabled) return;
    event.preventDefault();
    cast(index, choice);
  }

  function cast(index: number, choice: VoteChoice) {
    const member = voters[index]!;
    const state = states[index]!;
    if (state === 'recused' || state === 'absent') {
      onRefused(member, state);
      return;
    }
    // Set before the write: the vote is read back (and the effect above runs) before onVote resolves.
    votedFrom.current = member.memberId;
    void onVote(member, choice).then((done) => {
      if (!done) votedFrom.current = null;
    });
  }

  const rowKeys = useSameCallbacks({ keyDown: onKeyDown, cast });
  const hint = useMemo(() => t('room.vote.hint', voteKeyWords(language)), [t, language]);
  return (
    <div className="room-votes">
      <p id={hintId} className="room-muted">
        {hint}
      </p>
      <ul ref={list} className="room-vote-list" aria-label={t('room.vote.listLabel')} data-testid="room-vote-list">
        {voters.map((m, i) => (
          <VoterRow key={m.memberId} member={m} index={i} state={states[i]!} first={m.memberId === firstOpen} hintId={hintId} disabled={disabled} onKeyDown={rowKeys.keyDown} onCast={rowKeys.cast} />
        ))}
      </ul>
    </div>
  );
}

interface RowProps {
  member: MemberRow;
  index: number;
  state: VoterState;
  /** The first member who has not voted (where the V key lands). */
  first: boolean;
  hintId: string;
  disabled: boolean;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void;
  onCast(index: number, choice: VoteChoice): void;
}

/** One member's row: rendered again only when the member's own state changes. */
const VoterRow = memo(function VoterRow({ member: m, index: i, state, first, hintId, disabled, onKeyDown, onCast }: RowProps) {
  const { t } = useTranslation();
  // the words a vote leaves as they were, kept
  const name = useMemo(() => t('room.vote.member', { name: m.name, role: t(`roles.${m.role}`) }), [t, m.name, m.role]);
  const choices = useMemo(() => VOTE_CHOICES.map((choice) => [choice, t(`room.vote.choice.${choice}`)] as const), [t]);
  const words = state === 'notVoted' || state === 'recused' || state === 'absent' ? t(`room.vote.${state}`) : t(`room.vote.choice.${state}`);
  return (
    <li className={`room-vote room-vote--${state}`}>
      <button
        type="button"
        className="room-vote__member"
        data-member-id={m.memberId}
        data-state={state}
        data-focus-first={first}
        aria-describedby={hintId}
        aria-keyshortcuts={voteKeyShortcuts()}
        aria-disabled={state === 'recused' || state === 'absent' || disabled}
        onKeyDown={(e) => onKeyDown(e, i)}
      >
        <span className="room-vote__name">{name}</span>
        <span className="room-vote__state">{words}</span>
      </button>
      {/* For the mouse: the same votes; out of the Tab order, which moves from member to member. */}
      <span className="room-vote__choices">
        {choices.map(([choice, label]) => (
          <button key={choice} type="button" tabIndex={-1} className="button button--quiet" disabled={disabled || state === 'recused' || state === 'absent'} onClick={() => onCast(i, choice)}>
            {label}
          </button>
        ))}
      </span>
    </li>
  );
});
