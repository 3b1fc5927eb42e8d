import { describe, expect, it } from 'vitest';
import {
  formatRegistrationNo,
  isValidRegistrationNo,
  normalizeRegistrationNo,
  registrationCheckDigit,
} from '../../shared/registration-number';

describe('business registration numbers', () => {
  it('computes the check digit by the National Tax Service rule (hand-worked)', () => {
    // 123456789: 1*1+2*3+3*7+4*1+5*3+6*7+7*1+8*3+9*5 = 165, + floor(9*5/10)=4 -> 169; (10-9)%10 = 1
    expect(registrationCheckDigit('123456789')).toBe(1);
    // 000000000 -> sum 0 -> check 0
    expect(registrationCheckDigit('000000000')).toBe(0);
    // 220810000: 2+6+0+8+3+0+0+0+0 = 19, + 0 -> 19 -> 1
    expect(registrationCheckDigit('220810000')).toBe(1);
  });

  it('accepts numbers with or without hyphens and rejects wrong check digits', () => {
    expect(isValidRegistrationNo('1234567891')).toBe(true);
    expect(isValidRegistrationNo('123-45-67891')).toBe(true);
    expect(isValidRegistrationNo('123-45-67892')).toBe(false);
    expect(isValidRegistrationNo('12345678')).toBe(false);
    expect(isValidRegistrationNo('abcdefghij')).toBe(false);
  });

  it('normalizes and formats', () => {
    expect(normalizeRegistrationNo('123-45-67891')).toBe('1234567891');
    expect(formatRegistrationNo('1234567891')).toBe('123-45-67891');
    expect(() => registrationCheckDigit('12')).toThrow(/nine digits/);
  });
});
