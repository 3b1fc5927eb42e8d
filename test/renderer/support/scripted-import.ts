/**
 * The main process's side of an import, scripted: importBegin (or importDemoBegin) answers `begin`, each importNext
 * the next chunk (a test may hold one back until it says so), importCancel ends the session.
 */
import type { ImportBeginResult, ImportChunk } from '../../../shared/bundle-import';
import { fail, ok } from '../../../shared/result';
import type { BundleFixture } from './bundle-fixture';
import type { FakeBridge } from './fake-bridge';

export const IMPORT_ID = '3f2b9c1e-7a4d-4e8f-9b0a-1c2d3e4f5a6b';

export interface ImportScript {
  begin: ImportBeginResult;
  chunks: ImportChunk[];
}

export function scriptFromFixture(fixture: BundleFixture, chunks: ImportChunk[] = fixture.chunks): ImportScript {
  return { begin: { started: true, importId: IMPORT_ID, summary: fixture.summary }, chunks };
}

export function scriptImport(bridge: FakeBridge, script: ImportScript) {
  let next = 0;
  let open = false;
  const held = new Map<number, { promise: Promise<void>; release: () => void }>();
  const state = {
    /** How many chunks were handed over. */
    get served() {
      return next;
    },
    get open() {
      return open;
    },
    /** Holds back chunk `index` (0-based) until the returned function is called. */
    hold(index: number): () => void {
      let release = () => undefined as void;
      const promise = new Promise<void>((resolve) => (release = resolve));
      held.set(index, { promise, release });
      return release;
    },
  };
  const begin = async () => {
    next = 0;
    open = script.begin.started;
    return ok(script.begin);
  };
  bridge.importBegin.mockImplementation(begin);
  bridge.importDemoBegin.mockImplementation(begin);
  bridge.importNext.mockImplementation(async ({ importId }) => {
    const index = next;
    await held.get(index)?.promise;
    if (!open || importId !== IMPORT_ID) return fail('IMPORT_UNKNOWN', 'This import has ended or was cancelled. Start it again.');
    const chunk = script.chunks[index];
    if (!chunk) return fail('IMPORT_UNKNOWN', 'No more chunks.');
    next += 1;
    if (chunk.kind !== 'data') open = false;
    return ok(chunk);
  });
  bridge.importCancel.mockImplementation(async () => {
    open = false;
    return ok(undefined);
  });
  return state;
}
