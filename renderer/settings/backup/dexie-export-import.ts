/**
 * dexie-export-import, loaded when a backup or a restore first needs it: it touches `self` as it
 * loads, and it is not needed to start the app, so it stays out of the start-up bundle and out of
 * every module that only names the backup's words or stores.
 */
let loading: Promise<typeof import('dexie-export-import')> | null = null;

export function dexieExportImport(): Promise<typeof import('dexie-export-import')> {
  loading ??= import('dexie-export-import');
  return loading;
}
