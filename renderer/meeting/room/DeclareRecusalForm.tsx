/** A recusal declared in the room: which member, and why (a reason form with the member first; the data refuses an empty reason). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '../../db/rows';
import { ReasonForm } from './ReasonForm';

interface Props {
  members: readonly MemberRow[];
  onSubmit(memberId: string, reason: string): void;
  onCancel(): void;
}

export function DeclareRecusalForm({ members, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [memberId, setMemberId] = useState(members[0]?.memberId ?? '');
  return (
    <ReasonForm label={t('room.recusal.declareReason')} testId="room-declare-recusal" onSubmit={(reason) => onSubmit(memberId, reason)} onCancel={onCancel}>
      <label htmlFor={id}>{t('room.recusal.declareMember')}</label>
      <select id={id} value={memberId} autoFocus onChange={(e) => setMemberId(e.target.value)}>
        {members.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {t('room.vote.member', { name: m.name, role: t(`roles.${m.role}`) })}
          </option>
        ))}
      </select>
    </ReasonForm>
  );
}
