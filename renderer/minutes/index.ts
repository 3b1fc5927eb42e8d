/** The Minutes feature: whether a meeting's minutes can be made (its exports are still to come, issue 13). */
export { MinutesScreen } from './MinutesScreen';
export { koMinutes } from './strings-ko';
export { enMinutes } from './strings-en';
