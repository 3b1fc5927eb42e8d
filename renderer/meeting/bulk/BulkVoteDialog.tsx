/**
 * The bulk vote dialog: for the agenda cases the room or the agenda selected, the operator picks a
 * member and a vote, sees what will be recorded (how many cases, the total, and on how many the
 * member is recused, so no vote goes there), confirms, and the vote is recorded in one
 * transaction. Then each member's progress shows and the next member who has cases left is
 * chosen, so the secretary records all five one after another without closing.
 *
 * Keyboard: the member is a radio group (arrow keys); the room's vote keys (../vote-keys.ts: A or Y,
 * R or N, S or B) choose approve, reject, abstain from anywhere in the dialog and move to the
 * confirm button, so a member is "A, Enter". The app's modal dialog (common/ModalDialog.tsx) draws
 * it over the inert page, keeps Tab inside, closes it on Escape (not while recording) and gives the
 * focus back where it was.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatKrw } from '../../../shared/i18n';
import { VOTE_CHOICES, type VoteChoice } from '../../../shared/meeting/types';
import { announce } from '../../common/announcer';
import type { ErrorInfo } from '../../common/council-api';
import { describeErrorWithStorage, errorWords, STORAGE_FULL } from '../../common/storage';
import { ErrorNotice } from '../../common/ErrorNotice';
import { formatCount } from '../../common/format/numbers';
import { ModalDialog } from '../../common/ModalDialog';
import { useServices } from '../../common/services';
import { useUiStore } from '../../common/ui-store';
import { voteForKey, voteKeyShortcuts, voteKeyWords } from '../vote-keys';
import type { BulkStanding, MemberProgress } from './bulk-standing';
import type { BulkVoteResult } from './bulk-vote-db';
import { PlanSummary } from './PlanSummary';
import { ProgressTable } from './ProgressTable';
import { useBulkVote } from './use-bulk-vote';
import './bulk.css';

export interface BulkVoteDialogProps {
  meetingId: string;
  /** The agenda cases selected (the room or the agenda passes them). */
  caseIds: readonly string[];
  onClose: () => void;
  /** The clock (tests pass their own): who is present is who is present at this moment. */
  now?: () => string;
}

const systemNow = () => new Date().toISOString();

/** The first present member with cases left, after `after` in roster order (then from the top). */
function nextMember(members: readonly MemberProgress[], after: string | null): string | null {
  const open = (m: MemberProgress) => m.present && m.voted < m.votable;
  const start = after === null ? 0 : members.findIndex((m) => m.memberId === after) + 1;
  const order = [...members.slice(start), ...members.slice(0, start)];
  return order.find(open)?.memberId ?? null;
}

export function BulkVoteDialog({ meetingId, caseIds, onClose, now = systemNow }: BulkVoteDialogProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const memberGroupRef = useRef<HTMLFieldSetElement>(null);
  // One array for as long as the selection is the same, however often the caller renders.
  const selectionKey = caseIds.join('\n');
  const ids = useMemo(() => [...caseIds], [selectionKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const [memberId, setMemberId] = useState<string | null>(null);
  const [vote, setVote] = useState<VoteChoice | null>(null);
  // The failure, with the number of votes it was to record (the plan is read again after it).
  const [error, setError] = useState<{ info: ErrorInfo; cases: number } | null>(null);
  const [lastResult, setLastResult] = useState<string | null>(null);
  const data = useBulkVote(db, meetingId, ids, memberId, now);
  const standing: BulkStanding | null = data.standing.state === 'done' ? data.standing.value : null;
  const n = (count: number) => formatCount(count, language);
  const keyWords = voteKeyWords(language);

  // The first member with cases left is chosen once the standing is read, and focused.
  const [chosenOnce, setChosenOnce] = useState(false);
  const [pendingAdvance, setPendingAdvance] = useState<string | null>(null);
  const [focusMember, setFocusMember] = useState(0);
  useEffect(() => {
    if (chosenOnce || standing === null) return;
    setChosenOnce(true);
    setMemberId(nextMember(standing.members, null));
    setFocusMember((f) => f + 1);
  }, [chosenOnce, standing]);
  useEffect(() => {
    if (focusMember > 0) focusMemberGroup();
  }, [focusMember]);

  const member = standing?.members.find((m) => m.memberId === memberId) ?? null;
  const plan = data.plan?.state === 'done' ? data.plan.value : null;
  const canConfirm = !data.recording && member !== null && vote !== null && plan !== null && plan.bar === null && plan.cases > 0;

  function focusMemberGroup(): void {
    const group = memberGroupRef.current;
    (group?.querySelector<HTMLInputElement>('input:checked') ?? group?.querySelector<HTMLInputElement>('input:not(:disabled)'))?.focus();
  }

  function chooseVote(choice: VoteChoice): void {
    setVote(choice);
    confirmRef.current?.focus();
  }

  function resultText(name: string, choice: VoteChoice, result: Extract<BulkVoteResult, { kind: 'recorded' }>): string {
    const parts = [t('bulk.recorded', { name, vote: t(`bulk.votes.${choice}`), count: n(result.recorded + result.changed) })];
    if (result.changed > 0) parts.push(t('bulk.recordedChanged', { count: n(result.changed) }));
    if (result.unchanged > 0) parts.push(t('bulk.recordedUnchanged', { count: n(result.unchanged) }));
    if (result.recusedOn.length > 0) parts.push(t('bulk.recordedRecused', { count: n(result.recusedOn.length) }));
    return parts.join(' ');
  }

  const failedTitle = (info: ErrorInfo, cases: number) => t(info.code === STORAGE_FULL ? 'bulk.storageFull' : 'bulk.failed', { count: n(cases) });

  async function confirm(): Promise<void> {
    if (!canConfirm || member === null || vote === null || plan === null) return;
    const cases = plan.cases;
    setError(null);
    try {
      const result = await data.record(member.memberId, vote);
      if (result.kind === 'refused') {
        const text = t(`bulk.bars.${result.reason}`);
        setLastResult(text);
        announce(text, 'assertive');
        return;
      }
      const text = resultText(member.name, vote, result);
      setLastResult(text);
      announce(text);
      setVote(null);
      // The next member with cases left comes up, once the standing is read again.
      setPendingAdvance(member.memberId);
    } catch (err) {
      // Storage running out aborts the vote's one transaction: not one vote of it is kept.
      const info = await describeErrorWithStorage(err);
      setError({ info, cases });
      announce(`${failedTitle(info, cases)} ${errorWords(t, info, language)}`, 'assertive');
    }
  }

  // After a vote is recorded, the next member is chosen from the standing read again.
  useEffect(() => {
    if (pendingAdvance === null || !data.fresh || standing === null) return;
    const next = nextMember(standing.members, pendingAdvance);
    setPendingAdvance(null);
    setMemberId(next ?? pendingAdvance);
    setFocusMember((f) => f + 1);
  }, [pendingAdvance, data.fresh, standing]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const choice = voteForKey(e.nativeEvent);
    if (choice !== null) {
      e.preventDefault();
      chooseVote(choice);
    }
  }

  return (
    <ModalDialog
      title={t('bulk.title')}
      intro={`${t('bulk.intro')} ${t('bulk.keys', keyWords)}`}
      onClose={() => {
        if (!data.recording) onClose();
      }}
      className="bulk-vote"
      name="bulk-vote"
      onKeyDown={onKeyDown}
    >
      {data.standing.state === 'loading' && <p role="status">{t('bulk.loading')}</p>}
      {data.standing.state === 'failed' && <ErrorNotice title={t('bulk.readFailed')} error={data.standing.error} />}
      {data.standing.state === 'done' && data.standing.value === null && <p className="notice notice--error">{t('bulk.missing')}</p>}
      {standing && (
        <>
          <p className="bulk-vote__selection" data-selection>
            {t('bulk.selection', { selected: n(standing.selected), open: n(standing.open), amount: formatKrw(standing.totalAmount, language) })}
          </p>
          <form
            className="bulk-vote__form"
            onSubmit={(e) => {
              e.preventDefault();
              void confirm();
            }}
          >
            <fieldset ref={memberGroupRef} className="bulk-vote__group">
              <legend>{t('bulk.memberLegend')}</legend>
              {standing.members.map((m) => (
                <label key={m.memberId} className="bulk-vote__choice">
                  <input type="radio" name={`${id}-member`} value={m.memberId} checked={memberId === m.memberId} disabled={!m.present} onChange={() => setMemberId(m.memberId)} />{' '}
                  {m.present ? t('bulk.memberOption', { name: m.name, role: t(`roles.${m.role}`) }) : t('bulk.memberAbsent', { name: m.name, role: t(`roles.${m.role}`) })}
                </label>
              ))}
            </fieldset>
            <fieldset className="bulk-vote__group">
              <legend>{t('bulk.voteLegend')}</legend>
              {VOTE_CHOICES.map((choice) => (
                <label key={choice} className="bulk-vote__choice">
                  <input type="radio" name={`${id}-vote`} value={choice} checked={vote === choice} onChange={() => setVote(choice)} aria-keyshortcuts={voteKeyShortcuts(choice)} />{' '}
                  {t('bulk.voteKey', { vote: t(`bulk.votes.${choice}`), key: keyWords[choice] })}
                </label>
              ))}
            </fieldset>
            <div className="bulk-vote__confirmation" aria-live="polite">
              {member === null ? (
                <p>{t('bulk.chooseMember')}</p>
              ) : data.plan?.state === 'failed' ? (
                <ErrorNotice title={t('bulk.readFailed')} error={data.plan.error} />
              ) : plan === null ? (
                <p>{t('bulk.planLoading')}</p>
              ) : vote === null ? (
                <p>{t('bulk.chooseVote', keyWords)}</p>
              ) : (
                <PlanSummary plan={plan} name={member.name} vote={vote} language={language} />
              )}
            </div>
            {error && <ErrorNotice title={failedTitle(error.info, error.cases)} error={error.info} />}
            <div className="bulk-vote__actions">
              <button type="button" className="button button--quiet" onClick={onClose} disabled={data.recording}>
                {t('bulk.close')}
              </button>
              <button ref={confirmRef} type="submit" className="button button--primary" aria-disabled={!canConfirm}>
                {data.recording ? t('bulk.recording') : t('bulk.confirm', { cases: n(plan !== null && vote !== null ? plan.cases : 0) })}
              </button>
            </div>
          </form>
          {lastResult !== null && (
            <p className="bulk-vote__result" data-result>
              {lastResult}
            </p>
          )}
          <ProgressTable standing={standing} language={language} />
        </>
      )}
      {!standing && (
        <div className="bulk-vote__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('bulk.close')}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
