/** English text of the in-app file picker: the same keys as strings-ko.ts. */
import type { koFilePicker } from './strings-ko';

export const enFilePicker: typeof koFilePicker = {
  filePicker: {
    title: { bundle: 'Choose a bundle file', trust: 'Choose a trust file', folder: 'Choose a folder', key: 'Choose a private key file', decision: 'Choose a decision file', backup: 'Choose a backup file' },
    intro: {
      bundle: 'Folders and bundle files (.cdbundle) are shown.',
      trust: 'Folders and trust files (.json) are shown.',
      folder: 'Go into the folder you want, then press "Choose this folder".',
      key: 'Folders and key files (.pem) are shown.',
      decision: 'Folders and decision files (.dsse.json) are shown.',
      backup: 'Folders and backup files (.cdbackup) are shown.',
    },
    location: 'Location',
    go: 'Go',
    up: 'Up one folder',
    listLabel: 'Contents of {{path}}',
    folderBadge: 'Folder',
    empty: 'There is nothing to show in this folder.',
    truncated: 'This folder holds many entries; the first {{count}} are shown. Type a path in Location to go straight to it.',
    loading: 'Reading the folder…',
    readFailed: 'The folder could not be read.',
    keys: '↑↓ to move, Enter to open, Backspace for the folder above, Esc to cancel.',
    choose: 'Choose',
    chooseFolder: 'Choose this folder',
    cancel: 'Cancel',
  },
};
