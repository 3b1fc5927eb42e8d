/** The assessment engine: the 1015 method, tier suggestion, engine flags and reasons in words. */
export { assessCase, findTier, type AssessableCase } from './engine';
export { reasonText, reasonsText, documentKindWord } from './reasons';
export { dayNumber, isoFromDayNumber, weekdayOf, weekdayName, WEEKDAYS, type Weekday } from './days';
export * from './types';
