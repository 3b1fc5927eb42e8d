/**
 * The app's PrintPort: a hidden window loads the minutes' HTML and Electron's
 * webContents.printToPDF prints it with printLayout's page. Written against the few members of a
 * BrowserWindow it uses (structural types), so main.ts alone imports Electron and hands over
 * `() => new BrowserWindow(...)`.
 *
 * The HTML goes through a temporary file (owner-only, removed after), not a data: URL: Chromium
 * refuses URLs over 2 MB, and a long meeting's minutes with their fonts are bigger.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marginsIn, printLayout, type PrintLayout, type PrintPort } from './print-port';

const MM_PER_INCH = 25.4;

/** Electron's PrintToPDFOptions, the members printLayout fills (margins in inches). */
export interface ElectronPdfOptions {
  pageSize: PrintLayout['pageSize'];
  margins: { top: number; right: number; bottom: number; left: number };
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  printBackground: true;
  preferCSSPageSize: false;
}

export function electronPdfOptions(layout: PrintLayout): ElectronPdfOptions {
  return {
    pageSize: layout.pageSize,
    margins: marginsIn(layout, (mm) => mm / MM_PER_INCH),
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    printBackground: true,
    preferCSSPageSize: false,
  };
}

/** What window-print uses of a BrowserWindow. */
export interface PrintWindow {
  loadFile(filePath: string): Promise<void>;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: ElectronPdfOptions): Promise<Uint8Array>;
  };
  destroy(): void;
}

/** `openWindow` makes a hidden window (no preload: printed minutes get no API). One window per PDF. */
export function windowPrint(openWindow: () => PrintWindow, tempRoot: string = tmpdir()): PrintPort {
  return {
    async printPdf(html, page) {
      const dir = await mkdtemp(path.join(tempRoot, 'council-desk-minutes-'));
      const file = path.join(dir, 'minutes.html');
      let win: PrintWindow | null = null;
      try {
        await writeFile(file, html, { mode: 0o600 });
        win = openWindow();
        await win.loadFile(file);
        // the load event waits for the fonts in use; this makes sure none is still on its way
        await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
        return new Uint8Array(await win.webContents.printToPDF(electronPdfOptions(printLayout(page))));
      } finally {
        win?.destroy();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
