/**
 * Other devices' decisions: the received decision files (the sync folder's inbox/ and "Open
 * decision file…"), as main verified them, shown read-only beside this device's decisions.
 */
export { InboxDecisionsPanel } from './InboxDecisionsPanel';
export {
  compareCase,
  compareReceived,
  fileStandings,
  highestReceived,
  receivedCaseIds,
  type CaseComparison,
  type ComparisonKind,
  type EntryStanding,
  type FileDecision,
} from './decision-conflicts';
export { koInboxDecisions } from './strings-ko';
export { enInboxDecisions } from './strings-en';
