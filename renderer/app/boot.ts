/** What the app does at start-up, before it shows anything. */
import { describeError } from '../common/council-api';
import { useCouncilStore } from '../common/council-store';
import type { CouncilDb } from '../db/schema';
import { activeImports, rollBackInterruptedImports } from '../bundles';

/**
 * Start-up: first rolls back any import the app was closed or killed in the middle of (a bundle
 * left 'importing'), then reads the council. Nothing is shown before both are done. (Opening the
 * database upgrades the rows earlier versions stored: see db/schema.ts.)
 */
export async function bootCouncil(db: CouncilDb): Promise<void> {
  try {
    await rollBackInterruptedImports(db, activeImports());
  } catch (err) {
    useCouncilStore.setState({ status: 'failed', error: describeError(err) });
    return;
  }
  await useCouncilStore.getState().load(db);
}
