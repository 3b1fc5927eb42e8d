/**
 * The parts of the trust forms (AddKeyForm, DeviceKeysForm): the form itself, named by its heading,
 * with its intro, its submit button (saying so while the main process works) and how it ended; and
 * a labelled control with its hint and problem tied to it by aria-describedby.
 */
import { cloneElement, useId, type FormEvent, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TrustOutcomeNotice, type TrustOutcome } from './TrustOutcome';

interface TrustFormProps {
  title: string;
  intro: string;
  submitLabel: string;
  failedTitle: string;
  busy: boolean;
  outcome: TrustOutcome | null;
  onSubmit: () => void;
  children: ReactNode;
}

export function TrustForm({ title, intro, submitLabel, failedTitle, busy, outcome, onSubmit, children }: TrustFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="settings-subgroup" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h4 id={titleId} className="card__subtitle">
        {title}
      </h4>
      <p className="choice__hint choice__hint--flush">{intro}</p>
      {children}
      <div className="settings-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('trust.working') : submitLabel}
        </button>
      </div>
      <TrustOutcomeNotice outcome={outcome} failedTitle={failedTitle} />
    </form>
  );
}

export function TrustField({ id, label, hint, problem, children }: { id: string; label: string; hint?: string; problem?: string; children: ReactElement<Record<string, unknown>> }) {
  const problemId = problem ? `${id}-problem` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      {cloneElement(children, { id, 'aria-describedby': [problemId, hintId].filter(Boolean).join(' ') || undefined, 'aria-invalid': problem ? true : undefined })}
      {problem && (
        <p id={problemId} className="form-field__problem">
          {problem}
        </p>
      )}
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
