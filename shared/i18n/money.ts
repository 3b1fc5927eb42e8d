/**
 * Money is integer KRW, written the same way by the reasons, the screens, the command line and the
 * minutes: "1,234,567원" in Korean, "KRW 1,234,567" in English.
 */
import type { Language } from './language';

/** 1234567 -> "1,234,567". Integers only (negative allowed); anything else is printed as is. */
export function formatAmount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** "300,000원" or "KRW 300,000". An amount that is not a whole number is a mistake upstream: it throws. */
export function formatKrw(amount: number, lang: Language): string {
  if (!Number.isSafeInteger(amount)) throw new Error(`an amount of KRW must be a whole number, got ${amount}`);
  return lang === 'ko' ? `${formatAmount(amount)}원` : `KRW ${formatAmount(amount)}`;
}
