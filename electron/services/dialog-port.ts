/**
 * The dialogs the API needs, as a port: main.ts answers with Electron's dialog module, browser mode
 * (browser-mode/terminal-dialogs.ts) on the terminal where `council-desk serve` runs, the
 * end-to-end harness with the answers a test prepared. Null (or false) when the user cancels.
 */
export interface DialogPort {
  openFile(kind: 'bundle' | 'trust'): Promise<string | null>;
  openFolder(): Promise<string | null>;
  saveFile(suggestedName: string): Promise<string | null>;
  /**
   * Asks the person at the machine, outside the page, before a protection is lowered: true only
   * when they confirmed. Optional here until main.ts answers it with a native dialog; a port
   * without it never confirms.
   */
  confirm?(request: ConfirmRequest): Promise<boolean>;
}

/** What a confirmation states: a title, the question, what it means, and the confirming button's label. */
export interface ConfirmRequest {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
}

/** For tools without dialogs (tests, the command line): every dialog is cancelled. */
export const NO_DIALOGS: DialogPort = {
  openFile: async () => null,
  openFolder: async () => null,
  saveFile: async () => null,
  confirm: async () => false,
};
