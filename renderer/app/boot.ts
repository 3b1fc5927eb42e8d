/** What the app does at start-up, before it shows anything. */
import { describeError, type CouncilApi } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import { backfillCaseAssessments } from '../db/case-assessment-backfill';
import type { CouncilDb } from '../db/schema';
import { activeImports, rollBackInterruptedImports } from '../bundles';

/**
 * Start-up: first rolls back any import the app was closed or killed in the middle of (a bundle
 * left 'importing'), then assesses cases stored before the suggestions were kept, then reads the
 * council, and the security settings from the main process. Nothing is shown before all are done.
 * Security settings that cannot be read do not stop the app: the screens that show them say so.
 */
export async function bootCouncil(db: CouncilDb, api: Pick<CouncilApi, 'getSecuritySettings'>): Promise<void> {
  const security = useCouncilStore.getState().loadSecurity(api);
  try {
    await rollBackInterruptedImports(db, activeImports());
    await backfillCaseAssessments(db);
  } catch (err) {
    useCouncilStore.setState({ status: 'failed', error: describeError(err) });
    await security;
    return;
  }
  await Promise.all([useCouncilStore.getState().load(db), security]);
}
