/**
 * The Cases screen: every case in a virtualized list with search, filters, sort and counts; a case
 * opens for review. The list (and what the user chose) lives in the cases store, loaded once and
 * again whenever the council's bundles change. While the list shows, pdf.js is loaded when the
 * browser is idle, so the PDF of the first case opened shows without waiting for it.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseCounts } from './CaseCounts';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseList } from './CaseList';
import { preloadPdfJsWhenIdle } from '../review';
import { ErrorNotice } from '../common/ErrorNotice';
import { ScreenFrame } from '../common/ScreenFrame';
import { useServices } from '../common/services';
import { formatCount } from '../common/format/numbers';
import { useCasesStore } from './cases-store';
import { useMeetingStatesStore } from './meeting-states-store';
import { useCouncilStore } from '../common/council-store';
import { useUiStore } from '../common/ui-store';
import './cases.css';

export function CasesScreen() {
  const { t } = useTranslation();
  const { db } = useServices();
  const bundles = useCouncilStore((s) => s.bundles);
  const revisedCount = useCouncilStore((s) => s.revisedCount);
  const language = useUiStore((s) => s.language);
  const status = useCasesStore((s) => s.status);
  useEffect(() => preloadPdfJsWhenIdle(), []);
  const error = useCasesStore((s) => s.error);
  const total = useCasesStore((s) => s.index?.rows.length ?? 0);
  const shown = useCasesStore((s) => s.visible.length);
  const clearFilters = useCasesStore((s) => s.clearFilters);

  useEffect(() => {
    void useCasesStore.getState().ensureLoaded(db, bundles);
  }, [db, bundles]);
  useEffect(() => {
    void useMeetingStatesStore.getState().refresh(db);
  }, [db]);

  const ready = status === 'ready';
  return (
    <ScreenFrame screen="cases" title={t('cases.title')} intro={t('cases.intro')}>
      {(status === 'loading' || status === 'idle') && <p role="status">{t('cases.loading')}</p>}
      {status === 'failed' && error && <ErrorNotice title={t('cases.loadFailed')} error={error} />}
      {ready && (
        <div className="case-stats">
          <p className="stat" data-testid="case-total">
            {t('cases.total', { count: formatCount(total, language) })}
          </p>
          {revisedCount > 0 && (
            <p className="stat stat--secondary" data-testid="case-revised">
              {t('cases.revised', { count: formatCount(revisedCount, language) })}
            </p>
          )}
          {total > 0 && (
            <p className="stat stat--secondary" data-testid="case-shown" aria-live="polite">
              {t('cases.shown', { count: formatCount(shown, language) })}
            </p>
          )}
        </div>
      )}
      {ready && total === 0 && (
        <p className="card card--empty" data-testid="cases-empty">
          {t('cases.empty')}
        </p>
      )}
      {ready && total > 0 && (
        <>
          <CaseFilterBar bundles={bundles} />
          <CaseCounts />
          {shown === 0 ? (
            <div className="card card--empty" data-testid="cases-no-matches">
              <p>{t('cases.noMatches')}</p>
              <button type="button" className="button button--primary" onClick={clearFilters}>
                {t('cases.clearFilters')}
              </button>
            </div>
          ) : (
            <CaseList />
          )}
        </>
      )}
    </ScreenFrame>
  );
}
