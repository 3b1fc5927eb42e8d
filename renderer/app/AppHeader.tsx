/**
 * The top bar: the app, the council it serves, the operator (the member at this keyboard, whom
 * every audit entry names; changeable here with a plain select, so by keyboard too, among the
 * active members) and the language switch. With no roster there is no operator to choose. While
 * the audit log is known to be broken, a notice says so before them all.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorInfo } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useServices } from '../common/services';
import { chooseOperator } from '../welcome';
import { AuditBrokenNotice } from '../decisions';

function OperatorSelect() {
  const { t } = useTranslation();
  const { db } = useServices();
  const members = useCouncilStore((s) => s.members);
  const operator = useCouncilStore((s) => s.settings.operator);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const selectId = useId();
  const known = members.some((m) => m.memberId === operator);

  if (members.length === 0) {
    return (
      <span className="app-header__operator" data-testid="operator">
        {t('header.noOperator')}
      </span>
    );
  }

  async function change(memberId: string) {
    setError(null);
    try {
      await chooseOperator(db, memberId);
    } catch (err) {
      setError(describeError(err));
    }
  }

  return (
    <span className="app-header__operator">
      <label htmlFor={selectId}>{t('header.operator')}</label>
      <select id={selectId} data-testid="operator" value={known ? (operator ?? '') : ''} onChange={(e) => void change(e.currentTarget.value)}>
        {!known && (
          <option value="" disabled>
            {t('header.chooseOperator')}
          </option>
        )}
        {members
          .filter((m) => m.active || m.memberId === operator)
          .map((m) => (
            <option key={m.memberId} value={m.memberId}>
              {t('header.operatorOption', { name: m.name, role: t(`roles.${m.role}`) })}
            </option>
          ))}
      </select>
      {error && (
        <span role="alert" className="app-header__error" title={error.message}>
          {t('header.operatorFailed', { code: error.code })}
        </span>
      )}
    </span>
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const councilName = useCouncilStore((s) => s.settings.councilName);
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <span className="app-header__app">{t('app.name')}</span>
        <span className="app-header__council" data-testid="council-name">
          {councilName || t('header.noCouncil')}
        </span>
      </div>
      <div className="app-header__tools">
        <AuditBrokenNotice />
        <OperatorSelect />
        <LanguageSwitch />
      </div>
    </header>
  );
}
