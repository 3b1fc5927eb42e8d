/**
 * Exposes exactly the contract's calls (shared/api.ts) to the renderer, nothing else:
 * never ipcRenderer itself, never raw events.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL_PREFIX, API_GLOBAL, API_METHODS } from '../shared/api';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (arg: unknown) => ipcRenderer.invoke(`${API_CHANNEL_PREFIX}${method}`, arg)]),
);

contextBridge.exposeInMainWorld(API_GLOBAL, Object.freeze(bridge));
