/**
 * Trusts a public key the user pastes, with a name and roles. What the form can tell at once (no
 * name, no role, nothing pasted, a private key) it says beside the field, and a private key never
 * leaves the form; the rest (not a PEM, not Ed25519, a key already trusted) the main process says.
 * The main process asks its native confirmation, naming the key's name, roles and keyid.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustInfo } from '../../../shared/api';
import { TRUST_ROLES, type TrustRole } from '../../../shared/schemas/trust-file';
import { useServices } from '../../common/services';
import type { koTrust } from './strings-ko';
import { addTrustedKey } from './trust-edits';
import { TrustField, TrustForm } from './TrustForm';
import { useTrustEdit } from './TrustOutcome';

export type KeyFormProblem = keyof typeof koTrust.trust.errors;
export type KeyFormProblems = Partial<Record<'name' | 'roles' | 'pem', KeyFormProblem>>;

export const KEY_NAME_MAX = 200;

/** A name of 1 to 200 characters (trimmed); 'name' only, for a form of names alone. */
export function nameProblem(name: string): KeyFormProblem | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'NAME_REQUIRED';
  return trimmed.length > KEY_NAME_MAX ? 'NAME_TOO_LONG' : undefined;
}

export function checkKeyForm(name: string, roles: readonly TrustRole[], pem: string): KeyFormProblems {
  const problems: KeyFormProblems = {};
  const named = nameProblem(name);
  if (named) problems.name = named;
  if (roles.length === 0) problems.roles = 'ROLES_REQUIRED';
  if (pem.trim() === '') problems.pem = 'PEM_REQUIRED';
  else if (/PRIVATE KEY-----/.test(pem)) problems.pem = 'PEM_PRIVATE';
  return problems;
}

export function AddKeyForm({ trust, onChanged }: { trust: TrustInfo; onChanged: (trust: TrustInfo) => void }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const id = useId();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<TrustRole[]>([]);
  const [pem, setPem] = useState('');
  const [problems, setProblems] = useState<KeyFormProblems>({});
  const { outcome, busy, run } = useTrustEdit();
  const problemText = (field: keyof KeyFormProblems) => (problems[field] ? t(`trust.errors.${problems[field]}`) : undefined);

  const toggle = (role: TrustRole, on: boolean) => setRoles((now) => TRUST_ROLES.filter((r) => (r === role ? on : now.includes(r))));

  const submit = () => {
    const found = checkKeyForm(name, roles, pem);
    setProblems(found);
    const first = (['name', 'roles', 'pem'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    void run(async () => {
      const trimmed = name.trim();
      onChanged(await addTrustedKey(db, api, trust, { name: trimmed, roles, publicKeyPem: pem }));
      setName('');
      setRoles([]);
      setPem('');
      return t('trust.added', { name: trimmed });
    });
  };

  return (
    <TrustForm title={t('trust.addTitle')} intro={t('trust.addIntro')} submitLabel={t('trust.add')} failedTitle={t('trust.addFailed')} busy={busy} outcome={outcome} onSubmit={submit}>
      <TrustField id={`${id}-name`} label={t('trust.name')} hint={t('trust.nameHint')} problem={problemText('name')}>
        <input type="text" className="form-field__input" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </TrustField>
      <fieldset id={`${id}-roles`} tabIndex={-1} aria-describedby={problems.roles ? `${id}-roles-problem` : undefined}>
        <legend className="form-field__label">{t('trust.roles')}</legend>
        {TRUST_ROLES.map((role) => (
          <label key={role} className="choice">
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggle(role, e.currentTarget.checked)} />
            <span>{t(`trust.roleNames.${role}`)}</span>
          </label>
        ))}
        {problems.roles && (
          <p id={`${id}-roles-problem`} className="form-field__problem">
            {problemText('roles')}
          </p>
        )}
      </fieldset>
      <TrustField id={`${id}-pem`} label={t('trust.pem')} hint={t('trust.pemHint')} problem={problemText('pem')}>
        <textarea className="form-field__input mono" rows={5} spellCheck={false} value={pem} onChange={(e) => setPem(e.currentTarget.value)} />
      </TrustField>
    </TrustForm>
  );
}
