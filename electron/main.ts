/**
 * Window and app lifecycle only. Everything the app does lives in electron/services/ (plain Node)
 * and reaches the renderer through electron/ipc.ts.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, type WebContents } from 'electron';
import path from 'node:path';
import { bindApi } from './ipc';
import { createApiHandlers } from './services/api-handlers';
import { appPathsFrom } from './services/app-paths';
import { safeStorageSecrets } from './services/keystore/secret-port';
import type { DialogPort, OpenFileKind } from './services/dialog-port';
import type { WindowPort } from './services/window-port';
import type { PrintPort } from './services/minutes/print-port';
import { windowPrint } from './services/minutes/window-print';
import { PROJECTOR_HASH_PREFIX } from '../shared/api';
import { APP_ENTRY_URL, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppMainFrameUrl, isPermissionGranted } from './services/content-security';
import { readStaticFile } from './services/static-files';
import { FIXED_REPORTED_QUOTA_FEATURE } from './services/storage-quota';

// The real storage quota for the page, not Chromium's fixed one (services/storage-quota.ts).
app.commandLine.appendSwitch('disable-features', FIXED_REPORTED_QUOTA_FEATURE);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  preload: path.join(__dirname, 'preload.cjs'),
} as const;

/** No navigation away from the app, no new windows, no webviews. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppMainFrameUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppMainFrameUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Council Desk',
    show: false,
    webPreferences: { ...WEB_PREFERENCES },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** The projector view: full screen on a display other than the main window's, or a window on the same one. */
function electronWindows(): WindowPort {
  let projector: BrowserWindow | null = null;
  return {
    openProjector: async (meetingId) => {
      const url = `${APP_ENTRY_URL}${PROJECTOR_HASH_PREFIX}${encodeURIComponent(meetingId)}`;
      if (projector && !projector.isDestroyed()) {
        await projector.loadURL(url);
        projector.show();
        return true;
      }
      const primary = screen.getPrimaryDisplay();
      const other = screen.getAllDisplays().find((d) => d.id !== primary.id);
      const { x, y, width, height } = (other ?? primary).workArea;
      projector = new BrowserWindow({ x, y, width, height, fullscreen: other !== undefined, title: 'Council Desk', show: false, webPreferences: { ...WEB_PREFERENCES } });
      projector.once('ready-to-show', () => projector?.show());
      projector.on('closed', () => (projector = null));
      await projector.loadURL(url);
      return true;
    },
  };
}

/** The minutes' PDF: a hidden window per PDF, no preload (the printed page gets no API), printed by printToPDF. */
function electronPrint(): PrintPort {
  const { preload: _preload, ...webPreferences } = WEB_PREFERENCES;
  return windowPrint(() => new BrowserWindow({ show: false, webPreferences: { ...webPreferences } }));
}

const OPEN_FILTERS: Record<OpenFileKind, Electron.FileFilter> = {
  bundle: { name: 'Council Desk bundle', extensions: ['cdbundle'] },
  trust: { name: 'Trust file', extensions: ['json'] },
  key: { name: 'Private key (PKCS#8 PEM)', extensions: ['pem'] },
  decision: { name: 'Decision file', extensions: ['json'] },
  backup: { name: 'Council Desk backup', extensions: ['cdbackup'] },
};

/** Native dialogs, attached to the focused window so they are modal to it. */
function electronDialogs(): DialogPort {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const pick = async (options: Electron.OpenDialogOptions) => {
    const win = parent();
    const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    openFile: (kind) =>
      pick({
        properties: ['openFile'],
        filters: [OPEN_FILTERS[kind]],
      }),
    openFolder: () => pick({ properties: ['openDirectory', 'createDirectory'] }),
    saveFile: async (suggestedName) => {
      const win = parent();
      const options = { defaultPath: suggestedName };
      const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    // Cancel first and the default: Enter or Escape leaves the protection as it is.
    confirm: async ({ title, message, detail, confirmLabel }) => {
      const win = parent();
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title,
        message,
        detail,
        buttons: ['취소 / Cancel', confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const result = await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
      return result.response === 1;
    },
  };
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPathsFrom(app.getAppPath(), app.getPath('userData'));

  protocol.handle(APP_SCHEME, async (request) => {
    const file = await readStaticFile(paths.rendererDir, new URL(request.url).pathname);
    return new Response(new Uint8Array(file.body), { status: file.status, headers: file.headers });
  });
  // Every permission refused but persistent storage for the app's own page (content-security.ts).
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionGranted(permission, details.requestingUrl)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const secrets = safeStorageSecrets(safeStorage);
  bindApi(ipcMain, createApiHandlers({ appVersion: app.getVersion(), platform: process.platform, paths, dialogs: electronDialogs(), windows: electronWindows(), print: electronPrint(), secrets }));
  createWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('web-contents-created', (_event, contents) => lockDown(contents));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

/** One instance at a time: two windows writing the same IndexedDB would step on each other. */
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();
app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

export const started = firstInstance ? start() : Promise.resolve();
