/** The Cases feature: every case in one list, with search, filters, sort and counts. */
export { CasesScreen } from './CasesScreen';
export { koCases } from './strings-ko';
export { enCases } from './strings-en';
// For other features that pick cases as the list does (the meeting's agenda): the index of the
// loaded summaries, its filters, and how a row's tier and flags are worded.
export { filterCases, caseIdsOf, NO_FILTERS, type CaseIndex, type CaseFilters } from './case-filter';
export { useCasesStore } from './cases-store';
export { flagLabel, flagTitle } from './case-row-text';
