/**
 * Exposes exactly the contract's calls (shared/api.ts) to the renderer, plus pathForFile for
 * dropped files: never ipcRenderer itself, never raw events.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_CHANNEL_PREFIX, API_GLOBAL, API_METHODS } from '../shared/api';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (arg: unknown) => ipcRenderer.invoke(`${API_CHANNEL_PREFIX}${method}`, arg)]),
);

/** A dropped file's path, answered here without IPC ("" for a file not from the file system). */
function pathForFile(file: object): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze({ ...bridge, pathForFile }));
