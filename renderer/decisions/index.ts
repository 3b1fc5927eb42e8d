/**
 * The Decisions feature: each meeting's decisions and their signed decision files (export/: the
 * payload built, handed to the notary, recorded; the outbox while the sync folder is gone), and the
 * audit log: its check (run at start-up by app/boot.ts) and its check against main's witness, the
 * header's notice when it is broken or rewritten, and its export.
 */
export { DecisionsScreen } from './DecisionsScreen';
export { AuditBrokenNotice } from './AuditBrokenNotice';
export { refreshAuditCheck, runAuditCheck, resetAuditStore, useAuditStore, type AuditStatus } from './audit-status';
export { runWitnessCheck } from './witness-status';
export { MeetingPicker } from './MeetingPicker';
export { readDecisionList } from './export/decision-list';
export { koDecisions } from './strings-ko';
export { enDecisions } from './strings-en';
