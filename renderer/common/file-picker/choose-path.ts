/**
 * The one way the screens choose a file or folder: the native dialog in the desktop app, the
 * in-app file picker in browser mode (AppInfo.mode), where there is no native dialog and the
 * server lists folders for the page instead. Null when the user cancels.
 */
import type { BrowseKind } from '../../../shared/api';
import type { CouncilApi } from '../council-api';
import { openFilePicker } from './open-file-picker';

export async function choosePath(api: CouncilApi, kind: BrowseKind): Promise<string | null> {
  const { mode } = await api.getAppInfo();
  if (mode === 'browser') return openFilePicker((arg) => api.browseFolder(arg), kind);
  if (kind === 'bundle') return api.chooseBundleFile();
  if (kind === 'trust') return api.chooseTrustFile();
  return api.chooseFolder();
}
