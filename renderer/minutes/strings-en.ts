/** English text of the Minutes screen: the same keys as strings-ko.ts. */
import type { koMinutes } from './strings-ko';

export const enMinutes: typeof koMinutes = {
  minutes: {
    title: 'Minutes',
    intro: 'After a meeting, the minutes record attendance, quorum, votes and decisions.',
    loadFailed: 'The meeting could not be read.',
    ready: 'The minutes of meeting {{meetingId}} can be made: all {{count}} decisions went out in decision files.',
    notReady: 'The minutes of meeting {{meetingId}} cannot be made yet. They describe the signed decision files exactly, so first:',
    missing: {
      notClosed: 'Close the meeting ("Close meeting" on the Meeting screen).',
      noDecisions: 'The meeting has no decisions yet.',
      unexported: 'Export the {{count}} decisions not exported yet, on the Decisions screen.',
      queued: '{{count}} decision files waiting for the sync folder must be written into it.',
    },
    later1: 'Preview the minutes',
    later2: 'Export as PDF and DOCX, and the payment list (CSV, XLSX)',
    later3: "The minutes attestation signed with the secretary's key (minutes-<meeting>.dsse.json)",
  },
};
