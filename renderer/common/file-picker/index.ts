/** The in-app file picker of browser mode, and the helper every choose button goes through. */
export { choosePath } from './choose-path';
export { FilePicker, type FilePickerProps } from './FilePicker';
export { openFilePicker, resetFilePicker } from './open-file-picker';
export { koFilePicker } from './strings-ko';
export { enFilePicker } from './strings-en';
