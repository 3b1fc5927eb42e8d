/**
 * One of this device's keys (the chair's or the secretary's): its keyid (short, the full one a
 * click away and selectable), when it was made and whether it was imported, and its public key
 * to export; with no key yet, buttons to make or import one.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceKey, DeviceKeyRole } from '../../../shared/api';
import { formatDateTime } from '../../../shared/i18n';
import { KEYID_SHOWN } from '../../common/signature-words';
import { useUiStore } from '../../common/ui-store';

export interface DeviceKeyCardProps {
  role: DeviceKeyRole;
  deviceKey: DeviceKey | null;
  /** Whether a key can be made or imported now (a passphrase protection needs the passphrase first). */
  canAdd: boolean;
  busy: boolean;
  onMake: () => void;
  onImport: () => void;
  onExport: (key: DeviceKey) => void;
}

export function DeviceKeyCard({ role, deviceKey, canAdd, busy, onMake, onImport, onExport }: DeviceKeyCardProps) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const id = useId();
  const name = t(`deviceKeys.roles.${role}`);
  return (
    <section className="settings-subgroup" aria-labelledby={`${id}-title`} data-testid={`device-key-${role}`}>
      <h3 id={`${id}-title`} className="card__subtitle">
        {name}
      </h3>
      {deviceKey === null ? (
        <>
          <p>{t('deviceKeys.noKey')}</p>
          {!canAdd && <p id={`${id}-needs`} className="choice__hint choice__hint--flush">{t('deviceKeys.needsPassphrase')}</p>}
          <div className="settings-actions">
            <button type="button" className="button button--quiet" disabled={busy || !canAdd} aria-describedby={canAdd ? undefined : `${id}-needs`} onClick={onMake}>
              {t('deviceKeys.make', { role: name })}
            </button>
            <button type="button" className="button button--quiet" disabled={busy || !canAdd} aria-describedby={canAdd ? undefined : `${id}-needs`} onClick={onImport}>
              {t('deviceKeys.import', { role: name })}
            </button>
          </div>
        </>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('deviceKeys.keyid')}</dt>
            <dd className="mono" data-testid={`keyid-${role}`}>
              {deviceKey.keyid.slice(0, KEYID_SHOWN)}
            </dd>
            <dt>{t('deviceKeys.created')}</dt>
            <dd>{formatDateTime(deviceKey.createdAt, language)}</dd>
            <dt>{t('deviceKeys.origin')}</dt>
            <dd>{deviceKey.imported ? t('deviceKeys.imported') : t('deviceKeys.madeHere')}</dd>
          </dl>
          <details>
            <summary>{t('deviceKeys.fullKeyid')}</summary>
            <input className="form-field__input mono device-keys__keyid" readOnly value={deviceKey.keyid} aria-label={`${name}: ${t('deviceKeys.fullKeyid')}`} onFocus={(e) => e.currentTarget.select()} />
          </details>
          <div className="settings-actions">
            <button type="button" className="button button--quiet" disabled={busy} aria-describedby={`${id}-title`} onClick={() => onExport(deviceKey)}>
              {t('deviceKeys.exportPublic')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
