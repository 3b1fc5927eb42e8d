/**
 * The trust file bundles are verified against: which one is in use (chosen, or the built-in demo
 * trust file), the keys it trusts, and buttons to choose another or go back to the built-in one.
 * The main process keeps the choice, and asks the user to confirm either change.
 */
import { useTranslation } from 'react-i18next';
import { useAsyncValue } from '../common/use-async-value';
import { chooseTrustFile } from './security-preferences';
import { SecurityChangeNotice, useSecurityChange } from './SecurityChangeNotice';
import { ErrorNotice } from '../common/ErrorNotice';
import { choosePath } from '../common/file-picker';
import { useServices } from '../common/services';
import { KEYID_SHOWN } from '../common/signature-words';
import { TableRegion } from '../common/TableRegion';

export function TrustFileSettings({ trustFile }: { trustFile: string | null }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  // The main process describes the trust file it holds; `trustFile`, the store's copy of that
  // setting, only says when to ask again.
  const trust = useAsyncValue(() => api.describeTrust(), [api, trustFile]);
  const { problem, run } = useSecurityChange();

  const choose = () =>
    run(async () => {
      const path = await choosePath(api, 'trust');
      if (path !== null) await chooseTrustFile(db, api, path);
    });

  return (
    <div className="settings-subgroup" data-testid="trust-settings">
      <h3 className="card__subtitle">{t('settings.trustTitle')}</h3>
      <p data-testid="trust-in-use">{trustFile === null ? t('settings.trustBuiltIn') : t('settings.trustChosen', { path: trustFile })}</p>
      {trust.state === 'loading' && <p role="status">{t('settings.trustLoading')}</p>}
      {trust.state === 'failed' && <ErrorNotice title={t('settings.trustFailed')} error={trust.error} />}
      {trust.state === 'done' && trust.value.keys.length === 0 && <p>{t('settings.noTrustedKeys')}</p>}
      {trust.state === 'done' && trust.value.keys.length > 0 && (
        <TableRegion label={t('settings.trustKeysCaption')}>
          <table className="data-table">
            <caption>{t('settings.trustKeysCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.colKeyName')}</th>
                <th scope="col">{t('settings.colKeyid')}</th>
                <th scope="col">{t('settings.colKeyRoles')}</th>
              </tr>
            </thead>
            <tbody>
              {trust.value.keys.map((key) => (
                <tr key={key.keyid}>
                  <th scope="row">{key.name}</th>
                  <td className="mono" title={key.keyid}>
                    {key.keyid.slice(0, KEYID_SHOWN)}
                  </td>
                  <td>{key.roles.map((role) => t(`settings.trustRoles.${role}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <div className="settings-actions">
        <button type="button" className="button button--quiet" onClick={() => void choose()}>
          {t('settings.chooseTrust')}
        </button>
        <button type="button" className="button button--quiet" disabled={trustFile === null} onClick={() => void run(() => chooseTrustFile(db, api, null))}>
          {t('settings.useBuiltInTrust')}
        </button>
      </div>
      <SecurityChangeNotice problem={problem} />
    </div>
  );
}
