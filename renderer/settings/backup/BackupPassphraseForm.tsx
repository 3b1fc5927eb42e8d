/**
 * Setting the backup passphrase: typed twice, at least 8 characters, and whether this device
 * remembers it (in the system's secret store) or only this run does. Main keeps only the key made
 * from it; what it answers is shown by the panel. Enter submits.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../keys/PassphraseForm';

export function BackupPassphraseForm({ busy, onSubmit }: { busy: boolean; onSubmit: (passphrase: string, remember: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [remember, setRemember] = useState(false);
  const [problem, setProblem] = useState<'tooShort' | 'mismatch' | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = passphrase.length < MIN_PASSPHRASE_LENGTH ? 'tooShort' : passphrase !== confirm ? 'mismatch' : null;
    setProblem(found);
    if (found) {
      document.getElementById(`${id}-${found === 'mismatch' ? 'confirm' : 'passphrase'}`)?.focus();
      return;
    }
    onSubmit(passphrase, remember);
  }

  const field = (which: 'passphrase' | 'confirm', value: string, set: (v: string) => void) => {
    const invalid = problem !== null && (which === 'confirm') === (problem === 'mismatch');
    return (
      <div className="form-field backup__field">
        <label htmlFor={`${id}-${which}`} className="form-field__label">
          {t(which === 'passphrase' ? 'backup.passphrase' : 'backup.passphraseConfirm')}
        </label>
        <input
          id={`${id}-${which}`}
          className="form-field__input"
          type="password"
          autoComplete="new-password"
          value={value}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={[invalid ? `${id}-problem` : null, `${id}-hint`].filter(Boolean).join(' ')}
          onChange={(e) => set(e.currentTarget.value)}
        />
      </div>
    );
  };

  return (
    <form className="settings-subgroup" onSubmit={submit} noValidate>
      <p id={`${id}-hint`} className="choice__hint choice__hint--flush">
        {t('backup.passphraseHint')}
      </p>
      {field('passphrase', passphrase, setPassphrase)}
      {field('confirm', confirm, setConfirm)}
      <label className="choice">
        <input type="checkbox" checked={remember} aria-describedby={`${id}-remember`} onChange={(e) => setRemember(e.currentTarget.checked)} />
        <span>{t('backup.remember')}</span>
      </label>
      <p id={`${id}-remember`} className="choice__hint">
        {t('backup.rememberHint')}
      </p>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="notice notice--error">
          {t(`backup.${problem}`)}
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('backup.setPassphrase')}
        </button>
      </div>
    </form>
  );
}
