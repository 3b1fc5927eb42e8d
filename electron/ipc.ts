/**
 * Binds every call of the contract (shared/api.ts) to ipcMain on a `council:` channel.
 * A call from anything but the app's own main frame is refused; arguments are validated by
 * dispatchApiCall with the contract's schemas; replies are always Results.
 * Channels outside the contract have no handler, so Electron refuses them.
 * A refusal (foreign sender, bad argument) is logged with the channel and the sender's URL, so a
 * page that probes the API shows up in the log instead of failing silently.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL_PREFIX, API_METHODS, type ApiHandlers } from '../shared/api';
import { fail } from '../shared/result';
import { dispatchApiCall } from './services/api-dispatch';
import { isAppMainFrameUrl } from './services/content-security';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame !== event.sender.mainFrame) return false;
  return isAppMainFrameUrl(frame.url);
}

/** Who sent a call, for the log: the frame's URL, and whether it is a sub-frame. */
function senderOf(event: SenderEvent): string {
  const frame = event.senderFrame;
  if (!frame) return 'an unknown frame';
  const url = JSON.stringify(frame.url);
  if (frame.parent !== null) return `a sub-frame at ${url}`;
  if (frame !== event.sender.mainFrame) return `a frame that is not the main frame, at ${url}`;
  return url;
}

export function bindApi(ipcMain: Pick<IpcMain, 'handle'>, handlers: ApiHandlers): void {
  for (const method of API_METHODS) {
    const channel = `${API_CHANNEL_PREFIX}${method}`;
    ipcMain.handle(channel, async (event, arg: unknown) => {
      if (!isTrustedSender(event)) {
        console.error(`council-desk: refused a call on channel "${channel}" from ${senderOf(event)}: not the Council Desk window.`);
        return fail('FORBIDDEN', 'This call did not come from the Council Desk window and was refused.');
      }
      const reply = await dispatchApiCall(handlers, method, arg);
      if (!reply.ok && reply.error.code === 'BAD_ARGUMENT') {
        console.warn(`council-desk: refused a call on channel "${channel}" from ${senderOf(event)}: ${reply.error.message}`);
      }
      return reply;
    });
  }
}
