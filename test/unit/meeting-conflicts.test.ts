/**
 * Declared conflicts matched against a case (shared/meeting/conflicts.ts): each kind, text as
 * people read it (NFC and NFD Hangul, full-width letters, case, spaces), registration numbers with
 * and without hyphens; only active voting members are ever suggested a recusal.
 */
import { describe, expect, it } from 'vitest';
import type { ConflictKind, DeclaredConflict, Member } from '../../shared/council';
import { conflictKey, conflictMatches, suggestedRecusals, type ConflictFacts } from '../../shared/meeting/conflicts';

const FACTS: ConflictFacts = {
  bundleId: '1015-2023-B25',
  registrationNo: '742-24-19399',
  businessName: '오늘의 플라워',
  region: '서울특별시 종로구',
};

function conflict(conflictId: string, kind: ConflictKind, value: string): DeclaredConflict {
  return { conflictId, kind, value, reason: `reason of ${conflictId}`, declaredAt: '2023-02-20T10:00:00+09:00' };
}

function member(memberId: string, role: Member['role'], conflicts: DeclaredConflict[], active = true): Member {
  return { memberId, name: memberId, affiliation: 'x', role, active, conflicts };
}

describe('conflictMatches', () => {
  it('matches a registration number by its ten digits, hyphens or spaces on either side', () => {
    for (const value of ['7422419399', '742-24-19399', ' 742 24 19399 ']) {
      expect(conflictMatches('registrationNo', value, FACTS), value).toBe(true);
      expect(conflictMatches('registrationNo', value, { ...FACTS, registrationNo: '7422419399' }), value).toBe(true);
    }
    expect(conflictMatches('registrationNo', '7422419398', FACTS)).toBe(false);
    // A part of the number is not the number.
    expect(conflictMatches('registrationNo', '742-24', FACTS)).toBe(false);
    expect(conflictMatches('registrationNo', '74224193991', { ...FACTS, registrationNo: '74224193991' })).toBe(false);
    expect(conflictMatches('registrationNo', '', { ...FACTS, registrationNo: '' })).toBe(false);
  });

  it('matches a fragment of the business name, ignoring case and spaces', () => {
    expect(conflictMatches('businessName', '플라워', FACTS)).toBe(true);
    expect(conflictMatches('businessName', '오늘의플라워', FACTS)).toBe(true);
    expect(conflictMatches('businessName', ' 오늘 의 ', FACTS)).toBe(true);
    expect(conflictMatches('businessName', '꽃집', FACTS)).toBe(false);
    expect(conflictMatches('businessName', 'cafe lumi', { ...FACTS, businessName: 'Café Lumi 연남점' })).toBe(false);
    expect(conflictMatches('businessName', 'CAFÉ LUMI', { ...FACTS, businessName: 'Café Lumi 연남점' })).toBe(true);
    expect(conflictMatches('businessName', '   ', FACTS)).toBe(false);
  });

  it('matches Hangul typed decomposed (NFD) against precomposed (NFC) and back, and full-width letters', () => {
    const nfd = '플라워'.normalize('NFD');
    expect(nfd).not.toBe('플라워');
    expect(conflictMatches('businessName', nfd, FACTS)).toBe(true);
    expect(conflictMatches('businessName', '플라워', { ...FACTS, businessName: FACTS.businessName.normalize('NFD') })).toBe(true);
    expect(conflictMatches('region', '종로구'.normalize('NFD'), FACTS)).toBe(true);
    expect(conflictMatches('businessName', 'ＣＵ', { ...FACTS, businessName: 'cu 종로점' })).toBe(true);
  });

  it('matches a fragment of the region', () => {
    expect(conflictMatches('region', '종로구', FACTS)).toBe(true);
    expect(conflictMatches('region', '서울특별시', FACTS)).toBe(true);
    expect(conflictMatches('region', '서울특별시종로구', FACTS)).toBe(true);
    expect(conflictMatches('region', '마포구', FACTS)).toBe(false);
  });

  it('matches every case of a bundle by its exact id', () => {
    expect(conflictMatches('bundle', '1015-2023-B25', FACTS)).toBe(true);
    expect(conflictMatches('bundle', ' 1015-2023-B25 ', FACTS)).toBe(true);
    expect(conflictMatches('bundle', '1015-2023-B2', FACTS)).toBe(false);
    expect(conflictMatches('bundle', '1015-2023-b25', FACTS)).toBe(false);
    expect(conflictMatches('bundle', '', { ...FACTS, bundleId: '' })).toBe(false);
  });

  it('compares declared values by one key per kind', () => {
    expect(conflictKey('registrationNo', '742-24-19399')).toBe('7422419399');
    expect(conflictKey('businessName', '오늘의 플라워'.normalize('NFD'))).toBe('오늘의플라워');
    expect(conflictKey('region', ' 서울 종로구 ')).toBe('서울종로구');
    expect(conflictKey('bundle', ' 1015-2023-B25 ')).toBe('1015-2023-B25');
  });
});

describe('suggestedRecusals', () => {
  it('suggests each matching conflict of each active voting member, in roster order, with its reason', () => {
    const roster = [
      member('m1', 'chair', [conflict('m1-c1', 'region', '마포구')]),
      member('m2', 'member', [conflict('m2-c1', 'businessName', '플라워'), conflict('m2-c2', 'bundle', '1015-2023-B25')]),
      member('m3', 'member', [conflict('m3-c1', 'registrationNo', '742-24-19399')]),
    ];
    expect(suggestedRecusals(FACTS, roster)).toEqual([
      { memberId: 'm2', conflictId: 'm2-c1', kind: 'businessName', reason: 'reason of m2-c1' },
      { memberId: 'm2', conflictId: 'm2-c2', kind: 'bundle', reason: 'reason of m2-c2' },
      { memberId: 'm3', conflictId: 'm3-c1', kind: 'registrationNo', reason: 'reason of m3-c1' },
    ]);
    expect(suggestedRecusals({ ...FACTS, registrationNo: '1234567891', businessName: '행복분식', bundleId: 'B7' }, roster)).toEqual([]);
  });

  it('never suggests an inactive member or the secretary, whatever they declared', () => {
    const roster = [
      member('m1', 'chair', [conflict('m1-c1', 'region', '종로구')], false),
      member('m4', 'member', [conflict('m4-c1', 'businessName', '오늘의')], false),
      member('s1', 'secretary', [conflict('s1-c1', 'registrationNo', '7422419399')]),
      member('m5', 'member', [conflict('m5-c1', 'region', '종로')]),
    ];
    expect(suggestedRecusals(FACTS, roster).map((s) => s.memberId)).toEqual(['m5']);
  });
});
