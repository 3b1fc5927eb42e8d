/**
 * The file dialogs the API needs, as a port: main.ts answers with Electron's dialog module, the
 * end-to-end harness with the paths a test prepared. Null when the user cancels.
 */
export interface DialogPort {
  openFile(kind: 'bundle' | 'trust'): Promise<string | null>;
  openFolder(): Promise<string | null>;
  saveFile(suggestedName: string): Promise<string | null>;
}

/** For tools without dialogs (tests, the command line): every dialog is cancelled. */
export const NO_DIALOGS: DialogPort = {
  openFile: async () => null,
  openFolder: async () => null,
  saveFile: async () => null,
};
