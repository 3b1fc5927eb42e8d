/**
 * Importing one of this device's keys from a PKCS#8 PEM file: in the desktop app main's own file
 * dialog chooses it (the page names no file); in browser mode the in-app file picker does and the
 * page passes its path. Null when the user cancels.
 */
import type { DeviceKeyRole, DeviceKeys } from '../../../shared/api';
import type { CouncilApi } from '../../common/council-api';
import { openFilePicker } from '../../common/file-picker';

export async function importDeviceKey(api: CouncilApi, role: DeviceKeyRole): Promise<DeviceKeys | null> {
  const { mode } = await api.getAppInfo();
  if (mode !== 'browser') return api.importDeviceKey({ role });
  const path = await openFilePicker((arg) => api.browseFolder(arg), 'key');
  return path === null ? null : api.importDeviceKey({ role, path });
}
