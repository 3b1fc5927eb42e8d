/**
 * Settings → Council members: the roster as a table (role, affiliation, active, how many conflicts
 * declared), a member added or edited in a dialog, a conflict declared in a dialog, and the
 * declared conflicts listed with a button to withdraw each. After every change the council store
 * reads the members again, so the header's operator choice and the Meeting screen show it, and
 * the change is announced.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclaredConflict } from '../../../shared/council';
import { announce } from '../../common/announcer';
import { useCouncilStore } from '../../common/council-store';
import { useServices } from '../../common/services';
import { TableRegion } from '../../common/TableRegion';
import { withdrawConflict } from '../../db/members';
import type { MemberRow } from '../../db/rows';
import { ConflictForm } from './ConflictForm';
import { ConflictList, shownValue } from './ConflictList';
import { FormNotice } from './Field';
import { MemberForm, type MemberSaved } from './MemberForm';
import { ModalDialog } from '../../common/ModalDialog';
import { problemsOf, type FormProblems } from './roster-issues';
import './roster.css';

type Dialog = { kind: 'add' } | { kind: 'edit'; member: MemberRow } | { kind: 'declare'; member: MemberRow };

export function RosterSection() {
  const { t } = useTranslation();
  const { db } = useServices();
  const members = useCouncilStore((s) => s.members);
  const bundles = useCouncilStore((s) => s.bundles);
  const operator = useCouncilStore((s) => s.settings.operator);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const conflictsHeading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();

  const reload = () => useCouncilStore.getState().load(db);

  async function saved({ member, replacedChair, changed }: MemberSaved, added: boolean): Promise<void> {
    // Read again before the dialog closes, so the focus goes back to a table that shows the change.
    await reload();
    setDialog(null);
    if (!changed) announce(t('roster.unchanged'));
    else if (replacedChair) announce(t('roster.chairReplaced', { name: member.name, chair: replacedChair }));
    else announce(t(added ? 'roster.added' : 'roster.updated', { name: member.name }));
  }

  async function declared(member: MemberRow, conflict: DeclaredConflict): Promise<void> {
    await reload();
    setDialog(null);
    announce(t('roster.declared', { name: member.name, kind: t(`roster.kinds.${conflict.kind}`), value: shownValue(conflict) }));
  }

  async function withdraw(member: MemberRow, conflict: DeclaredConflict): Promise<void> {
    setBusy(true);
    setProblems(null);
    try {
      await withdrawConflict(db, member.memberId, conflict.conflictId);
      await reload();
      announce(t('roster.withdrawn', { name: member.name, kind: t(`roster.kinds.${conflict.kind}`), value: shownValue(conflict) }));
    } catch (err) {
      setProblems(problemsOf(err, []));
      await reload();
    } finally {
      setBusy(false);
      // The row and its button are gone: the list's heading keeps the focus in the section.
      conflictsHeading.current?.focus();
    }
  }

  return (
    <section className="card settings-group" aria-labelledby={titleId} data-testid="roster">
      <h2 id={titleId} className="card__title">
        {t('roster.title')}
      </h2>
      <p className="choice__hint choice__hint--flush">{t('roster.intro')}</p>
      {members.length === 0 ? (
        <p>{t('roster.empty')}</p>
      ) : (
        <TableRegion label={t('roster.caption')}>
          <table className="data-table roster-table">
            <caption>{t('roster.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.colName')}</th>
                <th scope="col">{t('roster.colRole')}</th>
                <th scope="col">{t('roster.colAffiliation')}</th>
                <th scope="col">{t('roster.colStatus')}</th>
                <th scope="col">{t('roster.colConflicts')}</th>
                <th scope="col">{t('roster.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.memberId} data-member-id={m.memberId} className={m.active ? undefined : 'roster-table__inactive'}>
                  <th scope="row">{m.name}</th>
                  <td>{t(`roles.${m.role}`)}</td>
                  <td>{m.affiliation}</td>
                  <td className="roster-nowrap">
                    {m.active ? t('roster.active') : <span className="badge badge--muted">{t('roster.inactive')}</span>}
                    {m.memberId === operator && (
                      <>
                        {' '}
                        <span className="badge badge--muted">{t('roster.operatorBadge')}</span>
                      </>
                    )}
                  </td>
                  <td className="roster-nowrap">{t('roster.conflictCount', { count: m.conflicts.length })}</td>
                  <td>
                    <div className="roster-table__actions">
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`${t('roster.edit')}${t('roster.forMember', { name: m.name })}`}
                        onClick={() => setDialog({ kind: 'edit', member: m })}
                      >
                        {t('roster.edit')}
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`${t('roster.declare')}${t('roster.forMember', { name: m.name })}`}
                        onClick={() => setDialog({ kind: 'declare', member: m })}
                      >
                        {t('roster.declare')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => setDialog({ kind: 'add' })}>
          {t('roster.add')}
        </button>
      </div>
      <ConflictList members={members} busy={busy} onWithdraw={(m, c) => void withdraw(m, c)} headingRef={conflictsHeading} />
      {problems && <FormNotice problems={problems} />}

      {dialog?.kind === 'add' && (
        <ModalDialog title={t('roster.addTitle')} intro={t('roster.formIntro')} onClose={() => setDialog(null)}>
          <MemberForm member={null} onSaved={(s) => void saved(s, true)} onCancel={() => setDialog(null)} />
        </ModalDialog>
      )}
      {dialog?.kind === 'edit' && (
        <ModalDialog title={t('roster.editTitle', { name: dialog.member.name })} intro={t('roster.formIntro')} onClose={() => setDialog(null)}>
          <MemberForm member={dialog.member} onSaved={(s) => void saved(s, false)} onCancel={() => setDialog(null)} />
        </ModalDialog>
      )}
      {dialog?.kind === 'declare' && (
        <ModalDialog title={t('roster.declareTitle', { name: dialog.member.name })} intro={`${t('roster.declareIntro')} ${t('roster.formIntro')}`} onClose={() => setDialog(null)}>
          <ConflictForm
            member={dialog.member}
            bundleIds={bundles.map((b) => b.bundleId)}
            onDeclared={(c) => void declared(dialog.member, c)}
            onCancel={() => setDialog(null)}
          />
        </ModalDialog>
      )}
    </section>
  );
}
