/**
 * A stand-in for the `electron` module that records what main.ts, ipc.ts and preload.ts ask of it,
 * so tests can assert the security baseline without Electron's binary.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: any[]) => unknown;

export interface FakeContents {
  listeners: Map<string, Listener>;
  windowOpenHandler?: Listener;
  on(event: string, listener: Listener): FakeContents;
  setWindowOpenHandler(handler: Listener): void;
}

export function fakeContents(): FakeContents {
  const contents: FakeContents = {
    listeners: new Map(),
    on(event, listener) {
      contents.listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      contents.windowOpenHandler = handler;
    },
  };
  return contents;
}

export function createFakeElectron() {
  const record = {
    windows: [] as { options: any; loadedUrl?: string }[],
    privilegedSchemes: [] as any[],
    protocolHandlers: new Map<string, Listener>(),
    appListeners: new Map<string, Listener>(),
    ipcHandlers: new Map<string, Listener>(),
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    headersHandler: undefined as Listener | undefined,
    exposed: new Map<string, unknown>(),
    invoked: [] as { channel: string; arg: unknown }[],
    /** The user-data folder app.getPath('userData') answers: a fresh temporary folder. */
    userData: mkdtempSync(join(tmpdir(), 'council-desk-fake-user-data-')),
    /** Each dialog.showMessageBox: the window it was modal to and its options. */
    messageBoxes: [] as { parent: unknown; options: any }[],
    /** The button index each message box answers, in turn (0, the first button, when none is left). */
    messageBoxAnswers: [] as number[],
    /** Each app.commandLine.appendSwitch: the switch and its value. */
    switches: [] as [string, string | undefined][],
  };

  class BrowserWindow {
    static getAllWindows = () => record.windows;
    static getFocusedWindow = () => record.windows[0] ?? null;
    webContents = fakeContents();
    constructor(options: any) {
      record.windows.push({ options });
    }
    once() {
      return this;
    }
    show() {}
    async loadURL(url: string) {
      record.windows[record.windows.length - 1]!.loadedUrl = url;
    }
  }

  const electron = {
    app: {
      whenReady: async () => undefined,
      getAppPath: () => '/opt/council-desk',
      getPath: (name: string) => {
        if (name !== 'userData') throw new Error(`the fake app has no path ${name}`);
        return record.userData;
      },
      getVersion: () => '0.1.0-test',
      commandLine: {
        appendSwitch(name: string, value?: string) {
          record.switches.push([name, value]);
        },
      },
      requestSingleInstanceLock: () => true,
      quit: () => undefined,
      on(event: string, listener: Listener) {
        record.appListeners.set(event, listener);
      },
    },
    BrowserWindow,
    ipcMain: {
      handle(channel: string, listener: Listener) {
        record.ipcHandlers.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: any[]) {
        record.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: Listener) {
        record.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(handler: Listener) {
          record.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler(handler: Listener) {
          record.permissionCheckHandler = handler;
        },
        webRequest: {
          onHeadersReceived(handler: Listener) {
            record.headersHandler = handler;
          },
        },
      },
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBox: async (parent: unknown, options: any) => {
        record.messageBoxes.push({ parent, options });
        return { response: record.messageBoxAnswers.shift() ?? 0, checkboxChecked: false };
      },
    },
    // No keyring, as on a Linux session without one: the keystore uses a passphrase.
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => {
        throw new Error('the fake safeStorage cannot encrypt');
      },
      decryptString: () => {
        throw new Error('the fake safeStorage cannot decrypt');
      },
    },
    webUtils: {
      getPathForFile: (file: { path?: string }) => file.path ?? '',
    },
    contextBridge: {
      exposeInMainWorld(name: string, value: unknown) {
        record.exposed.set(name, value);
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, arg: unknown) => {
        record.invoked.push({ channel, arg });
        return { ok: true, value: channel };
      },
    },
  };
  return { electron, record };
}
