/**
 * A DOCX read as the tests need it: its parts unzipped (fflate), and word/document.xml as the list
 * of its paragraphs' text in order (a table cell's paragraphs among them, cell after cell), with
 * line breaks as "\n", tabs as "\t" and XML's entities decoded.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  /** Each part's text by its path in the package (word/document.xml, word/styles.xml, ...). */
  part: (name: string) => string;
  names: string[];
}

export function docxParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files),
    part: (name) => {
      const file = files[name];
      if (!file) throw new Error(`the DOCX has no part ${name}`);
      return strFromU8(file);
    },
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);

export interface DocxParagraph {
  /** The paragraph's style id (Title, Heading1, ...), null for the default. */
  style: string | null;
  text: string;
}

/** Each w:p of a part, in document order, with its style and text. */
export function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    text: [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map(([whole, text]) => (text !== undefined ? decode(text) : whole === '<w:br/>' ? '\n' : '\t'))
      .join(''),
  }));
}

/** The text of each w:p of a part, in document order. */
export const paragraphTexts = (xml: string): string[] => docxParagraphs(xml).map((p) => p.text);

/** Whether `run` occurs in `paragraphs` as consecutive entries (a table row's cells, say). */
export function hasSequence(paragraphs: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= paragraphs.length; i += 1) {
    if (run.every((text, j) => paragraphs[i + j] === text)) return true;
  }
  return false;
}
