/**
 * What the browser says of the app's storage (navigator.storage, the Storage API): how much the
 * app uses, the most it may use (its quota: a share of the disk), and so what is left. Electron
 * and Chromium give it; a page without the API (or a browser that will not say) gives null.
 */
export interface StorageFigures {
  /** Bytes the app's origin uses (IndexedDB with its Blobs, caches). */
  usage: number;
  /** Bytes the origin may use in all. */
  quota: number;
  /** quota - usage, never below 0. */
  available: number;
}

/** The page's StorageManager, or null where there is none (jsdom, an old browser, an insecure page). */
export function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** The browser's estimate; null when there is none, it fails, or it leaves out usage or quota. */
export async function readStorageFigures(storage: Pick<StorageManager, 'estimate'> | null = storageManager()): Promise<StorageFigures | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number' || !Number.isFinite(quota)) return null;
    return { usage, quota, available: Math.max(0, quota - usage) };
  } catch {
    return null;
  }
}
