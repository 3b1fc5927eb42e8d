/**
 * The conflicts of interest the members declared: member, kind, what it matches, reason, when,
 * and a button to withdraw each (the conflict leaves the member; its audit entries stay).
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclaredConflict } from '../../../shared/council';
import { formatDateTime } from '../../../shared/i18n';
import { formatRegistrationNo } from '../../../shared/registration-number';
import { TableRegion } from '../../common/TableRegion';
import { useUiStore } from '../../common/ui-store';
import type { MemberRow } from '../../db/rows';

/** A declared value as people write it: a registration number with its hyphens. */
export function shownValue(conflict: Pick<DeclaredConflict, 'kind' | 'value'>): string {
  return conflict.kind === 'registrationNo' ? formatRegistrationNo(conflict.value) : conflict.value;
}

export interface ConflictListProps {
  members: readonly MemberRow[];
  busy: boolean;
  onWithdraw: (member: MemberRow, conflict: DeclaredConflict) => void;
  /** The heading, where the focus lands once a withdrawn conflict's row is gone. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function ConflictList({ members, busy, onWithdraw, headingRef }: ConflictListProps) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const rows = members.flatMap((member) => member.conflicts.map((conflict) => ({ member, conflict })));

  return (
    <div className="settings-subgroup" data-testid="roster-conflicts">
      <h3 ref={headingRef} tabIndex={-1} className="card__subtitle">
        {t('roster.conflictsTitle')}
      </h3>
      {rows.length === 0 ? (
        <p>{t('roster.noConflicts')}</p>
      ) : (
        <TableRegion label={t('roster.conflictsCaption')}>
          <table className="data-table">
            <caption>{t('roster.conflictsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.colMember')}</th>
                <th scope="col">{t('roster.colKind')}</th>
                <th scope="col">{t('roster.colValue')}</th>
                <th scope="col">{t('roster.colReason')}</th>
                <th scope="col">{t('roster.colDeclaredAt')}</th>
                <th scope="col">{t('roster.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ member, conflict }) => {
                const kind = t(`roster.kinds.${conflict.kind}`);
                return (
                  <tr key={conflict.conflictId} data-conflict-id={conflict.conflictId}>
                    <th scope="row">{member.name}</th>
                    <td className="roster-nowrap">{kind}</td>
                    <td className={conflict.kind === 'registrationNo' || conflict.kind === 'bundle' ? 'mono roster-nowrap' : undefined}>{shownValue(conflict)}</td>
                    <td className="roster-conflicts__reason">{conflict.reason}</td>
                    <td>{formatDateTime(conflict.declaredAt, language)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--quiet"
                        disabled={busy}
                        // The visible word first, then whose conflict: each row's button has its own name.
                        aria-label={`${t('roster.withdraw')}${t('roster.withdrawFor', { name: member.name, kind, value: shownValue(conflict) })}`}
                        onClick={() => onWithdraw(member, conflict)}
                      >
                        {t('roster.withdraw')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
