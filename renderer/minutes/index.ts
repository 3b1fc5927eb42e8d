/** The Minutes feature (placeholder until the minutes are built): what the minutes will hold. */
export { MinutesScreen } from './MinutesScreen';
export { koMinutes } from './strings-ko';
export { enMinutes } from './strings-en';
