/** A recusal declared in the room: which member, and why (required; the data refuses an empty reason). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../db/rows';

interface Props {
  members: readonly MemberRow[];
  onSubmit(memberId: string, reason: string): void;
  onCancel(): void;
}

export function DeclareRecusalForm({ members, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [memberId, setMemberId] = useState(members[0]?.memberId ?? '');
  const [reason, setReason] = useState('');
  return (
    <form
      className="room-reason"
      data-testid="room-declare-recusal"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(memberId, reason);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${id}-member`}>{t('room.recusal.declareMember')}</label>
      <select id={`${id}-member`} value={memberId} autoFocus onChange={(e) => setMemberId(e.target.value)}>
        {members.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {t('room.vote.member', { name: m.name, role: t(`roles.${m.role}`) })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>{t('room.recusal.declareReason')}</label>
      <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="room-actions">
        <button type="submit" className="button button--primary">
          {t('room.reason.submit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('room.reason.cancel')}
        </button>
      </div>
    </form>
  );
}
