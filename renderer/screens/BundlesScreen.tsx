/** The imported bundles, from Dexie: id, title, cases, signature in words, policy, when imported. */
import { useTranslation } from 'react-i18next';
import { ComingLater } from '../components/ComingLater';
import { DemoCouncilLoader } from '../components/DemoCouncilLoader';
import { ScreenFrame } from '../components/ScreenFrame';
import { signatureWords } from '../components/signature-words';
import { formatDateTime } from '../format/dates';
import { formatCount } from '../format/numbers';
import { useCouncilStore } from '../store/council-store';
import { useUiStore } from '../store/ui-store';

export function BundlesScreen() {
  const { t } = useTranslation();
  const bundles = useCouncilStore((s) => s.bundles);
  const language = useUiStore((s) => s.language);

  return (
    <ScreenFrame screen="bundles" title={t('bundles.title')} intro={t('bundles.intro')}>
      {bundles.length === 0 ? (
        <div className="card card--empty">
          <p>{t('bundles.empty')}</p>
          <DemoCouncilLoader />
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('bundles.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bundles.colBundleId')}</th>
                <th scope="col">{t('bundles.colTitle')}</th>
                <th scope="col" className="num">
                  {t('bundles.colCases')}
                </th>
                <th scope="col">{t('bundles.colSignature')}</th>
                <th scope="col">{t('bundles.colPolicy')}</th>
                <th scope="col">{t('bundles.colImportedAt')}</th>
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
                  <td>
                    <span className={`badge badge--${b.signature.state}`}>{signatureWords(t, b.signature)}</span>
                  </td>
                  <td className="mono">{b.manifest.policy.id}</td>
                  <td>{formatDateTime(b.importedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ComingLater items={[t('bundles.later1'), t('bundles.later2'), t('bundles.later3')]} />
    </ScreenFrame>
  );
}
