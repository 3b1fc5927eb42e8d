/**
 * Binds every call of the contract (shared/api.ts) to ipcMain on a `council:` channel.
 * A call from anything but the app's own main frame is refused; arguments are validated by
 * dispatchApiCall with the contract's schemas; replies are always Results.
 * Channels outside the contract have no handler, so Electron refuses them.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL_PREFIX, API_METHODS, type ApiHandlers } from '../shared/api';
import { fail } from '../shared/result';
import { dispatchApiCall } from './services/api-dispatch';
import { isAppMainFrameUrl } from './services/content-security';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame !== event.sender.mainFrame) return false;
  return isAppMainFrameUrl(frame.url);
}

export function bindApi(ipcMain: Pick<IpcMain, 'handle'>, handlers: ApiHandlers): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`${API_CHANNEL_PREFIX}${method}`, async (event, arg: unknown) => {
      if (!isTrustedSender(event)) {
        return fail('FORBIDDEN', 'This call did not come from the Council Desk window and was refused.');
      }
      return dispatchApiCall(handlers, method, arg);
    });
  }
}
