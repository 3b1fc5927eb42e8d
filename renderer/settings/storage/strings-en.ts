/** English text of Settings → storage: the same keys as strings-ko.ts. */
import type { koStorageSection } from './strings-ko';

export const enStorageSection: typeof koStorageSection = {
  storageSection: {
    title: 'Storage',
    loading: 'Checking the storage…',
    noEstimate: 'This browser does not say how much storage is left.',
    used: 'In use',
    available: 'Left',
    availableOf: '{{available}} (of {{quota}})',
    persistence: 'Persistent storage',
    persisted: 'On: the browser does not clear this app\'s data, even when the disk is short of space.',
    notPersisted: 'Off: the browser did not grant persistent storage.',
    persistenceUnknown: 'Checking…',
    persistenceUnsupported: 'This browser does not support persistent storage.',
    notPersistedHint: 'When the disk is short of space, the browser may clear this app\'s data (cases, evidence, votes and decisions). Make backups often.',
    quotaHint: 'Before a bundle is imported, you are told if the storage left is not enough. If the storage runs out part way, the import or bulk vote is rolled back whole: nothing is ever half written.',
    refresh: 'Check again',
  },
};
