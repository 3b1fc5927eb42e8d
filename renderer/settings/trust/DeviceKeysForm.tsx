/**
 * Trusts this device's chair key (role chair) and secretary key (role secretary) in one step,
 * named after the council's chair and secretary where the roster has them. The keys themselves
 * are the keystore's (Settings, this device's keys); the main process asks its native confirmation.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustInfo } from '../../../shared/api';
import { useCouncilStore } from '../../common/council-store';
import { useServices } from '../../common/services';
import type { MemberRow } from '../../db/rows';
import { nameProblem } from './AddKeyForm';
import { trustDeviceKeys } from './trust-edits';
import { TrustField, TrustForm } from './TrustForm';
import { useTrustEdit } from './TrustOutcome';

function nameOf(members: readonly MemberRow[], role: MemberRow['role']): string {
  return members.find((m) => m.role === role && m.active)?.name ?? '';
}

export function DeviceKeysForm({ trust, onChanged }: { trust: TrustInfo; onChanged: (trust: TrustInfo) => void }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const id = useId();
  const members = useCouncilStore((s) => s.members);
  const [chairName, setChairName] = useState(() => nameOf(members, 'chair'));
  const [secretaryName, setSecretaryName] = useState(() => nameOf(members, 'secretary'));
  const [tried, setTried] = useState(false);
  const { outcome, busy, run } = useTrustEdit();
  const problems = { chair: tried ? nameProblem(chairName) : undefined, secretary: tried ? nameProblem(secretaryName) : undefined };

  const submit = () => {
    setTried(true);
    const first = nameProblem(chairName) ? 'chair' : nameProblem(secretaryName) ? 'secretary' : null;
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    void run(async () => {
      onChanged(await trustDeviceKeys(db, api, trust, { chairName: chairName.trim(), secretaryName: secretaryName.trim() }));
      return t('trust.deviceTrusted');
    });
  };

  return (
    <TrustForm
      title={t('trust.deviceTitle')}
      intro={t('trust.deviceIntro')}
      submitLabel={t('trust.trustDevice')}
      failedTitle={t('trust.deviceFailed')}
      busy={busy}
      outcome={outcome}
      onSubmit={submit}
    >
      <TrustField id={`${id}-chair`} label={t('trust.chairName')} problem={problems.chair && t(`trust.errors.${problems.chair}`)}>
        <input type="text" className="form-field__input" value={chairName} onChange={(e) => setChairName(e.currentTarget.value)} />
      </TrustField>
      <TrustField id={`${id}-secretary`} label={t('trust.secretaryName')} problem={problems.secretary && t(`trust.errors.${problems.secretary}`)}>
        <input type="text" className="form-field__input" value={secretaryName} onChange={(e) => setSecretaryName(e.currentTarget.value)} />
      </TrustField>
    </TrustForm>
  );
}
