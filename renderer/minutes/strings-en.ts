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
    export: {
      title: 'Make the minutes',
      languages: 'Languages',
      language: { ko: '한국어 (PDF, DOCX)', en: 'English (PDF, DOCX)' },
      chooseFolder: "Write them into a folder I choose too, besides the sync folder's minutes",
      make: 'Make the minutes',
      hint: "Makes the minutes (PDF, DOCX) and the payment list (CSV, XLSX), writes them into the sync folder's minutes, with the minutes attestation signed with the secretary's key. A confirmation comes before signing.",
      noLanguage: 'Tick at least one language.',
      busy: 'Making the minutes… printing the PDF takes a few seconds.',
      cancelled: 'No folder was chosen, so nothing was made.',
      done: 'Wrote {{count}} minutes files and the minutes attestation {{fileName}}:',
      existed: 'The minutes attestation {{fileName}} with the same content is there already; nothing new was signed:',
      failed: 'The minutes could not be made.',
    },
    later1: 'Preview the minutes',
    later2: 'Progress step by step while they are made',
  },
};
