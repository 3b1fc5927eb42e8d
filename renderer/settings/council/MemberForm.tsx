/**
 * The form of a member, new or edited: name, affiliation, role and (when editing) whether active.
 * Checked by the roster itself (db/members.ts): its refusals are shown beside their fields, and
 * the focus goes to the first field in error. Making someone chair while another is asks first,
 * in the form, and the chair before becomes a member.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type MemberRole } from '../../../shared/council';
import { useServices } from '../../common/services';
import { addMember, RosterError, updateMember, type RosterField } from '../../db/members';
import type { MemberRow } from '../../db/rows';
import { Field, FormActions, FormNotice, useFocusLater } from './Field';
import { useFormProblems } from './roster-issues';

const FIELDS: readonly RosterField[] = ['name', 'affiliation', 'role', 'active'];

export interface MemberSaved {
  member: MemberRow;
  /** The chair before, when this change made them a member. */
  replacedChair: string | null;
  changed: boolean;
}

export function MemberForm({ member, onSaved, onCancel }: { member: MemberRow | null; onSaved: (saved: MemberSaved) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const id = useId();
  const [name, setName] = useState(member?.name ?? '');
  const [affiliation, setAffiliation] = useState(member?.affiliation ?? '');
  const [role, setRole] = useState<MemberRole>(member?.role ?? 'member');
  const [active, setActive] = useState(member?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [chairToReplace, setChairToReplace] = useState<string | null>(null);
  const { problems, clear, show } = useFormProblems(FIELDS);
  const focusLater = useFocusLater();
  const fieldId = (field: RosterField | 'replace-chair') => `${id}-${field}`;

  async function save(replaceChair: boolean): Promise<void> {
    setBusy(true);
    clear();
    try {
      const fields = { name, affiliation, role };
      const saved = member === null ? await addMember(db, fields, { replaceChair }) : await updateMember(db, member.memberId, { ...fields, active }, { replaceChair });
      const changed = member === null || (['name', 'affiliation', 'role', 'active'] as const).some((k) => saved[k] !== member[k]);
      onSaved({ member: saved, replacedChair: replaceChair ? chairToReplace : null, changed });
    } catch (err) {
      setBusy(false);
      if (err instanceof RosterError && err.has('CHAIR_CONFIRM_NEEDED') && err.issues.length === 1) {
        setChairToReplace(String(err.issues[0]!.params.chair));
        // The question is read first, with its answer focused.
        focusLater(fieldId('replace-chair'));
        return;
      }
      setChairToReplace(null);
      const first = show(err);
      if (first) focusLater(fieldId(first));
    }
  }

  function submit(e: FormEvent): void {
    e.preventDefault();
    if (!busy) void save(false);
  }

  const activeIssue = problems.fields.active;
  const activeDescribedBy = [activeIssue ? `${fieldId('active')}-error` : null, `${fieldId('active')}-hint`].filter(Boolean).join(' ');

  return (
    <form className="roster-form" noValidate onSubmit={submit}>
      <Field id={fieldId('name')} label={t('roster.name')} hint={t('roster.nameHint')} issue={problems.fields.name}>
        <input type="text" value={name} autoComplete="off" onChange={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id={fieldId('affiliation')} label={t('roster.affiliation')} hint={t('roster.affiliationHint')} issue={problems.fields.affiliation}>
        <input type="text" value={affiliation} autoComplete="off" onChange={(e) => setAffiliation(e.currentTarget.value)} />
      </Field>
      <Field id={fieldId('role')} label={t('roster.role')} hint={t('roster.roleHint')} issue={problems.fields.role}>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as MemberRole)}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {member !== null && (
        <div className={activeIssue ? 'roster-field roster-field--invalid' : 'roster-field'}>
          <label className="choice">
            <input
              type="checkbox"
              id={fieldId('active')}
              checked={active}
              aria-describedby={activeDescribedBy}
              aria-invalid={activeIssue ? true : undefined}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
            <span>{t('roster.activeLabel')}</span>
          </label>
          {activeIssue && (
            <p id={`${fieldId('active')}-error`} className="roster-field__error">
              {t(`roster.errors.${activeIssue.code}`, activeIssue.params)}
            </p>
          )}
          <p id={`${fieldId('active')}-hint`} className="roster-field__hint">
            {t('roster.activeHint')}
          </p>
        </div>
      )}
      <FormNotice problems={problems} />
      {chairToReplace !== null ? (
        <div className="roster-form__confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('roster.chairConfirm', { chair: chairToReplace, name: name.trim() })}</p>
          <div className="settings-actions">
            <button type="button" className="button button--quiet" onClick={() => {
                setChairToReplace(null);
                focusLater(fieldId('role'));
              }}
            >
              {t('roster.chairConfirmNo')}
            </button>
            <button id={fieldId('replace-chair')} type="button" className="button button--primary" disabled={busy} onClick={() => void save(true)}>
              {t('roster.chairConfirmYes')}
            </button>
          </div>
        </div>
      ) : (
        <FormActions busy={busy} submitLabel={t('roster.save')} onCancel={onCancel} />
      )}
    </form>
  );
}
