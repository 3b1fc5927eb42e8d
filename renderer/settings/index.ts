/** The Settings feature: language, the council's members and their declared conflicts, security (signed bundles, trust file), this device's signing keys, sync folder, storage, backup and restore, app information. */
export { SettingsScreen } from './SettingsScreen';
export { koSettings } from './strings-ko';
export { enSettings } from './strings-en';
export { chooseSyncFolder } from './security-preferences';
export { AutomaticBackupLine, backUpAutomatically, RestoreDialog } from './backup';
