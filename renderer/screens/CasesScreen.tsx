/** How many cases there are, and per bundle how their claimed losses fall into the policy tiers. */
import { useTranslation } from 'react-i18next';
import { ComingLater } from '../components/ComingLater';
import { ErrorNotice } from '../components/ErrorNotice';
import { ScreenFrame } from '../components/ScreenFrame';
import { useServices } from '../components/services';
import { TierCountTable } from '../components/TierCountTable';
import { claimedTierCounts } from '../domain/claimed-tier-counts';
import { formatCount } from '../format/numbers';
import { useAsyncValue } from '../hooks/use-async-value';
import { useCouncilStore } from '../store/council-store';
import { useUiStore } from '../store/ui-store';

export function CasesScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const bundles = useCouncilStore((s) => s.bundles);
  const caseCount = useCouncilStore((s) => s.caseCount);
  const revisedCount = useCouncilStore((s) => s.revisedCount);
  const language = useUiStore((s) => s.language);

  const perBundle = useAsyncValue(
    () =>
      Promise.all(
        bundles.map(async (b) => {
          const losses: number[] = [];
          await db.cases.where('bundleId').equals(b.bundleId).each((c) => void losses.push(c.claimedLoss));
          return { bundle: b, counts: claimedTierCounts(b.manifest.policy.tiers, losses) };
        }),
      ),
    [db, bundles],
  );

  return (
    <ScreenFrame screen="cases" title={t('cases.title')} intro={t('cases.intro')}>
      <p className="stat" data-testid="case-total">
        {t('cases.total', { count: formatCount(caseCount, language) })}
      </p>
      {revisedCount > 0 && (
        <p className="stat stat--secondary" data-testid="case-revised">
          {t('cases.revised', { count: formatCount(revisedCount, language) })}
        </p>
      )}
      {caseCount === 0 && <p className="card card--empty">{t('cases.empty')}</p>}
      {perBundle.state === 'failed' && <ErrorNotice title={t('app.loadFailed')} error={perBundle.error} />}
      {perBundle.state === 'done' &&
        perBundle.value.map(({ bundle, counts }) => (
          <TierCountTable key={bundle.bundleId} title={bundle.manifest.title} policyId={bundle.manifest.policy.id} counts={counts} language={language} />
        ))}
      {caseCount > 0 && <p className="screen__note">{t('cases.note')}</p>}
      <ComingLater items={[t('cases.later1'), t('cases.later2'), t('cases.later3')]} />
    </ScreenFrame>
  );
}
