/**
 * The welcome's last step, once the demo council's members are stored: who is at this keyboard.
 * The secretary is chosen already (stored with the members); the user may pick another member.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorInfo } from '../common/council-api';
import { ErrorNotice } from '../common/ErrorNotice';
import { useServices } from '../common/services';
import type { MemberRow } from '../db/rows';
import { chooseOperator } from './operator';

interface Props {
  members: readonly MemberRow[];
  /** The operator stored with the members (the secretary); null when the roster has none. */
  chosen: string | null;
  onDone(): Promise<void>;
}

export function OperatorChoice({ members, chosen, onDone }: Props) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [selected, setSelected] = useState<string | null>(chosen);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  async function go() {
    setError(null);
    setBusy(true);
    try {
      if (selected !== null && selected !== chosen) await chooseOperator(db, selected);
      await onDone();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <div className="operator-choice">
      <fieldset className="operator-choice__group" aria-describedby={hintId}>
        <legend className="operator-choice__legend">{t('welcome.operatorLegend')}</legend>
        <p id={hintId} className="welcome__hint">
          {t('welcome.operatorHint')}
        </p>
        {members.map((m) => (
          <label key={m.memberId} className="choice">
            <input type="radio" name="operator" value={m.memberId} checked={selected === m.memberId} onChange={() => setSelected(m.memberId)} />
            <span>{t('welcome.operatorOption', { name: m.name, role: t(`roles.${m.role}`), affiliation: m.affiliation })}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="button button--primary" disabled={busy || selected === null} onClick={() => void go()}>
        {t('welcome.continue')}
      </button>
      {error && <ErrorNotice title={t('welcome.operatorFailed')} error={error} />}
    </div>
  );
}
