/**
 * "Open decision file…": main's file dialog in the desktop app (openDecisionFile without a path),
 * the in-app file picker in browser mode (the path it picked). Either way main verifies the file;
 * null when the user cancels.
 */
import type { ReceivedDecisionFile } from '../../../shared/api';
import type { CouncilApi } from '../../common/council-api';
import { openFilePicker } from '../../common/file-picker';

export async function openDecisionFile(api: CouncilApi): Promise<ReceivedDecisionFile | null> {
  const { mode } = await api.getAppInfo();
  if (mode !== 'browser') return api.openDecisionFile({});
  const path = await openFilePicker((arg) => api.browseFolder(arg), 'decision');
  return path === null ? null : api.openDecisionFile({ path });
}

/** A file as the list shows it: whether it is in the inbox or was opened from elsewhere. */
export interface ShownFile {
  file: ReceivedDecisionFile;
  inInbox: boolean;
}

/** The inbox's files, then those opened by hand that are not among them; a file opened again replaces its earlier reading. */
export function mergeReceived(listed: readonly ReceivedDecisionFile[], opened: readonly ReceivedDecisionFile[]): ShownFile[] {
  const openedByPath = new Map(opened.map((file) => [file.path, file]));
  const listedPaths = new Set(listed.map((file) => file.path));
  return [
    ...listed.map((file) => ({ file: openedByPath.get(file.path) ?? file, inInbox: true })),
    ...opened.filter((file) => !listedPaths.has(file.path)).map((file) => ({ file, inInbox: false })),
  ];
}

/** `opened` with `file` in it: in place of an earlier reading of the same path, else last. */
export function withOpened(opened: readonly ReceivedDecisionFile[], file: ReceivedDecisionFile): ReceivedDecisionFile[] {
  return opened.some((f) => f.path === file.path) ? opened.map((f) => (f.path === file.path ? file : f)) : [...opened, file];
}
