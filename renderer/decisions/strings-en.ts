/** English text of the Decisions screen: the same keys as strings-ko.ts. */
import type { koDecisions } from './strings-ko';
import { enDecisionExport } from './export/strings-en';

export const enDecisions: typeof koDecisions = {
  ...enDecisionExport,
  decisions: {
    title: 'Decisions',
    intro: "The decisions the meetings recorded, exported to the sync folder as decision files signed with the chair's key.",
    recorded: 'Decisions recorded: {{count}}',
  },
  audit: {
    title: 'Audit log',
    hint: 'Every change is kept as an audit entry that carries the hash of the entry before it. An entry altered, removed or moved shows here.',
    unchecked: 'The audit log has not been checked yet.',
    checking: 'Checking the audit log…',
    intact: 'Audit log intact, {{count}} entries',
    broken: 'Audit log broken at entry {{sequence}} ({{count}} entries in all)',
    checkFailed: 'The audit log could not be checked.',
    what: {
      hash: "Entry {{sequence}}'s content does not match its stored hash: the entry or its hash was changed.",
      link: "Entry {{sequence}} names a previous hash that is not entry {{previous}}'s hash.",
      linkFirst: "Entry {{sequence}} is the first, yet it names a previous entry's hash.",
      gap: 'Entry {{sequence}} is missing (removed); the next entry is {{next}}.',
      gapMany: 'Entries {{sequence}} to {{last}} are missing (removed).',
      order: 'Entry {{sequence}} holds the entry that belongs after entry {{follows}}: entries were moved.',
      sequenceOrder: 'Entry {{sequence}} comes after entry {{previous}}: entries were moved.',
      malformed: 'Entry {{sequence}} is not in the form of an audit entry ({{path}}).',
    },
    stored: 'Stored hash',
    recomputed: 'Recomputed hash',
    prevHash: 'Previous hash this entry names',
    expected: "Entry {{previous}}'s hash",
    noHash: 'none',
    checkAgain: 'Check again',
    export: 'Export audit log',
    exportHint: 'Writes audit-<date>.ndjson into the sync folder. An auditor can check the log with nothing but this file.',
    exporting: 'Exporting the audit log…',
    exported: 'Exported {{count}} audit entries: {{path}}',
    exportedBefore: 'The same audit log was exported already: {{path}}',
    exportFailed: 'The audit log could not be exported.',
    errors: {
      SYNC_FOLDER_MISSING: 'The sync folder cannot be found. Is the drive connected?',
      AUDIT_CHAIN_BROKEN: 'The audit log is broken, so it was not exported.',
      AUDIT_LOG_INVALID: 'An entry of the audit log is not in the right form, so it was not exported.',
      AUDIT_LOG_EMPTY: 'The audit log has no entries yet: there is nothing to export.',
      AUDIT_EXPORT_NAMES_TAKEN: 'Too many other files in the sync folder have this name, so nothing was exported.',
      AUDIT_EXPORT_FAILED: 'The file could not be written into the sync folder.',
    },
    headerBroken: 'Audit log broken at entry {{sequence}}',
    headerBrokenTitle: 'See the details on the Decisions screen',
  },
};
