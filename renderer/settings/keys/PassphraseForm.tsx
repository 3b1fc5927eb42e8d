/**
 * The keys' passphrase, when a passphrase protects them: set it before the first key (typed twice,
 * at least 8 characters), or give it to unlock the keys for this run. Main checks it and counts
 * the tries; what it answers is shown by the panel. Enter submits.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** As shared/api.ts's argument schema asks of a passphrase. */
export const MIN_PASSPHRASE_LENGTH = 8;

export function PassphraseForm({ mode, busy, onSubmit }: { mode: 'set' | 'unlock'; busy: boolean; onSubmit: (passphrase: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | null>(null);
  const title = mode === 'set' ? t('deviceKeys.setTitle') : t('deviceKeys.unlockTitle');

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = mode === 'set' && passphrase.length < MIN_PASSPHRASE_LENGTH ? 'tooShort' : mode === 'set' && passphrase !== confirm ? 'mismatch' : null;
    setProblem(found);
    if (found) {
      document.getElementById(`${id}-${found === 'mismatch' ? 'confirm' : 'passphrase'}`)?.focus();
      return;
    }
    onSubmit(passphrase);
  }

  const describedBy = (field: 'passphrase' | 'confirm') =>
    [problem && (field === 'confirm') === (problem === 'mismatch') ? `${id}-problem` : null, `${id}-hint`].filter(Boolean).join(' ');

  return (
    <form className="settings-subgroup" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`} className="card__subtitle">
        {title}
      </h3>
      <p id={`${id}-hint`} className="choice__hint choice__hint--flush">
        {mode === 'set' ? t('deviceKeys.setHint') : t('deviceKeys.unlockHint')}
      </p>
      <PassphraseField
        id={`${id}-passphrase`}
        label={t('deviceKeys.passphrase')}
        autoComplete={mode === 'set' ? 'new-password' : 'current-password'}
        value={passphrase}
        invalid={problem === 'tooShort'}
        describedBy={describedBy('passphrase')}
        onChange={setPassphrase}
      />
      {mode === 'set' && (
        <PassphraseField
          id={`${id}-confirm`}
          label={t('deviceKeys.passphraseConfirm')}
          autoComplete="new-password"
          value={confirm}
          invalid={problem === 'mismatch'}
          describedBy={describedBy('confirm')}
          onChange={setConfirm}
        />
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className="notice notice--error">
          {t(`deviceKeys.${problem}`)}
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {mode === 'set' ? t('deviceKeys.set') : t('deviceKeys.unlock')}
        </button>
      </div>
    </form>
  );
}

interface PassphraseFieldProps {
  id: string;
  label: string;
  autoComplete: 'new-password' | 'current-password';
  value: string;
  invalid: boolean;
  describedBy: string;
  onChange: (value: string) => void;
}

function PassphraseField({ id, label, autoComplete, value, invalid, describedBy, onChange }: PassphraseFieldProps) {
  return (
    <div className="form-field device-keys__field">
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      <input
        id={id}
        className="form-field__input"
        type="password"
        autoComplete={autoComplete}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}
