/**
 * The characters a bundle entry's name may not hold because nobody can see them, and how to show
 * a name that holds them anyway: a refused name is printed into a report, and a right-to-left
 * override printed raw would turn the rest of the line around ("gpj.exe" shown as "exe.jpg").
 * So every such character is written out as <U+202E>, and names that look alike are shown by
 * their code points (U+1112 U+1161 ...).
 */

/** C0 controls, DEL and C1 controls (U+0080-U+009F). */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/gu;

/** Bidirectional controls: embeddings and overrides, isolates, the LRM/RLM/ALM marks. */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/**
 * Other characters that draw nothing: Unicode's default-ignorable code points (zero-width space
 * and joiners, U+FEFF, soft hyphen, variation selectors, the Hangul fillers U+115F U+1160 U+3164
 * U+FFA0, tag characters...), every other format character (Cf), and the line and paragraph
 * separators. A name is for people to read and compare; none of these belongs in one.
 */
export const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\u2028\u2029]/gu;

const ANY_UNSEEN = new RegExp(`${CONTROL.source}|${BIDI.source}|${INVISIBLE.source}`, 'gu');

/** "U+202E" for one code point. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+1112 U+1161 U+11AB": every code point of the text. */
export function codePointsOf(text: string): string {
  return [...text].map(codePointLabel).join(' ');
}

/** The distinct characters of the class found in the text, as "U+0001 U+001F" (null when none). */
export function foundIn(text: string, charClass: RegExp): string | null {
  const found = new Set(text.match(new RegExp(charClass.source, 'gu')) ?? []);
  return found.size === 0 ? null : [...found].map(codePointLabel).join(' ');
}

/** The text with every control, bidirectional or invisible character written as <U+XXXX>. */
export function showUnseen(text: string): string {
  return text.replace(ANY_UNSEEN, (c) => `<${codePointLabel(c)}>`);
}

/**
 * Where two texts differ, as whole code points: the shortest middle parts left when their common
 * start and end are taken off. Used to show only the letters that differ, not a whole long path.
 */
export function differingParts(a: string, b: string): [string, string] {
  const x = [...a];
  const y = [...b];
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start += 1;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end += 1;
  return [x.slice(start, x.length - end).join(''), y.slice(start, y.length - end).join('')];
}
