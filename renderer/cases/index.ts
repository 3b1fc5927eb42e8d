/** The Cases feature: every case in one list, with search, filters, sort and counts. */
export { CasesScreen } from './CasesScreen';
export { koCases } from './strings-ko';
export { enCases } from './strings-en';
