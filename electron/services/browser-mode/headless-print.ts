/**
 * Printing the minutes with a headless Chromium or Chrome through playwright-core: browser mode's
 * PrintPort (serve.ts, with the browser findBrowser found) and the tests' and the benchmark's
 * (test/support/chromium-print.ts). Chromium's page.pdf() is the engine Electron's printToPDF is,
 * given the same page by printLayout; one page per PDF, as the app uses one hidden window per PDF.
 *
 * The browser starts on the first print (a meeting without minutes never starts one), serves
 * every later print, and ends on close(). playwright-core is loaded then too, so the other
 * commands do not pay for it. Its profile is playwright's throwaway one (a fresh folder in the
 * temporary directory, removed on close), never browser mode's browser-profile/, which the
 * visible window holds: playwright refuses a --user-data-dir of the caller's.
 */
import { access, constants } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CouncilError } from '../../../shared/result';
import { marginsIn, printLayout, type PrintLayout, type PrintPort } from '../minutes/print-port';

export type PdfOptions = NonNullable<Parameters<Page['pdf']>[0]>;

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

export interface HeadlessPrintOptions {
  /** The Chromium or Chrome to run. */
  executablePath: string;
  /** Flags besides playwright's own (which run it headless, without first-run or sync). */
  args?: readonly string[];
  /**
   * Chromium's sandbox: on, except as root, where Chromium does not start with one (playwright's
   * default is off).
   */
  sandbox?: boolean;
}

export interface HeadlessPrint extends PrintPort {
  /** page.pdf() of `html` with options of the caller's (the benchmark's baseline). */
  pdfWith(html: string, options: PdfOptions): Promise<Uint8Array>;
  /** A blank page of the same browser (the tests' stand-in for Electron's hidden window). */
  newPage(): Promise<Page>;
  /** Ends the browser, if one was started. */
  close(): Promise<void>;
}

interface Running {
  browser: Browser;
  context: BrowserContext;
}

function cannotStart(executablePath: string, why: string): CouncilError {
  return new CouncilError('MINUTES_PDF_UNAVAILABLE', `${executablePath} could not be started to print the minutes' PDF (${why}); nothing was made.`);
}

async function launch(options: HeadlessPrintOptions): Promise<Running> {
  // Looked at first: playwright leaves its fresh profile folder behind when the program is not there.
  try {
    await access(options.executablePath, constants.X_OK);
  } catch {
    throw cannotStart(options.executablePath, 'it is not a program that can be run');
  }
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: options.executablePath,
      args: [...(options.args ?? [])],
      chromiumSandbox: options.sandbox ?? process.getuid?.() !== 0,
    });
  } catch (e) {
    throw cannotStart(options.executablePath, (e as Error).message.split('\n')[0] ?? 'no reason given');
  }
  return { browser, context: await browser.newContext() };
}

export function headlessPrint(options: HeadlessPrintOptions): HeadlessPrint {
  let running: Promise<Running> | undefined;
  const started = (): Promise<Running> => {
    running ??= launch(options).catch((e: unknown) => {
      running = undefined; // the next print tries again
      throw e;
    });
    return running;
  };
  const newPage = async () => (await started()).context.newPage();
  const pdfWith = async (html: string, pdfOptions: PdfOptions) => {
    const page = await newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      return new Uint8Array(await page.pdf(pdfOptions));
    } finally {
      await page.close();
    }
  };
  return {
    printPdf: (html, page) => pdfWith(html, playwrightPdfOptions(printLayout(page))),
    pdfWith,
    newPage,
    close: async () => {
      const was = running;
      running = undefined;
      if (!was) return;
      const { browser } = await was.catch(() => ({ browser: null }));
      await browser?.close();
    },
  };
}
