/** The sync folder's subfolders (FORMATS.md, "Sync folder"): one home for their names. */
export const SYNC_SUBFOLDERS = {
  /** Bundles and other devices' decision files to read. */
  inbox: 'inbox',
  /** Decision files this device wrote. */
  outbox: 'outbox',
  /** `<keyid>.pub.pem` of each key that signed a file here (a hint, never trust). */
  keys: 'keys',
  minutes: 'minutes',
  backup: 'backup',
} as const;
