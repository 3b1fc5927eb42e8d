/**
 * Settings → Trust: the trust file bundles and decision files are verified against (which one is
 * in use, the buttons to choose another), the keys it trusts, and its edits: remove a key, add one
 * from a PEM, trust this device's keys, export the file for the payment side. The main process
 * describes the file it holds and makes every edit; each edit answers the file as it is then.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustInfo } from '../../../shared/api';
import { describeError } from '../../common/council-api';
import { ErrorNotice } from '../../common/ErrorNotice';
import { useServices } from '../../common/services';
import type { AsyncValue } from '../../common/use-async-value';
import { AddKeyForm } from './AddKeyForm';
import { DeviceKeysForm } from './DeviceKeysForm';
import { exportTrustFile } from './trust-edits';
import { TrustFileSettings } from './TrustFileSettings';
import { TrustKeysTable } from './TrustKeysTable';
import { TrustOutcomeNotice, useTrustEdit } from './TrustOutcome';

/**
 * The trust file in use, described again whenever the setting changes (`trustFile`, the store's
 * copy, says when), and replaced by what an edit answers. What is shown stays while it is asked again.
 */
function useTrust(trustFile: string | null): [AsyncValue<TrustInfo>, (trust: TrustInfo) => void] {
  const { api } = useServices();
  const [trust, setTrust] = useState<AsyncValue<TrustInfo>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    api.describeTrust().then(
      (value) => current && setTrust({ state: 'done', value }),
      (err: unknown) => current && setTrust({ state: 'failed', error: describeError(err) }),
    );
    return () => {
      current = false;
    };
  }, [api, trustFile]);
  return [trust, (value) => setTrust({ state: 'done', value })];
}

export function TrustSettings({ trustFile }: { trustFile: string | null }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const [trust, setTrust] = useTrust(trustFile);
  const exporting = useTrustEdit();
  const exportHint = useId();

  return (
    <div className="settings-subgroup" data-testid="trust-settings">
      <h3 className="card__subtitle">{t('trust.title')}</h3>
      <TrustFileSettings trustFile={trustFile} />
      {trust.state === 'loading' && <p role="status">{t('trust.loading')}</p>}
      {trust.state === 'failed' && <ErrorNotice title={t('trust.failed')} error={trust.error} />}
      {trust.state === 'done' && (
        <>
          <TrustKeysTable trust={trust.value} onChanged={setTrust} />
          <p className="choice__hint choice__hint--flush">{t('trust.editHint')}</p>
          <div className="settings-actions">
            <button
              type="button"
              className="button button--quiet"
              disabled={exporting.busy}
              aria-describedby={exportHint}
              onClick={() => {
                const shown = trust.value;
                void exporting.run(async () => {
                  const path = await exportTrustFile(db, api, shown);
                  return path === null ? null : t('trust.exported', { path });
                });
              }}
            >
              {t('trust.export')}
            </button>
          </div>
          <p id={exportHint} className="choice__hint choice__hint--flush">
            {t('trust.exportHint')}
          </p>
          <TrustOutcomeNotice outcome={exporting.outcome} failedTitle={t('trust.exportFailed')} />
          <AddKeyForm trust={trust.value} onChanged={setTrust} />
          <DeviceKeysForm trust={trust.value} onChanged={setTrust} />
        </>
      )}
    </div>
  );
}
