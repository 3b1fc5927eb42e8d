/** What the app does at start-up, before it shows anything. */
import { describeError } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import { backfillCaseAssessments } from '../db/case-assessment-backfill';
import type { CouncilDb } from '../db/schema';
import { activeImports, rollBackInterruptedImports } from '../bundles';

/**
 * Start-up: first rolls back any import the app was closed or killed in the middle of (a bundle
 * left 'importing'), then assesses cases stored before the suggestions were kept, then reads the
 * council. Nothing is shown before all three are done.
 */
export async function bootCouncil(db: CouncilDb): Promise<void> {
  try {
    await rollBackInterruptedImports(db, activeImports());
    await backfillCaseAssessments(db);
  } catch (err) {
    useCouncilStore.setState({ status: 'failed', error: describeError(err) });
    return;
  }
  await useCouncilStore.getState().load(db);
}
