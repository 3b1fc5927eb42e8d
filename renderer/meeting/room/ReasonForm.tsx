/**
 * A reason written in place (a dismissed recusal, a recusal declared now, a withdrawn one, a
 * reopening): the field takes focus (or, with fields of its own before it, the first of them),
 * Enter records (Shift+Enter: a new line), Escape cancels. An empty reason is left to the data to
 * refuse, so the refusal is said in the same words everywhere.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RoomForm } from './RoomForm';

interface Props {
  label: string;
  onSubmit(reason: string): void;
  onCancel(): void;
  testId?: string;
  /** Fields before the reason (the member of a recusal declared now); the first takes the focus. */
  children?: ReactNode;
}

export function ReasonForm({ label, onSubmit, onCancel, testId, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSubmit(reason);
    }
  }
  return (
    <RoomForm submitLabel={t('room.reason.submit')} onSubmit={() => onSubmit(reason)} onCancel={onCancel} testId={testId}>
      {children}
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={reason} autoFocus={children === undefined} onChange={(e) => setReason(e.target.value)} onKeyDown={onKeyDown} />
    </RoomForm>
  );
}
