/**
 * Whether the app's storage is persistent: asked once at start-up with navigator.storage.persist()
 * (Electron grants it, electron/main.ts; a browser decides for itself), the answer kept here for
 * Settings to show, and read again (persisted()) when Settings is shown. Persistent storage is
 * never cleared by the browser to make room; "best effort" storage may be, on a full disk.
 */
import { create } from 'zustand';
import { storageManager } from './storage-figures';

/** 'unknown' before the answer; 'unsupported' when the page has no persist() to ask. */
export type Persistence = 'unknown' | 'persisted' | 'not-persisted' | 'unsupported';

type PersistApi = Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

interface PersistenceState {
  persistence: Persistence;
}

export const usePersistenceStore = create<PersistenceState>()(() => ({ persistence: 'unknown' }));

let asked: Promise<Persistence> | null = null;

function keep(persistence: Persistence): Persistence {
  usePersistenceStore.setState({ persistence });
  return persistence;
}

/** Asks for persistent storage, once per page however often it is called; the answer is kept. */
export function requestPersistentStorage(storage: PersistApi | null = storageManager()): Promise<Persistence> {
  asked ??= (async () => {
    if (!storage || typeof storage.persist !== 'function') return keep('unsupported');
    try {
      return keep((await storage.persist()) ? 'persisted' : 'not-persisted');
    } catch {
      // A refusal that throws (a page the browser will not let ask) is a "no".
      return keep('not-persisted');
    }
  })();
  return asked;
}

/** Reads again whether storage is persistent (the browser may have granted it since), without asking. */
export async function refreshPersistence(storage: PersistApi | null = storageManager()): Promise<Persistence> {
  if (!storage || typeof storage.persisted !== 'function') return usePersistenceStore.getState().persistence;
  try {
    return keep((await storage.persisted()) ? 'persisted' : 'not-persisted');
  } catch {
    return usePersistenceStore.getState().persistence;
  }
}

/** For tests: forget the answer, so the next start-up asks again. */
export function resetPersistenceStore(): void {
  asked = null;
  usePersistenceStore.setState({ persistence: 'unknown' });
}
