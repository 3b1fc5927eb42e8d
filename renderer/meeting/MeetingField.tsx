/** One labelled field of a meeting's form, with its hint and, when refused, why (tied by aria-describedby). */
import { useId, type Ref } from 'react';

interface Props {
  label: string;
  type: 'text' | 'date' | 'time';
  value: string;
  onChange(value: string): void;
  /** Why the value was refused, in words; null: not refused. */
  problem: string | null;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  readOnly?: boolean;
  maxLength?: number;
}

export function MeetingField({ label, type, value, onChange, problem, hint, inputRef, readOnly, maxLength }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label className="form-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="form-field__input"
        type={type}
        value={value}
        readOnly={readOnly}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={hintId} className="form-field__hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={problemId} className="form-field__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
