/**
 * Whether signed bytes are their own RFC 8785 serialisation (FORMATS.md, "What a reader must
 * refuse"): a signed payload in any other form (keys in another order, spaces, numbers or escapes
 * written another way) could be read differently by two readers, and the signature would still
 * hold for both. Compared as text: UTF-8 maps text to bytes one to one.
 */
import { canonicalJson } from '../canonical-json';

const SHOWN = 24;

/** Where the text first differs from the canonical form: 1-based character, and a quoted excerpt of each ("" at its end). */
export interface CanonicalMismatch {
  at: number;
  found: string;
  canonical: string;
}

/** Null when `text` is the canonical form of `value` (its parse), else where it differs. */
export function canonicalFormMismatch(text: string, value: unknown): CanonicalMismatch | null {
  const canonical = canonicalJson(value);
  if (text === canonical) return null;
  let at = 0;
  while (at < text.length && at < canonical.length && text.charCodeAt(at) === canonical.charCodeAt(at)) at += 1;
  return { at: at + 1, found: JSON.stringify(text.slice(at, at + SHOWN)), canonical: JSON.stringify(canonical.slice(at, at + SHOWN)) };
}

/** The mismatch in English, for a problem's message. */
export function canonicalWords(p: CanonicalMismatch): string {
  return `at character ${p.at} it has ${p.found} where the canonical form has ${p.canonical}`;
}
