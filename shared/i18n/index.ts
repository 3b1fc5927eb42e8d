/**
 * The language type and the domain's words, for the UI, the command line and the minutes alike.
 * Pure TypeScript: no i18next here, nothing of the renderer's or the main process's.
 */
export { LANGUAGES, DEFAULT_LANGUAGE, LOCALES, LANGUAGE_NAMES, isLanguage, type Language } from './language';
export { formatAmount, formatKrw } from './money';
export { COUNCIL_TIME_ZONE, formatIsoDate, formatDateTime, isoDateWithWeekday, isoDateRange } from './dates';
export {
  FLAG_NAMES,
  FLAG_TITLES,
  DOCUMENT_KIND_NAMES,
  ROLE_NAMES,
  TRUST_ROLE_NAMES,
  SUGGESTION_WORDS,
  VOTE_NAMES,
  OUTCOME_NAMES,
  VOTE_RESULT_NAMES,
  midSentence,
  type Words,
  type DocumentKind,
} from './words';
export { AGENDA_STATUS_NAMES, basisLine, minutesText, type MinutesText } from './minutes-words';
