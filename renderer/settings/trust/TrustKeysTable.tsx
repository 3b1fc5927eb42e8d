/**
 * The keys the trust file in use trusts: name, keyid (its first characters, the whole in the
 * title), roles, and a button to remove each, asked again in a dialog of the app that shows the
 * whole keyid before the main process removes it (removing raises protection: no native dialog).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrustInfo } from '../../../shared/api';
import { ModalDialog } from '../../common/ModalDialog';
import { useServices } from '../../common/services';
import { KEYID_SHOWN } from '../../common/signature-words';
import { TableRegion } from '../../common/TableRegion';
import { removeTrustedKey, type TrustedKeyInfo } from './trust-edits';
import { TrustOutcomeNotice, useTrustEdit } from './TrustOutcome';

export function TrustKeysTable({ trust, onChanged }: { trust: TrustInfo; onChanged: (trust: TrustInfo) => void }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const [asking, setAsking] = useState<TrustedKeyInfo | null>(null);
  const { outcome, busy, run } = useTrustEdit();
  const notice = useRef<HTMLParagraphElement>(null);
  const roleWords = (key: TrustedKeyInfo) => key.roles.map((role) => t(`trust.roleNames.${role}`)).join(', ');

  // The removed key's row (and the button that had the focus) is gone: the focus goes to what was said.
  useEffect(() => {
    if (outcome?.kind === 'done') notice.current?.focus();
  }, [outcome]);

  const remove = (key: TrustedKeyInfo) => {
    setAsking(null);
    void run(async () => {
      onChanged(await removeTrustedKey(db, api, key));
      return t('trust.removed', { name: key.name });
    });
  };

  return (
    <>
      {trust.keys.length === 0 ? (
        <p>{t('trust.noKeys')}</p>
      ) : (
        <TableRegion label={t('trust.keysCaption')}>
          <table className="data-table">
            <caption>{t('trust.keysCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trust.colName')}</th>
                <th scope="col">{t('trust.colKeyid')}</th>
                <th scope="col">{t('trust.colRoles')}</th>
                <th scope="col">{t('trust.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {trust.keys.map((key) => (
                <tr key={key.keyid} data-keyid={key.keyid}>
                  <th scope="row">{key.name}</th>
                  <td className="mono" title={key.keyid}>
                    {key.keyid.slice(0, KEYID_SHOWN)}
                  </td>
                  <td>{roleWords(key)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={busy}
                      aria-label={`${t('trust.remove')}${t('trust.removeFor', { name: key.name })}`}
                      onClick={() => setAsking(key)}
                    >
                      {t('trust.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <TrustOutcomeNotice ref={notice} outcome={outcome} failedTitle={t('trust.removeFailed')} />
      {asking && (
        <ModalDialog title={t('trust.removeTitle')} intro={t('trust.removeIntro', { name: asking.name })} onClose={() => setAsking(null)} name="remove-trusted-key">
          <dl className="facts">
            <dt>{t('trust.colKeyid')}</dt>
            <dd className="mono path-text">{asking.keyid}</dd>
            <dt>{t('trust.colRoles')}</dt>
            <dd>{roleWords(asking)}</dd>
          </dl>
          <div className="settings-actions">
            <button type="button" className="button button--quiet" onClick={() => setAsking(null)}>
              {t('trust.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => remove(asking)}>
              {t('trust.remove')}
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
