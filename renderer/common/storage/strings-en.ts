/** English text of storage running out: the same keys as strings-ko.ts. */
import type { koStorageFull } from './strings-ko';

export const enStorageFull: typeof koStorageFull = {
  storageFull: {
    detail: 'Error code {{code}}: the storage space this app may use on this computer (the browser\'s storage quota) is full.',
    figures: '{{usage}} of {{quota}} is in use, {{available}} is left.',
    hint: 'Free disk space by removing other files, then try again.',
  },
};
