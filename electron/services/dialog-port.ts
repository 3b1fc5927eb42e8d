/**
 * The dialogs the API needs, as a port: main.ts answers with Electron's dialog module, browser mode
 * (browser-mode/terminal-dialogs.ts) on the terminal where `council-desk serve` runs, the
 * end-to-end harness with the answers a test prepared. Null (or false) when the user cancels.
 */

export type OpenFileKind = 'bundle' | 'trust' | 'key' | 'decision' | 'backup';

/** A yes-or-no question the user must answer before a protection is lowered. */
export interface ConfirmRequest {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
}

export interface DialogPort {
  /** 'key': a PKCS#8 PEM private key; 'decision': a decision file (*.dsse.json); 'backup': a backup (*.cdbackup). */
  openFile(kind: OpenFileKind): Promise<string | null>;
  openFolder(): Promise<string | null>;
  saveFile(suggestedName: string): Promise<string | null>;
  /** True only when the user chose confirmLabel; cancelling or closing the dialog is false. */
  confirm(request: ConfirmRequest): Promise<boolean>;
}

/** For tools without dialogs (tests, the command line): every dialog is cancelled, nothing confirmed. */
export const NO_DIALOGS: DialogPort = {
  openFile: async () => null,
  openFolder: async () => null,
  saveFile: async () => null,
  confirm: async () => false,
};
