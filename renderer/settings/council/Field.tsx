/**
 * The parts of the roster's forms (MemberForm, ConflictForm): a labelled control with its hint and
 * its error tied to it by aria-describedby (and aria-invalid while it has one), so a screen reader
 * reads them with it; the problems of the change as a whole; the cancel and submit buttons; and
 * the focus moved to a field once the form shows what the last attempt answered.
 */
import type { ReactElement } from 'react';
import { cloneElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../common/ErrorNotice';
import type { RosterIssue } from '../../db/members';
import type { FormProblems } from './roster-issues';

export function Field({ id, label, hint, issue, children }: { id: string; label: string; hint?: string; issue?: RosterIssue; children: ReactElement<Record<string, unknown>> }) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = issue ? `${id}-error` : null;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={issue ? 'roster-field roster-field--invalid' : 'roster-field'}>
      <label htmlFor={id} className="roster-field__label">
        {label}
      </label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': issue ? true : undefined })}
      {issue && (
        <p id={errorId!} className="roster-field__error">
          {t(`roster.errors.${issue.code}`, issue.params)}
        </p>
      )}
      {hint && (
        <p id={hintId!} className="roster-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** The problems of the change as a whole (a refusal in words, or a failure with its code). */
export function FormNotice({ problems }: { problems: FormProblems }) {
  const { t } = useTranslation();
  if (problems.failure) return <ErrorNotice title={t('roster.failed')} error={problems.failure} />;
  if (problems.general.length === 0) return null;
  return (
    <div role="alert" className="notice notice--error">
      {problems.general.map((issue) => (
        <p key={issue.code}>{t(`roster.errors.${issue.code}`, issue.params)}</p>
      ))}
    </div>
  );
}

/** Cancel, then the submit button (saying so while the change is being written). */
export function FormActions({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="settings-actions roster-form__actions">
      <button type="button" className="button button--quiet" onClick={onCancel}>
        {t('roster.cancel')}
      </button>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('roster.saving') : submitLabel}
      </button>
    </div>
  );
}

/** Focuses the element of an id once the form has drawn what the last attempt answered (its errors, a question). */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return useCallback((id: string) => setTarget((prev) => ({ id, n: (prev?.n ?? 0) + 1 })), []);
}
