/**
 * The tests' and the benchmark's PrintPort: Chromium's page.pdf() (Debian's Chromium through
 * playwright-core), the engine Electron's printToPDF is, given the same page by printLayout.
 * One page per PDF, as the app uses one hidden window per PDF.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { marginsIn, printLayout, type PrintLayout, type PrintPort } from '../../electron/services/minutes/print-port';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium-path';

type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

export function playwrightPdfOptions(layout: PrintLayout): PdfOptions {
  return {
    format: layout.pageSize,
    margin: marginsIn(layout, (mm) => `${mm}mm`),
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    printBackground: true,
    preferCSSPageSize: false,
  };
}

export interface ChromiumPrint extends PrintPort {
  /** page.pdf() of `html` with options of the caller's (the benchmark's baseline). */
  pdfWith(html: string, options: PdfOptions): Promise<Uint8Array>;
  /** A blank page of the same browser (a stand-in for Electron's hidden window). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function chromiumPrint(): Promise<ChromiumPrint> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  const pdfWith = async (html: string, options: PdfOptions) => {
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      return new Uint8Array(await page.pdf(options));
    } finally {
      await page.close();
    }
  };
  return {
    printPdf: (html, page) => pdfWith(html, playwrightPdfOptions(printLayout(page))),
    pdfWith,
    newPage: () => context.newPage(),
    close: () => browser.close(),
  };
}
