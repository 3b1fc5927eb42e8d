import { describe, expect, it } from 'vitest';
import { formatCount } from '../../renderer/common/format/numbers';

// Money and dates are shared/i18n's now: test/unit/i18n-format.test.ts.
describe('formatting', () => {
  it('formats counts with the locale grouping', () => {
    expect(formatCount(12345, 'ko')).toBe('12,345');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});
