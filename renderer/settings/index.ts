/** The Settings feature: language, security (signed bundles, trust file), sync folder, app information. */
export { SettingsScreen } from './SettingsScreen';
export { koSettings } from './strings-ko';
export { enSettings } from './strings-en';
export { chooseSyncFolder } from './security-preferences';
