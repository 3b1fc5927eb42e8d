/** The browser's storage for the app: its figures, whether it is persistent, and storage running out (STORAGE_FULL). */
export { readStorageFigures, storageManager, type StorageFigures } from './storage-figures';
export { refreshPersistence, requestPersistentStorage, resetPersistenceStore, usePersistenceStore, type Persistence } from './persistence-store';
export { isQuotaExceeded, STORAGE_FULL, STORAGE_FULL_MESSAGE } from './storage-full';
export { describeErrorWithStorage, errorWords, storageFullWords, type ShownError } from './storage-error';
export { koStorageFull } from './strings-ko';
export { enStorageFull } from './strings-en';
