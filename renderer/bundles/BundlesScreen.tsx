/**
 * Bundles: open a bundle file (dialog or drag and drop) or one from the sync folder's inbox,
 * follow its import, read why it was refused, and see the bundles stored.
 */
import { useTranslation } from 'react-i18next';
import { BundleDropArea } from './BundleDropArea';
import { BundleOpenActions } from './BundleOpenActions';
import { BundleTable } from './BundleTable';
import { ImportOutcomeNotice } from './ImportOutcomeNotice';
import { ImportProgressPanel } from './ImportProgressPanel';
import { InboxPanel } from './InboxPanel';
import { ValidationReportPanel } from './ValidationReportPanel';
import { DemoCouncilLoader } from './DemoCouncilLoader';
import { ScreenFrame } from '../common/ScreenFrame';
import { useBundleOpener } from './use-bundle-opener';
import { useCouncilStore } from '../common/council-store';
import { useImportStore } from './import-store';
import './bundles.css';

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
