/**
 * The minutes' PDF: the one HTML template (shared/minutes/minutes-html.ts) with the bundled font
 * embedded, printed through a PrintPort with the running header and "n / N".
 */
import type { Language } from '../../../shared/i18n';
import { minutesHeaderText, minutesHtml } from '../../../shared/minutes/minutes-html';
import type { Minutes } from '../../../shared/minutes/minutes-model';
import type { BundledFonts } from './minutes-fonts';
import { FOOTER_CHARACTERS, HEADER_FONT_WEIGHT, type PrintPort } from './print-port';

export interface MinutesPdfDeps {
  print: PrintPort;
  fonts: BundledFonts;
}

/** The document with the font subsets its own text needs (it is made once without fonts to learn that text). */
export async function minutesDocument(minutes: Minutes, language: Language, fonts: BundledFonts): Promise<string> {
  const fontCss = await fonts.cssFor(minutesHtml(minutes, language, { fontCss: '' }));
  return minutesHtml(minutes, language, { fontCss });
}

export async function minutesPdf(minutes: Minutes, language: Language, deps: MinutesPdfDeps): Promise<Uint8Array> {
  const headerText = minutesHeaderText(minutes, language);
  const [html, headerFonts] = await Promise.all([minutesDocument(minutes, language, deps.fonts), deps.fonts.cssFor(headerText + FOOTER_CHARACTERS, [HEADER_FONT_WEIGHT])]);
  return deps.print.printPdf(html, { headerText, language, fontCss: headerFonts });
}
