/**
 * Korean business registration numbers (사업자등록번호): 10 digits, the last a check digit.
 * Weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus floor(9th digit x 5 / 10);
 * check = (10 - sum mod 10) mod 10.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** Removes hyphens and spaces: "123-45-67891" -> "1234567891". */
export function normalizeRegistrationNo(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The check digit for the first nine digits. */
export function registrationCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new Error(`expected nine digits, got "${firstNine}"`);
  const d = [...firstNine].map(Number);
  let sum = 0;
  WEIGHTS.forEach((w, i) => (sum += d[i]! * w));
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** True when the number (hyphens allowed) has ten digits and a correct check digit. */
export function isValidRegistrationNo(input: string): boolean {
  const n = normalizeRegistrationNo(input);
  return /^\d{10}$/.test(n) && registrationCheckDigit(n.slice(0, 9)) === Number(n[9]);
}

/** "1234567891" -> "123-45-67891", the way it is printed on a certificate. */
export function formatRegistrationNo(input: string): string {
  const n = normalizeRegistrationNo(input);
  return n.length === 10 ? `${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}` : input;
}
