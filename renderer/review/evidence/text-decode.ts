/**
 * Evidence text from its bytes: UTF-8 (a byte-order mark dropped); a file that is not valid UTF-8
 * is read as EUC-KR (CP949), which older Korean tools still write. Very long text is cut.
 */

export const MAX_TEXT_CHARS = 2_000_000;

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'euc-kr';
  /** Characters cut off the end (0 when shown whole). */
  cut: number;
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

export function decodeEvidenceText(bytes: Uint8Array, maxChars = MAX_TEXT_CHARS): DecodedText {
  let text: string;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    text = decodeWith('utf-8', bytes, true);
  } catch {
    try {
      text = decodeWith('euc-kr', bytes, false);
      encoding = 'euc-kr';
    } catch {
      text = decodeWith('utf-8', bytes, false);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const cut = Math.max(0, text.length - maxChars);
  return { text: cut > 0 ? text.slice(0, maxChars) : text, encoding, cut };
}
