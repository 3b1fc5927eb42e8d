/**
 * The Decisions feature (its decisions are still to be built): what will be recorded and signed
 * here, and the audit log: its check (run at start-up by app/boot.ts), the header's notice when it
 * is broken, and its export.
 */
export { DecisionsScreen } from './DecisionsScreen';
export { AuditBrokenNotice } from './AuditBrokenNotice';
export { runAuditCheck, resetAuditStore, useAuditStore, type AuditStatus } from './audit-status';
export { koDecisions } from './strings-ko';
export { enDecisions } from './strings-en';
