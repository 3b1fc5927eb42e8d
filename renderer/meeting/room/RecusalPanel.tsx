/**
 * Recusals on the current case: the recusals declared conflicts suggest (confirm, or dismiss with
 * a reason), the recusals recorded (a confirmed one can be withdrawn, with a reason), and a recusal
 * declared now (a member and a reason).
 */
import type { TFunction } from 'i18next';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestedRecusal } from '../../../shared/meeting/conflicts';
import type { MemberRow, RecusalRow } from '../../db/rows';
import { ReasonForm } from './ReasonForm';
import { RoomSection } from './RoomSection';
import { memberName } from './room-words';
import { DeclareRecusalForm } from './DeclareRecusalForm';

interface Props {
  voters: readonly MemberRow[];
  recusals: readonly RecusalRow[];
  pending: readonly SuggestedRecusal[];
  disabled: boolean;
  onConfirm(s: SuggestedRecusal): void;
  onDismiss(s: SuggestedRecusal, reason: string): Promise<boolean>;
  onDeclare(memberId: string, reason: string): Promise<boolean>;
  onWithdraw(memberId: string, reason: string): Promise<boolean>;
}

function recordedWords(t: TFunction, voters: readonly MemberRow[], r: RecusalRow): string {
  const name = memberName(voters, r.memberId);
  if (r.status === 'withdrawn') return t('room.recusal.withdrawn', { name, reason: r.withdrawal?.reason ?? '' });
  return t(r.status === 'recused' ? 'room.recusal.recused' : 'room.recusal.dismissed', { name, reason: r.reason });
}

export const RecusalPanel = memo(function RecusalPanel({ voters, recusals, pending, disabled, onConfirm, onDismiss, onDeclare, onWithdraw }: Props) {
  const { t } = useTranslation();
  const [dismissing, setDismissing] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [declaring, setDeclaring] = useState(false);
  const free = voters.filter((m) => !recusals.some((r) => r.memberId === m.memberId && r.status === 'recused'));
  return (
    <RoomSection id="recusal" title={t('room.recusal.title')}>
      {pending.length > 0 && (
        <ul className="room-list" data-testid="room-suggested-recusals">
          {pending.map((s) => (
            <li key={`${s.memberId}/${s.conflictId}`} data-member-id={s.memberId}>
              <p>{t('room.recusal.suggested', { name: memberName(voters, s.memberId), reason: s.reason })}</p>
              {dismissing === `${s.memberId}/${s.conflictId}` ? (
                <ReasonForm
                  label={t('room.recusal.dismissReason')}
                  onCancel={() => setDismissing(null)}
                  onSubmit={(reason) => void onDismiss(s, reason).then((done) => done && setDismissing(null))}
                />
              ) : (
                <div className="room-actions">
                  <button type="button" className="button button--primary" disabled={disabled} onClick={() => onConfirm(s)}>
                    {t('room.recusal.confirm')}
                  </button>
                  <button type="button" className="button" disabled={disabled} onClick={() => setDismissing(`${s.memberId}/${s.conflictId}`)}>
                    {t('room.recusal.dismiss')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {recusals.length === 0 ? (
        <p className="room-muted">{t('room.recusal.none')}</p>
      ) : (
        <ul className="room-list" data-testid="room-recusals">
          {recusals.map((r) => (
            <li key={r.memberId} data-member-id={r.memberId} data-status={r.status}>
              <p>{recordedWords(t, voters, r)}</p>
              {r.status === 'recused' &&
                (withdrawing === r.memberId ? (
                  <ReasonForm
                    label={t('room.recusal.withdrawReason')}
                    testId="room-withdraw-recusal"
                    onCancel={() => setWithdrawing(null)}
                    onSubmit={(reason) => void onWithdraw(r.memberId, reason).then((done) => done && setWithdrawing(null))}
                  />
                ) : (
                  <div className="room-actions">
                    <button type="button" className="button" disabled={disabled} onClick={() => setWithdrawing(r.memberId)}>
                      {t('room.recusal.withdraw', { name: memberName(voters, r.memberId) })}
                    </button>
                  </div>
                ))}
            </li>
          ))}
        </ul>
      )}
      {declaring ? (
        <DeclareRecusalForm members={free} onCancel={() => setDeclaring(false)} onSubmit={(memberId, reason) => void onDeclare(memberId, reason).then((done) => done && setDeclaring(false))} />
      ) : (
        <button type="button" className="button" disabled={disabled || free.length === 0} onClick={() => setDeclaring(true)}>
          {t('room.recusal.declare')}
        </button>
      )}
    </RoomSection>
  );
});
