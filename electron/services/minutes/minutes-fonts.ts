/**
 * The bundled Korean font for the minutes' PDF: Noto Sans KR from @fontsource/noto-sans-kr (a
 * production dependency, so it is in the packaged app's node_modules as in the repository's). Its
 * woff2 subsets each cover a unicode-range; `cssFor(text)` embeds, as data: URLs, only the subsets
 * the text needs, in the weights the minutes use. So the PDF depends on no system font, and the
 * HTML stays small (a few hundred KB instead of the whole font's 5 MB).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The regular and the bold weight: the minutes' text and its headings and table heads. */
export const MINUTES_FONT_WEIGHTS = [400, 700] as const;

export interface BundledFonts {
  /** @font-face rules, fonts inline, for every subset holding a character of `text` (none for ''), in all weights loaded or those given. */
  cssFor(text: string, weights?: readonly number[]): Promise<string>;
}

/** Where the font package is, from the app's root (the folder holding package.json; app.asar when packaged). */
export function bundledFontDir(appRoot: string): string {
  return path.join(appRoot, 'node_modules', '@fontsource', 'noto-sans-kr');
}

interface Face {
  family: string;
  weight: number;
  style: string;
  unicodeRange: string;
  /** Inclusive code point ranges, parsed from unicodeRange. */
  ranges: [number, number][];
  file: string;
}

function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const a = parseInt(from!, 16);
    return [a, to === undefined ? a : parseInt(to, 16)];
  });
}

/** The @font-face rules of one of the package's CSS files (400.css, 700.css), with their woff2 files. */
function facesOf(css: string, cssFile: string): Face[] {
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => {
    const prop = (name: string) => body!.match(new RegExp(`${name}\\s*:\\s*([^;]+);`))?.[1]?.trim();
    const file = body!.match(/url\(\.\/files\/([^)]+\.woff2)\)/)?.[1];
    const family = prop('font-family');
    const unicodeRange = prop('unicode-range');
    if (!file || !family || !unicodeRange) throw new Error(`${cssFile}: a @font-face rule without a woff2 file, a family or a unicode-range.`);
    return { family, weight: Number(prop('font-weight') ?? 400), style: prop('font-style') ?? 'normal', unicodeRange, ranges: parseRanges(unicodeRange), file };
  });
  if (faces.length === 0) throw new Error(`${cssFile} holds no @font-face rule: is @fontsource/noto-sans-kr installed whole?`);
  return faces;
}

/** The first index of `sorted` whose value is >= `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function loadBundledFonts(fontDir: string, weights: readonly number[] = MINUTES_FONT_WEIGHTS): Promise<BundledFonts> {
  const faces = (
    await Promise.all(
      weights.map(async (weight) => {
        const cssFile = path.join(fontDir, `${weight}.css`);
        const css = await readFile(cssFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new Error(`The bundled font's ${cssFile} could not be read (${error.code ?? error.message}): the minutes' PDF needs @fontsource/noto-sans-kr.`);
        });
        return facesOf(css, cssFile);
      }),
    )
  ).flat();
  const files = new Map<string, Promise<string>>();
  const base64Of = (file: string) => {
    let data = files.get(file);
    if (!data) {
      data = readFile(path.join(fontDir, 'files', file)).then((bytes) => bytes.toString('base64'));
      files.set(file, data);
    }
    return data;
  };
  return {
    async cssFor(text, only) {
      const points = [...new Set(Array.from(text, (c) => c.codePointAt(0)!))].sort((a, b) => a - b);
      const inWeights = only ? faces.filter((face) => only.includes(face.weight)) : faces;
      const needed = inWeights.filter((face) => face.ranges.some(([a, b]) => {
        const i = lowerBound(points, a);
        return i < points.length && points[i]! <= b;
      }));
      const rules = await Promise.all(
        needed.map(async (face) =>
          `@font-face{font-family:${face.family};font-style:${face.style};font-weight:${face.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${await base64Of(face.file)}) format('woff2');unicode-range:${face.unicodeRange}}`,
        ),
      );
      return rules.join('\n');
    },
  };
}
