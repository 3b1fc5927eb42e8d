/**
 * Bundles: open a bundle file (dialog or drag and drop) or one from the sync folder's inbox,
 * follow its import, read why it was refused, and see the bundles stored.
 */
import { useTranslation } from 'react-i18next';
import { BundleDropArea } from '../components/bundles/BundleDropArea';
import { BundleOpenActions } from '../components/bundles/BundleOpenActions';
import { BundleTable } from '../components/bundles/BundleTable';
import { ImportOutcomeNotice } from '../components/bundles/ImportOutcomeNotice';
import { ImportProgressPanel } from '../components/bundles/ImportProgressPanel';
import { InboxPanel } from '../components/bundles/InboxPanel';
import { ValidationReportPanel } from '../components/bundles/ValidationReportPanel';
import { DemoCouncilLoader } from '../components/DemoCouncilLoader';
import { ScreenFrame } from '../components/ScreenFrame';
import { useBundleOpener } from '../hooks/use-bundle-opener';
import { useCouncilStore } from '../store/council-store';
import { useImportStore } from '../store/import-store';
import '../styles/bundles.css';

function ImportActivity() {
  const running = useImportStore((s) => s.running);
  const outcome = useImportStore((s) => s.outcome);
  if (running) return <ImportProgressPanel />;
  if (!outcome) return null;
  return outcome.kind === 'invalid' ? <ValidationReportPanel report={outcome.report} fileName={outcome.fileName} /> : <ImportOutcomeNotice outcome={outcome} />;
}

export function BundlesScreen() {
  const { t } = useTranslation();
  const bundles = useCouncilStore((s) => s.bundles);
  const opener = useBundleOpener();

  return (
    <ScreenFrame screen="bundles" title={t('bundles.title')} intro={t('bundles.intro')}>
      <BundleDropArea onDropFiles={opener.openDropped}>
        <BundleOpenActions opener={opener} />
        <ImportActivity />
        {bundles.length === 0 ? (
          <div className="card card--empty">
            <p>{t('bundles.empty')}</p>
            <DemoCouncilLoader />
          </div>
        ) : (
          <BundleTable bundles={bundles} />
        )}
        <InboxPanel />
      </BundleDropArea>
    </ScreenFrame>
  );
}
