/**
 * The witness's calls of shared/api.ts (composed into the handler map by api-handlers.ts): one
 * witness file for the app, in the user-data folder, kept open across calls only as its last
 * witnessed entry (witness-file.ts). api-handlers.ts gives the same one to the backup's restore,
 * the only other thing that writes it (restoreFinish).
 */
import type { ApiHandlers } from '../../../shared/api';
import type { FeatureContext } from '../feature-context';
import { WitnessFile, witnessFilePath } from './witness-file';

export type WitnessHandlers = Pick<ApiHandlers, 'witnessAudit' | 'getWitness'>;

export function createWitnessHandlers(ctx: Pick<FeatureContext, 'paths'>, opts: { now?: () => Date; file?: WitnessFile } = {}): WitnessHandlers {
  const file = opts.file ?? new WitnessFile(witnessFilePath(ctx.paths.userDataDir), opts.now);
  return {
    witnessAudit: ({ entries }) => file.witness(entries),
    getWitness: () => file.read(),
  };
}
