/**
 * Opening a bundle file, by the file dialog (the in-app picker in browser mode) or by dropping it on the Bundles screen: checks that
 * it is one .cdbundle file with a path on disk, then starts the import. While an import runs,
 * another does not start. `problem` says, in the UI language, why the last attempt did not start.
 */
import { useState } from 'react';
import { describeError, type ErrorInfo } from '../common/council-api';
import { choosePath } from '../common/file-picker';
import { useServices } from '../common/services';
import { useImportStore } from './import-store';

export type OpenProblem =
  | { key: 'open.notBundle' | 'open.noPath'; name: string }
  | { key: 'open.oneAtATime' | 'open.busy' }
  | { key: 'open.chooseFailed'; error: ErrorInfo };

export interface BundleOpener {
  running: boolean;
  problem: OpenProblem | null;
  openWithDialog(): Promise<void>;
  openDropped(files: FileList | readonly File[]): void;
}

export const BUNDLE_EXTENSION = '.cdbundle';

export function useBundleOpener(): BundleOpener {
  const { db, api } = useServices();
  const running = useImportStore((s) => s.running);
  const [problem, setProblem] = useState<OpenProblem | null>(null);

  function start(path: string): void {
    setProblem(null);
    void useImportStore
      .getState()
      .start(db, api, path)
      .then((started) => {
        if (!started) setProblem({ key: 'open.busy' });
      });
  }

  async function openWithDialog(): Promise<void> {
    if (useImportStore.getState().running) return setProblem({ key: 'open.busy' });
    try {
      const path = await choosePath(api, 'bundle');
      if (path) start(path);
    } catch (err) {
      setProblem({ key: 'open.chooseFailed', error: describeError(err) });
    }
  }

  function openDropped(files: FileList | readonly File[]): void {
    const list = Array.from(files);
    const file = list[0];
    if (!file) return;
    if (list.length > 1) return setProblem({ key: 'open.oneAtATime' });
    if (!file.name.toLowerCase().endsWith(BUNDLE_EXTENSION)) return setProblem({ key: 'open.notBundle', name: file.name });
    if (useImportStore.getState().running) return setProblem({ key: 'open.busy' });
    const path = api.pathForFile(file);
    if (!path) return setProblem({ key: 'open.noPath', name: file.name });
    start(path);
  }

  return { running, problem, openWithDialog, openDropped };
}
