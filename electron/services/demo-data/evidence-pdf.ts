/**
 * The small-business certificate (소상공인 확인서) as a one-page PDF, drawn with pdf-lib. The
 * standard PDF fonts have no Hangul, so the certificate is printed in English with romanised names,
 * as the translated copy an applicant attaches.
 *
 * Byte-for-byte deterministic: pdf-lib's own metadata (its producer, the clock's dates) is switched
 * off and fixed values derived from the certificate are set instead. pdf-lib writes no /ID for a new
 * document, names its font resources from a generator seeded the same for every document, and
 * deflates with pako, which does not depend on the Node version.
 */
import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatRegistrationNo } from '../../../shared/registration-number';
import { romanize, romanizePerson, romanizeRegion } from './romanize';

export interface CertificateInput {
  caseId: string;
  businessName: string;
  /** Ten digits, as the issuing agency knows them. */
  registrationNo: string;
  representative: string;
  category: string;
  region: string;
  /** YYYY-MM-DD */
  issueDate: string;
  confirmationNo: string;
}

const PRODUCER = 'Council Desk demo data';
const CREATOR = 'Council Desk';

/** 0-255 channels, rounded to three decimals so the content stream stays short. */
const rgb255 = (r: number, g: number, b: number): Color => rgb(...([r, g, b].map((c) => Math.round((c / 255) * 1000) / 1000) as [number, number, number]));
const BLACK = rgb255(0, 0, 0);
const NAVY = rgb255(20, 45, 95);
const GREY = rgb255(90, 90, 90);
const RULE = rgb255(190, 195, 205);
const BAND = rgb255(232, 238, 248);
const SEAL = rgb255(200, 40, 40);

const PAGE_WIDTH = 420;
const PAGE_HEIGHT = 595;
const LEFT = 36;
const RIGHT = PAGE_WIDTH - LEFT;
const VALUE_X = 150;

function nextYearDayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Printable ASCII only: the standard fonts' WinAnsi encoding would throw on anything else. */
function printable(text: string): string {
  return [...text].map((ch) => (/^[\x20-\x7e]$/.test(ch) ? ch : '?')).join('');
}

interface TextItem {
  x: number;
  y: number;
  size: number;
  text: string;
  bold: boolean;
  color: Color;
}

interface TextOptions {
  bold?: boolean;
  color?: Color;
  /** Shrink the text (down to 6 pt, then cut it short) until it fits this width. */
  maxWidth?: number;
}

/**
 * The page's text, drawn after the shapes and grouped by font: pdf-lib adds a font resource each
 * time a page switches font, so two switches keep the page to two font entries.
 */
class PageText {
  private readonly items: TextItem[] = [];

  constructor(private readonly fonts: { regular: PDFFont; bold: PDFFont }) {}

  width(text: string, size: number, bold = false): number {
    return (bold ? this.fonts.bold : this.fonts.regular).widthOfTextAtSize(printable(text), size);
  }

  add(x: number, y: number, size: number, text: string, options: TextOptions = {}): void {
    const bold = options.bold ?? false;
    let shown = printable(text);
    let fitted = size;
    const max = options.maxWidth;
    if (max !== undefined) {
      while (fitted > 6 && this.width(shown, fitted, bold) > max) fitted -= 0.5;
      // Still too wide at 6 pt: cut it short.
      if (this.width(shown, fitted, bold) > max) {
        while (shown.length > 0 && this.width(`${shown}...`, fitted, bold) > max) shown = shown.slice(0, -1);
        shown = `${shown.trimEnd()}...`;
      }
    }
    this.items.push({ x, y, size: fitted, text: shown, bold, color: options.color ?? BLACK });
  }

  drawOn(page: PDFPage): void {
    for (const bold of [false, true]) {
      page.setFont(bold ? this.fonts.bold : this.fonts.regular);
      for (const item of this.items.filter((i) => i.bold === bold)) {
        page.drawText(item.text, { x: item.x, y: item.y, size: item.size, color: item.color });
      }
    }
  }
}

export async function certificatePdf(input: CertificateInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const text = new PageText({
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  });
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);

  page.drawRectangle({ x: 20, y: 515, width: 380, height: 60, color: BAND });
  text.add(LEFT, 548, 19, 'Small Business Confirmation', { bold: true, color: NAVY });
  text.add(LEFT, 528, 9, 'Sosanggongin Hwaginseo - English copy attached to a 1015 support claim', { color: GREY });
  text.add(LEFT, 492, 10, `Confirmation No. ${input.confirmationNo}`, { bold: true });

  const rows: [string, string][] = [
    ['Business name', romanize(input.businessName)],
    ['Registration no.', formatRegistrationNo(input.registrationNo)],
    ['Representative', romanizePerson(input.representative)],
    ['Business type', input.category],
    ['Location', romanizeRegion(input.region)],
    ['Enterprise size', 'Small business, under 5 employees'],
    ['Valid', `${input.issueDate} to ${nextYearDayBefore(input.issueDate)}`],
  ];
  let y = 462;
  for (const [label, value] of rows) {
    text.add(LEFT, y, 10, label, { color: GREY });
    text.add(VALUE_X, y, 10, value, { maxWidth: RIGHT - VALUE_X });
    page.drawLine({ start: { x: LEFT, y: y - 7 }, end: { x: RIGHT, y: y - 7 }, thickness: 0.5, color: RULE });
    y -= 26;
  }

  text.add(LEFT, y - 10, 10, 'This confirms that the business above is a small business under the');
  text.add(LEFT, y - 24, 10, 'Framework Act on Small Enterprises and Merchants, Article 2.');
  text.add(LEFT, 120, 10, `Issued ${input.issueDate}`, { bold: true });
  text.add(LEFT, 104, 10, 'Small Enterprise and Market Service (SEMAS)');
  text.add(LEFT, 60, 8, `Council case ${input.caseId}`, { color: GREY });

  // The agency's seal, its name centred in two rings.
  const seal = { x: 330, y: 115 };
  page.drawCircle({ ...seal, size: 30, borderColor: SEAL, borderWidth: 2 });
  page.drawCircle({ ...seal, size: 25, borderColor: SEAL, borderWidth: 0.75 });
  text.add(seal.x - text.width('SEMAS', 10, true) / 2, seal.y - 3.5, 10, 'SEMAS', { bold: true, color: SEAL });
  page.drawRectangle({ x: 20, y: 20, width: 380, height: 555, borderColor: RULE, borderWidth: 0.75 });
  text.drawOn(page);

  // Fixed metadata: issued at 10:00 Korean time on the issue date.
  const issued = new Date(`${input.issueDate}T10:00:00+09:00`);
  doc.setTitle(`Small Business Confirmation ${input.confirmationNo}`);
  doc.setSubject(`Council case ${input.caseId}`);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  doc.setLanguage('en');
  // A plain cross-reference table rather than object streams: what every PDF reader knows.
  return doc.save({ useObjectStreams: false });
}
