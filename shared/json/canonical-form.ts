/**
 * Whether signed bytes are their own RFC 8785 serialisation (FORMATS.md, "What a reader must
 * refuse"): a signed payload in any other form (keys in another order, spaces, numbers or escapes
 * written another way) could be read differently by two readers, and the signature would still
 * hold for both. Compared as text: UTF-8 maps text to bytes one to one.
 */
import { canonicalJson } from '../canonical-json';

const SHOWN = 24;

/** Null when `text` is the canonical form of `value` (its parse), else where and how it differs. */
export function canonicalFormMismatch(text: string, value: unknown): string | null {
  const canonical = canonicalJson(value);
  if (text === canonical) return null;
  let at = 0;
  while (at < text.length && at < canonical.length && text.charCodeAt(at) === canonical.charCodeAt(at)) at += 1;
  const show = (s: string) => (at >= s.length ? 'the end' : JSON.stringify(s.slice(at, at + SHOWN)));
  return `at character ${at + 1} it has ${show(text)} where the canonical form has ${show(canonical)}`;
}
