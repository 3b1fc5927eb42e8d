/**
 * Printing the minutes' HTML to PDF, as a port: the app prints with Electron's
 * webContents.printToPDF in a hidden window (window-print.ts, made in main.ts); browser mode, the
 * tests and the benchmark with a headless Chromium's page.pdf() (browser-mode/headless-print.ts):
 * the same engine, given the same page by `printLayout`, the one home of the running header, the
 * page numbers and the margins.
 */
import type { Language } from '../../../shared/i18n';
import { escapeHtml } from '../../../shared/minutes/html-text';
import { MINUTES_FONT_FAMILY, MINUTES_MARGIN_MM, MINUTES_PAGE_SIZE } from '../../../shared/minutes/minutes-page';

export interface PrintPage {
  /** The running header: the council and the meeting, in the minutes' language. */
  headerText: string;
  language: Language;
  /**
   * The @font-face rules for the header's and the footer's characters (BundledFonts.cssFor).
   * Chromium draws the header and footer in a context of their own, with only those fonts the
   * page itself has loaded: so the header's text must also appear in the page (minutes-html.ts
   * prints it in its title block), or its Korean is drawn as empty boxes.
   */
  fontCss: string;
}

export interface PrintPort {
  /** The PDF of `html` (a whole document, fonts embedded) on A4 pages with the header and "n / N". */
  printPdf(html: string, page: PrintPage): Promise<Uint8Array>;
}

/** The characters the footer prints besides the header's: the page numbers and their slash. */
export const FOOTER_CHARACTERS = '0123456789 /';

/** The header and footer are set in the regular weight only. */
export const HEADER_FONT_WEIGHT = 400;

export interface PrintLayout {
  pageSize: typeof MINUTES_PAGE_SIZE;
  marginMm: { top: number; right: number; bottom: number; left: number };
  headerTemplate: string;
  footerTemplate: string;
}

/** The layout's margins in an engine's unit (Electron: inches; page.pdf(): CSS lengths). */
export function marginsIn<T>(layout: PrintLayout, convert: (mm: number) => T): { top: T; right: T; bottom: T; left: T } {
  const { top, right, bottom, left } = layout.marginMm;
  return { top: convert(top), right: convert(right), bottom: convert(bottom), left: convert(left) };
}

/** Inline styles only: the templates do not see the page's stylesheet (and need their own font-size). */
function band(page: PrintPage, content: string): string {
  const { left, right } = MINUTES_MARGIN_MM;
  const style = [
    `font-family: ${MINUTES_FONT_FAMILY}, sans-serif`,
    'font-size: 8pt',
    `font-weight: ${HEADER_FONT_WEIGHT}`,
    'color: #444',
    'width: 100%',
    `margin: 0 ${right}mm 0 ${left}mm`,
    'white-space: nowrap',
    'overflow: hidden',
    'text-overflow: ellipsis',
  ].join('; ');
  return `<style>${page.fontCss}</style><div lang="${page.language}" style="${style}">${content}</div>`;
}

export function printLayout(page: PrintPage): PrintLayout {
  return {
    pageSize: MINUTES_PAGE_SIZE,
    marginMm: { ...MINUTES_MARGIN_MM },
    headerTemplate: band(page, `<span>${escapeHtml(page.headerText)}</span>`),
    footerTemplate: band(page, '<div style="text-align: center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'),
  };
}
