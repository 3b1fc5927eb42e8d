/** English text of the Minutes screen: the same keys as strings-ko.ts. */
import type { koMinutes } from './strings-ko';

export const enMinutes: typeof koMinutes = {
  minutes: {
    title: 'Minutes',
    intro: 'After a meeting, the minutes record attendance, quorum, votes and decisions.',
    meetings: 'Meetings recorded: {{count}}',
    later1: 'Preview the minutes',
    later2: 'Export as PDF, DOCX and CSV',
    later3: "Print the hash of the audit log's last entry in the minutes",
  },
};
