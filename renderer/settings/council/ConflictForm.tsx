/**
 * Declaring a member's conflict of interest: its kind (registration number, business name, region,
 * bundle), what it matches, and the reason. The hint under "matches" follows the kind; for a
 * bundle the stored bundles are offered (one not imported yet can be typed).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFLICT_KINDS, type ConflictKind, type DeclaredConflict } from '../../../shared/council';
import { useServices } from '../../common/services';
import { declareConflict, type RosterField } from '../../db/members';
import type { MemberRow } from '../../db/rows';
import { Field, FormActions, FormNotice, useFocusLater } from './Field';
import { useFormProblems } from './roster-issues';

const FIELDS: readonly RosterField[] = ['kind', 'value', 'reason'];

export function ConflictForm({
  member,
  bundleIds,
  onDeclared,
  onCancel,
}: {
  member: MemberRow;
  bundleIds: readonly string[];
  onDeclared: (conflict: DeclaredConflict) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const id = useId();
  const [kind, setKind] = useState<ConflictKind>('registrationNo');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { problems, clear, show } = useFormProblems(FIELDS);
  const focusLater = useFocusLater();
  const fieldId = (field: RosterField) => `${id}-${field}`;

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    clear();
    try {
      onDeclared(await declareConflict(db, member.memberId, { kind, value, reason }));
    } catch (err) {
      setBusy(false);
      const first = show(err);
      if (first) focusLater(fieldId(first));
    }
  }

  return (
    <form className="roster-form" noValidate onSubmit={(e) => void submit(e)}>
      <Field id={fieldId('kind')} label={t('roster.kind')} issue={problems.fields.kind}>
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as ConflictKind)}>
          {CONFLICT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`roster.kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={fieldId('value')} label={t('roster.value')} hint={t(`roster.valueHints.${kind}`)} issue={problems.fields.value}>
        <input
          type="text"
          value={value}
          autoComplete="off"
          spellCheck={false}
          inputMode={kind === 'registrationNo' ? 'numeric' : undefined}
          list={kind === 'bundle' && bundleIds.length > 0 ? `${id}-bundles` : undefined}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
      </Field>
      {kind === 'bundle' && bundleIds.length > 0 && (
        <datalist id={`${id}-bundles`}>
          {bundleIds.map((b) => (
            <option key={b} value={b} />
          ))}
        </datalist>
      )}
      <Field id={fieldId('reason')} label={t('roster.reason')} hint={t('roster.reasonHint')} issue={problems.fields.reason}>
        <textarea rows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </Field>
      <FormNotice problems={problems} />
      <FormActions busy={busy} submitLabel={t('roster.declareSubmit')} onCancel={onCancel} />
    </form>
  );
}
