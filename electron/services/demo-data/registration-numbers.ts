/** Business registration numbers for demo cases: unique, with a valid check digit unless asked otherwise. */
import { formatRegistrationNo, registrationCheckDigit } from '../../../shared/registration-number';
import type { Random } from './random';

/**
 * Ten digits: a tax-office code (101–799), a business-type code for individuals (01–79), a
 * four-digit serial, the check digit. `valid: false` gives a wrong check digit, as a typo would.
 */
export function newRegistrationNo(rng: Random, used: Set<string>, valid = true): string {
  for (;;) {
    const firstNine = `${rng.int(101, 799)}${String(rng.int(1, 79)).padStart(2, '0')}${rng.digits(4)}`;
    const check = registrationCheckDigit(firstNine);
    const digits = firstNine + String(valid ? check : (check + rng.int(1, 9)) % 10);
    if (used.has(digits)) continue;
    used.add(digits);
    return digits;
  }
}

/** The number as the applicant wrote it: with hyphens (123-45-67891) or without. */
export function writtenRegistrationNo(digits: string, hyphenated: boolean): string {
  return hyphenated ? formatRegistrationNo(digits) : digits;
}

/** The same number with its check digit put right (the applicant's typo undone). */
export function withCorrectCheckDigit(digits: string): string {
  return digits.slice(0, 9) + String(registrationCheckDigit(digits.slice(0, 9)));
}
