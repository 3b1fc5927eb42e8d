/** The Decisions feature (placeholder until the decisions are built): what will be recorded and signed here. */
export { DecisionsScreen } from './DecisionsScreen';
export { koDecisions } from './strings-ko';
export { enDecisions } from './strings-en';
