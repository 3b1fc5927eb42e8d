/** Duplicate flags across bundles: registration number, bank account, identical evidence bytes. */
import { describe, expect, it } from 'vitest';
import { duplicateFlagText, findDuplicates, registrationKey, sortFlags, type DuplicateCaseSummary, type DuplicateFlag } from '../../shared/duplicate-flags';

const H1 = 'a'.repeat(64);
const H2 = 'b'.repeat(64);
const H3 = 'c'.repeat(64);

function summary(caseId: string, over: Partial<DuplicateCaseSummary> = {}): DuplicateCaseSummary {
  return {
    caseId,
    bundleId: 'B1',
    registrationNo: caseId, // digits only count: distinct for distinct numeric ids, none for letters
    bankAccountFingerprint: `fingerprint-of-${caseId}`,
    documentHashes: [],
    ...over,
  };
}

describe('findDuplicates', () => {
  it('finds nothing when every value differs', () => {
    expect(findDuplicates([summary('1015-000001'), summary('1015-000002', { documentHashes: [H1] }), summary('1015-000003', { documentHashes: [H2] })]).size).toBe(0);
  });

  it('matches registration numbers with and without hyphens, across bundles, naming the other cases', () => {
    const d = findDuplicates([
      summary('1015-000001', { registrationNo: '123-45-67891' }),
      summary('1015-000042', { bundleId: 'B2', registrationNo: '1234567891' }),
      summary('1015-000050', { bundleId: 'B3', registrationNo: '12345 67891' }),
    ]);
    expect(d.get('1015-000001')).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['1015-000042', '1015-000050'] }]);
    expect(d.get('1015-000042')).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['1015-000001', '1015-000050'] }]);
    expect(d.get('1015-000050')).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['1015-000001', '1015-000042'] }]);
    expect(registrationKey('123-45-67891')).toBe('1234567891');
  });

  it('flags a shared bank account and shared evidence bytes, each with its own partners, in a stable order', () => {
    const d = findDuplicates([
      summary('A', { bankAccountFingerprint: 'ff00ff00ff00ff00', documentHashes: [H1, H2] }),
      summary('B', { bankAccountFingerprint: 'ff00ff00ff00ff00' }),
      summary('C', { documentHashes: [H3, H2] }),
      summary('D', { documentHashes: [H1] }),
    ]);
    expect(d.get('A')).toEqual([
      { code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['B'] },
      { code: 'DUPLICATE_DOCUMENT', caseIds: ['C', 'D'] },
    ]);
    expect(d.get('B')).toEqual([{ code: 'DUPLICATE_BANK_ACCOUNT', caseIds: ['A'] }]);
    expect(d.get('C')).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['A'] }]);
    expect(d.get('D')).toEqual([{ code: 'DUPLICATE_DOCUMENT', caseIds: ['A'] }]);
  });

  it('never flags a case against itself: the same file twice in one case, or a revision in a later bundle', () => {
    const first = summary('1015-000007', { registrationNo: '1234567891', bankAccountFingerprint: 'ab12ab12ab12ab12', documentHashes: [H1, H1] });
    const revised = { ...first, bundleId: 'B2', registrationNo: '123-45-67891' };
    expect(findDuplicates([first, revised]).size).toBe(0);
  });

  it('lets a revision supersede what it revises (later summaries win)', () => {
    const other = summary('X', { registrationNo: '1234567891' });
    const old = summary('Y', { registrationNo: '1234567891' });
    const revised = summary('Y', { bundleId: 'B2', registrationNo: '2222222222' });
    expect(findDuplicates([other, old]).get('X')).toEqual([{ code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['Y'] }]);
    expect(findDuplicates([other, old, revised]).size).toBe(0);
    // And a revision can bring a duplicate the first version did not have.
    expect(findDuplicates([other, revised, { ...revised, bundleId: 'B3', registrationNo: '123-45-67891' }]).get('Y')).toEqual([
      { code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['X'] },
    ]);
  });

  it('ignores empty values', () => {
    expect(findDuplicates([summary('A', { registrationNo: '---', bankAccountFingerprint: '' }), summary('B', { registrationNo: '', bankAccountFingerprint: '' })]).size).toBe(0);
  });
});

describe('sortFlags and duplicateFlagText', () => {
  it('sorts flags in the order of FORMATS.md, without repeats', () => {
    expect(sortFlags(['CLAIM_EXCEEDS_ASSESSED', 'DUPLICATE_DOCUMENT', 'REGISTRATION_NO_INVALID', 'DUPLICATE_DOCUMENT', 'MISSING_DOCUMENTS'])).toEqual([
      'REGISTRATION_NO_INVALID',
      'DUPLICATE_DOCUMENT',
      'MISSING_DOCUMENTS',
      'CLAIM_EXCEEDS_ASSESSED',
    ]);
  });

  it('names the other cases in both languages', () => {
    const flag: DuplicateFlag = { code: 'DUPLICATE_REGISTRATION_NO', caseIds: ['1015-000042'] };
    expect(duplicateFlagText(flag, 'en')).toBe('Same registration number as 1015-000042.');
    expect(duplicateFlagText(flag, 'ko')).toContain('1015-000042');
    expect(duplicateFlagText({ code: 'DUPLICATE_DOCUMENT', caseIds: ['A', 'B'] }, 'en')).toContain('A, B');
  });
});
