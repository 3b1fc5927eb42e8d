/**
 * A form written in place in the room (a reason, an amount, a deferral's documents): its fields,
 * then the submit and cancel buttons; submitting records, Escape anywhere in it cancels. What is
 * wrong is left to the data to refuse, so the refusal is said in the same words everywhere.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  submitLabel: string;
  onSubmit(): void;
  onCancel(): void;
  testId?: string;
  children: ReactNode;
}

export function RoomForm({ submitLabel, onSubmit, onCancel, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <form
      className="room-reason"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
      <div className="room-actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('room.reason.cancel')}
        </button>
      </div>
    </form>
  );
}
