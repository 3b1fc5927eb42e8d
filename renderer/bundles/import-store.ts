/**
 * The import running in this window, if any: its progress and, when it ends, its outcome. It lives
 * outside the Bundles screen so an import goes on (and stays visible) while the user looks
 * elsewhere; only one runs at a time. When the bundle will not fit in the storage left, the
 * question whether to go on waits here (spaceQuestion) until answered (ImportSpaceQuestion.tsx).
 */
import { create } from 'zustand';
import { describeError, type CouncilApi } from '../common/council-api';
import type { CouncilDb } from '../db/schema';
import { importBundle } from './import/import-bundle';
import { fileNameOf, type ImportOutcome, type ImportProgressEvent } from './import/import-outcome';
import type { SpaceShortfall } from './import/space-check';
import { useCouncilStore } from '../common/council-store';

interface ImportState {
  running: boolean;
  cancelling: boolean;
  /** The file being imported (or last imported). */
  fileName: string | null;
  /** null until the main process has read the bundle's manifest. */
  progress: ImportProgressEvent | null;
  /** When `progress` came, on the clock of performance.now() (the time left counts down from it). */
  progressAt: number | null;
  outcome: ImportOutcome | null;
  controller: AbortController | null;
  /** The bundle will not fit in the storage left: go on or cancel? (null: no question). */
  spaceQuestion: SpaceShortfall | null;
  /** The answer: true imports anyway, false cancels the import before anything is written. */
  answerSpace(goOn: boolean): void;
  /** Imports the bundle file at `path` (checked as the main process's security settings say); false if one is running. */
  start(db: CouncilDb, api: CouncilApi, path: string): Promise<boolean>;
  cancel(): void;
  dismiss(): void;
}

const initial = { running: false, cancelling: false, fileName: null, progress: null, progressAt: null, outcome: null, controller: null, spaceQuestion: null };

/** Resolves the space question's promise: set while one waits. */
let answer: ((goOn: boolean) => void) | null = null;

export const useImportStore = create<ImportState>()((set, get) => ({
  ...initial,
  start: async (db, api, path) => {
    if (get().running) return false;
    const controller = new AbortController();
    set({ running: true, cancelling: false, fileName: fileNameOf(path), progress: null, progressAt: null, outcome: null, controller });
    const fileName = fileNameOf(path);
    let outcome: ImportOutcome;
    try {
      const confirmLowSpace = (shortfall: SpaceShortfall) =>
        new Promise<boolean>((resolve) => {
          answer = (goOn) => {
            answer = null;
            set({ spaceQuestion: null });
            resolve(goOn);
          };
          set({ spaceQuestion: shortfall });
        });
      outcome = await importBundle(db, api, { path }, { signal: controller.signal, onProgress: (progress) => set({ progress, progressAt: performance.now() }), confirmLowSpace });
    } catch (err) {
      outcome = { kind: 'refused', fileName, bundleId: null, ...describeError(err), caseIds: [] };
    }
    await useCouncilStore.getState().load(db);
    set({ running: false, cancelling: false, controller: null, outcome });
    return true;
  },
  cancel: () => {
    const { controller, running } = get();
    if (!running || !controller) return;
    set({ cancelling: true });
    controller.abort();
    answer?.(false);
  },
  answerSpace: (goOn) => answer?.(goOn),
  dismiss: () => set({ outcome: null }),
}));

export function resetImportStore(): void {
  useImportStore.getState().controller?.abort();
  answer?.(false);
  useImportStore.setState(initial);
}
