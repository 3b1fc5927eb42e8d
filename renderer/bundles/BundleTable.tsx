/** The stored bundles: id, title, cases, evidence, policy, signature in words, when, status. */
import { useTranslation } from 'react-i18next';
import type { BundleRow } from '../db/rows';
import { formatDateTime } from '../../shared/i18n';
import { formatCount } from '../common/format/numbers';
import { useUiStore } from '../common/ui-store';
import { signatureWords } from '../common/signature-words';
import { TableRegion } from '../common/TableRegion';

export function BundleTable({ bundles }: { bundles: readonly BundleRow[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <TableRegion label={t('bundles.tableCaption')}>
      <table className="data-table">
        <caption>{t('bundles.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bundles.colBundleId')}</th>
            <th scope="col">{t('bundles.colTitle')}</th>
            <th scope="col" className="num">
              {t('bundles.colCases')}
            </th>
            <th scope="col" className="num">
              {t('bundles.colEvidence')}
            </th>
            <th scope="col">{t('bundles.colPolicy')}</th>
            <th scope="col">{t('bundles.colSignature')}</th>
            <th scope="col">{t('bundles.colImportedAt')}</th>
            <th scope="col">{t('bundles.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {bundles.map((b) => (
            <tr key={b.bundleId} data-bundle-id={b.bundleId}>
              <th scope="row" className="mono">
                {b.bundleId}
              </th>
              <td>{b.manifest.title}</td>
              <td className="num">{formatCount(b.counts.cases, language)}</td>
              <td className="num">{formatCount(b.counts.documents, language)}</td>
              <td className="mono">{b.manifest.policy.id}</td>
              <td>
                <span className={`badge badge--${b.signature.state}`}>{signatureWords(t, b.signature)}</span>
              </td>
              <td>{formatDateTime(b.importedAt, language)}</td>
              <td>
                <span className={b.status === 'ready' ? 'badge badge--trusted' : 'badge badge--muted'}>{t(`bundles.status.${b.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
