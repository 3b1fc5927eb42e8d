/**
 * Issue 13, item 6: the minutes of a 500-case meeting as a PDF, as the app makes it (buildMinutes
 * from the decision file, the HTML template with the bundled font's subsets read afresh, printed
 * with the running header and "n / N"), against the baseline measured in the same run, in the same
 * browser: Chromium's page.pdf() of a static page of the same text and tables (that document, made
 * once before the clocks start, so no template or font code runs) with the same page options.
 * Alternating runs, medians compared; target: at most 2x.
 */
import path from 'node:path';
import { buildMinutes } from '../../shared/minutes/build-minutes';
import { minutesHeaderText } from '../../shared/minutes/minutes-html';
import { bundledFontDir, loadBundledFonts } from '../../electron/services/minutes/minutes-fonts';
import { minutesDocument, minutesPdf } from '../../electron/services/minutes/minutes-pdf';
import { FOOTER_CHARACTERS, HEADER_FONT_WEIGHT, printLayout } from '../../electron/services/minutes/print-port';
import { playwrightPdfOptions, type HeadlessPrint } from '../../electron/services/browser-mode/headless-print';
import { chromiumPrint } from '../support/chromium-print';
import { longMinutesInput } from '../support/long-minutes';
import { pdfPageCount } from '../support/pdf-tools';
import type { Figure } from './bench-node';
import { median } from './bench-meeting';

const CASES = 500;
const TARGET = 2;
const root = path.resolve(__dirname, '../..');

interface AppRun {
  ms: number;
  buildMs: number;
  htmlMs: number;
  pdf: Uint8Array;
}

/** The app's way, from the decision file to the PDF's bytes, the font read afresh. */
async function appRun(print: HeadlessPrint): Promise<AppRun> {
  const input = longMinutesInput(CASES);
  const started = performance.now();
  const minutes = buildMinutes(input);
  const built = performance.now();
  const pdf = await minutesPdf(minutes, 'ko', { print, fonts: await loadBundledFonts(bundledFontDir(root)) });
  const ms = performance.now() - started;
  // the HTML with its fonts alone, timed apart after the total
  const htmlStarted = performance.now();
  await minutesDocument(minutes, 'ko', await loadBundledFonts(bundledFontDir(root)));
  return { ms, buildMs: built - started, htmlMs: performance.now() - htmlStarted, pdf };
}

export async function minutesPdfFigures(runs: number): Promise<Figure[]> {
  const print = chromiumPrint();
  try {
    // the static page and its header, made once, untimed
    const minutes = buildMinutes(longMinutesInput(CASES));
    const fonts = await loadBundledFonts(bundledFontDir(root));
    const staticPage = await minutesDocument(minutes, 'ko', fonts);
    const headerText = minutesHeaderText(minutes, 'ko');
    const options = playwrightPdfOptions(printLayout({ headerText, language: 'ko', fontCss: await fonts.cssFor(headerText + FOOTER_CHARACTERS, [HEADER_FONT_WEIGHT]) }));
    const baselineRun = async () => {
      const started = performance.now();
      const pdf = await print.pdfWith(staticPage, options);
      return { ms: performance.now() - started, pdf };
    };
    // warm up both ways once, untimed
    await baselineRun();
    await appRun(print);
    const app: AppRun[] = [];
    const base: number[] = [];
    let basePdf: Uint8Array = new Uint8Array();
    for (let i = 0; i < runs; i += 1) {
      const doBase = async () => {
        const b = await baselineRun();
        base.push(b.ms);
        basePdf = b.pdf;
      };
      const doApp = async () => {
        app.push(await appRun(print));
      };
      if (i % 2 === 0) {
        await doBase();
        await doApp();
      } else {
        await doApp();
        await doBase();
      }
    }
    const appMs = median(app.map((a) => a.ms));
    const baseMs = median(base);
    const ratio = appMs / baseMs;
    const pages = pdfPageCount(app[0]!.pdf);
    const basePages = pdfPageCount(basePdf);
    const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`;
    const list = (values: number[]) => `[${values.map((v) => Math.round(v)).join(', ')}]`;
    return [
      {
        name: `minutes of a ${CASES}-case meeting as PDF (Korean, ${pages} A4 pages, ${(app[0]!.pdf.length / 1e6).toFixed(1)} MB; median of ${runs})`,
        value: Math.round(ratio * 100) / 100,
        unit: 'x static page.pdf()',
        target: `<= ${TARGET}x page.pdf() of a static page of the same text and tables`,
        baseline:
          `app ${ms(appMs)} vs the static page ${ms(baseMs)} (${(staticPage.length / 1e6).toFixed(1)} MB of HTML with its fonts, ${basePages} pages, the same header and footer); ` +
          `of the app's time, timed apart: buildMinutes ${ms(median(app.map((a) => a.buildMs)))}, the HTML with the font's subsets ${ms(median(app.map((a) => a.htmlMs)))}; ` +
          `runs app ${list(app.map((a) => a.ms))} static ${list(base)} ms`,
        pass: ratio <= TARGET,
      },
    ];
  } finally {
    await print.close();
  }
}
