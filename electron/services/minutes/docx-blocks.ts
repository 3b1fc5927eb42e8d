/**
 * The building blocks of the minutes' DOCX (minutes-docx.ts): the page, the fonts, the styles, and
 * paragraphs and tables as a secretary edits them in Word or Hancom Office — real paragraphs with
 * named styles, real tables whose header row repeats on each page.
 *
 * Fonts: Word picks a run's font by script, so the East Asian slot (w:eastAsia) names the Korean
 * font, 맑은 고딕 (Malgun Gothic: on every Windows, and the font Hancom Office and Word use for
 * Hangul); the Latin slots name the same font's Latin name, and the theme's fonts say the same, so
 * a style that takes the theme's font finds Hangul too. Text is marked Korean (w:lang eastAsia).
 * Hashes are set in Consolas, a fixed-width font, so their 64 characters line up.
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import type { Language } from '../../../shared/i18n';
import { LOCALES } from '../../../shared/i18n';

export const KOREAN_FONT = '맑은 고딕';
export const LATIN_FONT = 'Malgun Gothic';
const HASH_FONT = 'Consolas';
/** 8 pt: a 64-character hash fits on one line of a table column two thirds of the text wide. */
const HASH_SIZE = 16;

/** A4 portrait in twentieths of a point, with 2 cm margins. */
export const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = 1134;
export const PAGE_MARGINS = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 } as const;
/** The width text and tables take: the page less its margins. */
export const TEXT_WIDTH = A4.width - 2 * MARGIN;

export const RUN_FONTS = { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: KOREAN_FONT } as const;

/** The theme's fonts (Word's "(Body)" and "(Headings)"): the same Korean font for Hangul. */
export const THEME_FONTS = {
  body: { latin: LATIN_FONT, eastAsia: KOREAN_FONT, scripts: { Hang: KOREAN_FONT } },
  headings: { latin: LATIN_FONT, eastAsia: KOREAN_FONT, scripts: { Hang: KOREAN_FONT } },
};

/** Document defaults and the styles the blocks use: Title, Heading 1–3, all in the Korean font. */
export function minutesStyles(language: Language): IStylesOptions {
  const heading = (size: number, before: number) => ({
    run: { font: RUN_FONTS, size, bold: true, color: '1F3864' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: RUN_FONTS, size: 20, language: { value: LOCALES[language], eastAsia: 'ko-KR' } },
        paragraph: { spacing: { after: 80, line: 276 } },
      },
      title: { run: { font: RUN_FONTS, size: 36, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      heading1: heading(28, 360),
      heading2: heading(24, 240),
      heading3: heading(21, 160),
    },
  };
}

/** Runs of a text, its line ends as line breaks (a rationale may have several lines). */
export function textRuns(text: string, options: { bold?: boolean; hash?: boolean } = {}): TextRun[] {
  const font = options.hash ? { ascii: HASH_FONT, hAnsi: HASH_FONT, cs: HASH_FONT, eastAsia: KOREAN_FONT } : undefined;
  const size = options.hash ? HASH_SIZE : undefined;
  return text.split(/\r\n|\r|\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: options.bold, font, size }));
}

export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(text) });
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const styles = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ heading: styles[level], children: textRuns(text) });
}

export function paragraph(text: string): Paragraph {
  return new Paragraph({ children: textRuns(text) });
}

/** "Label: value" with the label bold. */
export function labelled(label: string, value: string, options: { hash?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [...textRuns(label, { bold: true }), new TextRun(': '), ...textRuns(value, options)] });
}

/** A list of label and value pairs, one paragraph each. */
export function fields(pairs: readonly (readonly [string, string])[]): Paragraph[] {
  return pairs.map(([label, value]) => labelled(label, value));
}

/** A signature line: the role and name, a line drawn to the right margin, and the word for the signature. */
export function signatureLine(who: string, signature: string): Paragraph {
  return new Paragraph({
    spacing: { before: 480 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 1400, leader: 'underscore' }],
    children: [...textRuns(who, { bold: true }), new TextRun({ children: [new Tab()] }), new TextRun(` ${signature}`)],
  });
}

/** A table cell's content: text, or text set in the hash font. */
export type Cell = string | { text: string; hash?: boolean; right?: boolean };

export interface TableSpec {
  /** The header row's labels: the row Word repeats at the top of each page the table runs onto. */
  head: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Relative widths of the columns (any unit; they are scaled to the text width). */
  widths: readonly number[];
  /** A last row set bold (totals). */
  footer?: readonly Cell[];
}

const GRID = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID, insideHorizontal: GRID, insideVertical: GRID };

function cell(content: Cell, width: number, options: { bold?: boolean; shade?: boolean } = {}): TableCell {
  const c = typeof content === 'string' ? { text: content } : content;
  const children: ParagraphChild[] = textRuns(c.text, { bold: options.bold, hash: c.hash });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: options.shade ? { type: ShadingType.CLEAR, fill: 'E7ECF3', color: 'auto' } : undefined,
    children: [new Paragraph({ spacing: { after: 0 }, alignment: c.right ? AlignmentType.RIGHT : undefined, children })],
  });
}

/** A Word table across the text width: a shaded header row marked to repeat (w:tblHeader), rows that do not split. */
export function table(spec: TableSpec): Table {
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const widths = spec.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const row = (cells: readonly Cell[], options: { bold?: boolean; shade?: boolean; header?: boolean }) =>
    new TableRow({ tableHeader: options.header, cantSplit: true, children: cells.map((c, i) => cell(c, widths[i] ?? 0, options)) });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [
      row(spec.head, { bold: true, shade: true, header: true }),
      ...spec.rows.map((cells) => row(cells, {})),
      ...(spec.footer ? [row(spec.footer, { bold: true })] : []),
    ],
  });
}
