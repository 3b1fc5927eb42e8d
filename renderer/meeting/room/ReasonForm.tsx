/**
 * A reason written in place (a dismissed recusal, a recusal declared now, a reopening): the field
 * takes focus, Enter records (Shift+Enter: a new line), Escape cancels. An empty reason is left to
 * the data to refuse, so the refusal is said in the same words everywhere.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  onSubmit(reason: string): void;
  onCancel(): void;
  testId?: string;
}

export function ReasonForm({ label, onSubmit, onCancel, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSubmit(reason);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }
  return (
    <form
      className="room-reason"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} onKeyDown={onKeyDown} />
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
